"""The charts' lines of text kept between runs (charts.text_cache): read back only when they fit, never a
failure when the file is missing, damaged, a link or cannot be written."""

from __future__ import annotations

import numpy as np
import pytest

from outreach_desk.services.dashboard import VillageScore

SCORES = [VillageScore(i, f"第{i}村民委员会", i / 30, i / 30 < 0.8) for i in range(1, 26)]


def _pixels(monkeypatch=None) -> tuple[np.ndarray, list[str]]:
    """The coverage chart drawn on Agg, and the lines RendererAgg.draw_text had to lay out for it."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg

    from outreach_desk.services.charts import figures

    laid_out = []
    if monkeypatch is not None:
        real = RendererAgg.draw_text
        monkeypatch.setattr(RendererAgg, "draw_text",
                            lambda self, gc, x, y, s, *args, **kwargs: (laid_out.append(s),
                                                                        real(self, gc, x, y, s, *args, **kwargs)))
    canvas = FigureCanvasAgg(figures.coverage_bar(SCORES, 0.8, title="各村达标指数"))
    canvas.draw()
    return np.asarray(canvas.buffer_rgba()).copy(), laid_out


def test_lines_saved_by_one_run_are_drawn_by_the_next_without_laying_them_out_again(tmp_path, monkeypatch):
    from outreach_desk.services.charts import text_cache, text_stamps

    text_stamps.forget()
    first, laid_out = _pixels(monkeypatch)
    assert any("第25村民委员会" == line for line in laid_out)
    path = tmp_path / "缓存" / text_cache.FILE_NAME
    assert text_cache.save(path)
    assert not text_cache.save(path)                 # nothing new since
    text_stamps.forget()
    assert text_cache.load(path) > 0
    again, laid_out = _pixels(monkeypatch)
    assert [line for line in laid_out if "村民委员会" in line] == []   # the names came from the file
    assert np.array_equal(first, again)


def test_a_cache_made_with_other_fonts_or_settings_is_ignored(tmp_path, monkeypatch):
    from outreach_desk.services.charts import text_cache, text_stamps

    _pixels()
    path = tmp_path / text_cache.FILE_NAME
    text_stamps.forget()
    _pixels()
    assert text_cache.save(path)
    text_stamps.forget()
    monkeypatch.setattr(text_cache, "identity", lambda: "another font")
    assert text_cache.load(path) == 0
    _pixels()                                        # drawn all the same


@pytest.mark.parametrize("damage", ["garbage", "truncated", "link", "folder"])
def test_a_damaged_or_planted_cache_file_is_ignored(tmp_path, damage):
    from outreach_desk.services.charts import text_cache, text_stamps

    path = tmp_path / text_cache.FILE_NAME
    text_stamps.forget()
    _pixels()
    assert text_cache.save(path)
    if damage == "garbage":
        path.write_bytes(b"PK\x03\x04 not a zip at all")
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:200])
    elif damage == "link":
        real = tmp_path / "elsewhere.npz"
        path.rename(real)
        path.symlink_to(real)
    else:
        path.unlink()
        path.mkdir()
    text_stamps.forget()
    assert text_cache.load(path) == 0
    _pixels()


def test_a_cache_that_cannot_be_written_costs_nothing(tmp_path):
    from outreach_desk.services.charts import text_cache, text_stamps

    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    text_stamps.forget()
    _pixels()
    assert text_cache.save(blocker / text_cache.FILE_NAME) is False
    assert blocker.read_text(encoding="utf-8") == "not a folder"
