"""Every chart renders its Chinese labels with real glyphs: any "Glyph … missing from font(s)" warning,
or matplotlib falling back from a font family it cannot find, fails the test.

CI installs fonts-noto-cjk (.ci/run); a fresh MPLCONFIGDIR (tests/conftest.py) keeps a stale font
cache from hiding it.
"""

from __future__ import annotations

import logging
import re
import warnings

import pytest

from outreach_desk.services.dashboard import (AwarenessRow, DashboardData, DashboardFilter, HeatMap, Mix,
                                              MonthlyTrend, Tiles, VillageScore)

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def chinese(qapp):
    from outreach_desk import i18n

    i18n.install(qapp, "zh_CN")
    yield
    i18n.install(qapp, "en")


def _data() -> DashboardData:
    from outreach_desk.services.coverage.periods import month

    names = ["光明街社区", "江滨社区", "丽景社区", "曹家河村", "罗家营村", "老峪村", "幸福社区", "太平村"]
    scores = [VillageScore(i, name, 1 - i * 0.08, 1 - i * 0.08 < 0.8) for i, name in enumerate(names)]
    trend = MonthlyTrend(["2026年9月", "2026年10月"], ["现场宣讲会", "横幅标语", "致家长的一封信"],
                         {"现场宣讲会": [3, 4], "横幅标语": [1, 0], "致家长的一封信": [2, 2]}, [300, 450])
    heat = HeatMap([(i, n) for i, n in enumerate(names)],
                   [("column", "每个村（社区）至少建立1个公益宣传专栏"),
                    ("awareness", "群众防范知识知晓率达到80%以上")],
                   [[0.5, None] for _ in names])
    rows = [AwarenessRow(i, n, 0.7, 0.6, 0.8, 100, 70) for i, n in enumerate(names)]
    mix = Mix([("宣传单/手册发放", 5), ("微信/公众号推送", 3)], [("老年人", 4), ("进城务工人员", 2)])
    tiles = Tiles("行动", 1, 10, "集中攻坚", "2026年11月", 1, 2, 3, 4, 0.5, 0.7, 0.6, 0.8, 50, 0.8, 1, 8,
                  None, None, None)
    return DashboardData(DashboardFilter(month(2026, 11)), tiles, scores, 0.8, trend, heat, rows, mix)


def _texts(figure) -> list[str]:
    from matplotlib.text import Text

    from outreach_desk.services.charts.labels import Labels

    return ([t.get_text() for t in figure.findobj(Text) if t.get_text()]
            + [text for labels in figure.findobj(Labels) for text in labels.get_texts()])


@pytest.mark.parametrize("style", ["screen", "presentation"])
def test_every_chart_renders_chinese_without_missing_glyphs(chinese, caplog, tmp_path, style):
    from outreach_desk.i18n import translate
    from outreach_desk.services.charts import export, figures

    data = _data()
    with warnings.catch_warnings(record=True) as caught, caplog.at_level(logging.WARNING, logger="matplotlib"):
        warnings.simplefilter("always")
        for key, title, builder in figures.CHARTS:
            figure = builder(data, style=style, title=translate("Charts", title))
            texts = _texts(figure)
            assert CJK.search(figure._suptitle.get_text()), key
            assert any(CJK.search(text) for text in texts if text != figure._suptitle.get_text()), key
            export.save_figure(figure, tmp_path / f"{key}.png")
    glyphs = [str(w.message) for w in caught if "missing from" in str(w.message) or "Glyph" in str(w.message)]
    assert glyphs == []
    assert not [r.getMessage() for r in caplog.records if "findfont" in r.getMessage() or "Glyph" in r.getMessage()]


def test_axis_labels_are_translated(chinese):
    from outreach_desk.services.charts import figures

    figure = figures.coverage_bar(_data().coverage, 0.8)
    assert CJK.search(figure.axes[0].get_ylabel())
    assert any(CJK.search(text) for text in _texts(figure) if "%" in text)   # the labelled target line


def test_the_minus_sign_renders(chinese, tmp_path):
    from matplotlib.figure import Figure

    from outreach_desk.services.charts import export, fonts

    fonts.configure()
    figure = Figure()
    ax = figure.add_subplot()
    ax.plot([-2, -1, 0], [-3, 0, 3])
    ax.set_title("负数刻度 −1")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        export.save_figure(figure, tmp_path / "minus.png")
