"""Where the monthly report (and the annotated copy) is written: a planted link, a missing or read-only folder
and a full disk each give one Chinese sentence naming the place, never a traceback or half a file."""

from __future__ import annotations

import pytest

from excel_samples import raw_xlsx, sheet_xml
from outreach_desk.services.errors import ServiceError
from outreach_desk.services.excel import annotate, import_rows, report
from small_disk import fill, read_only_view, tiny_tmpfs
from test_excel_report import MONTH, town  # noqa: F401 (the fixture)


@pytest.fixture
def zh_cn(qapp):
    from outreach_desk import i18n

    yield i18n.install(qapp, "zh_CN")
    i18n.install(qapp, "en")


def _files(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _chinese(message: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in message) and "Errno" not in message


@pytest.mark.parametrize("planted", ["link to a file", "dangling link"])
def test_a_link_planted_at_the_report_path_is_refused_and_its_target_untouched(town, tmp_path, planted):
    precious = tmp_path / "precious.txt"
    if planted == "link to a file":
        precious.write_text("别人的文件", encoding="utf-8")
    target = tmp_path / "月报.xlsx"
    target.symlink_to(precious)
    with pytest.raises(ServiceError) as info:
        report.build_report(target, MONTH)
    assert "月报.xlsx" in str(info.value)
    assert target.is_symlink()
    if planted == "link to a file":
        assert precious.read_text(encoding="utf-8") == "别人的文件"
    else:
        assert not precious.exists()
    assert [n for n in _files(tmp_path) if "part" in n] == []


def test_a_link_planted_at_the_annotated_copy_path_is_refused(township, tmp_path):
    source = raw_xlsx(tmp_path / "坏.xlsx", {"活动": sheet_xml([["日期", "村/社区", "活动类型", "数量"],
                                                                 ["2026-11-03", "无此村", "横幅标语", 1]])})
    plan = import_rows.prepare(source)
    precious = tmp_path / "precious.txt"
    precious.write_text("keep", encoding="utf-8")
    marked = annotate.default_path(source)
    marked.symlink_to(precious)
    with pytest.raises(ServiceError) as info:
        annotate.write_annotated(plan, marked)
    assert marked.name in str(info.value) and precious.read_text(encoding="utf-8") == "keep"


def test_a_missing_folder_is_made_unless_it_cannot_be(town, tmp_path, zh_cn):
    assert report.build_report(tmp_path / "新文件夹" / "月报.xlsx", MONTH).path.exists()
    (tmp_path / "一个文件").write_bytes(b"x")
    with pytest.raises(ServiceError) as info:
        report.build_report(tmp_path / "一个文件" / "月报.xlsx", MONTH)
    assert "一个文件" in str(info.value) and _chinese(str(info.value))
    with read_only_view(tmp_path / "新文件夹", tmp_path / "只读视图") as view:
        with pytest.raises(ServiceError) as info:
            report.build_report(view / "没有的文件夹" / "月报.xlsx", MONTH)
        assert "只读视图" in str(info.value) and _chinese(str(info.value))


def test_a_read_only_folder_is_refused_in_one_sentence(town, tmp_path, zh_cn):
    folder = tmp_path / "只读"
    folder.mkdir()
    (folder / "旧月报.xlsx").write_bytes(b"old")
    with read_only_view(folder, tmp_path / "只读视图") as view:
        with pytest.raises(ServiceError) as info:
            report.build_report(view / "月报.xlsx", MONTH)
        assert "只读视图" in str(info.value) and _chinese(str(info.value))
        assert _files(view) == ["旧月报.xlsx"]


def test_a_full_disk_is_said_and_leaves_no_half_file(town, tmp_path, zh_cn):
    with tiny_tmpfs(tmp_path / "小盘", "256k") as disk:
        (disk / "月报.xlsx").write_bytes(b"last month's report")
        fill(disk)
        with pytest.raises(ServiceError) as info:
            report.build_report(disk / "月报.xlsx", MONTH)
        assert "磁盘已满" in str(info.value) and "小盘" in str(info.value)
        assert _files(disk) == ["filler", "月报.xlsx"]
        assert (disk / "月报.xlsx").read_bytes() == b"last month's report"


def test_the_report_command_says_a_full_disk_without_a_traceback(town, db_path, tmp_path, capsys, qapp):
    from outreach_desk.cli import main
    from outreach_desk.store import close_database

    close_database()
    with tiny_tmpfs(tmp_path / "小盘", "256k") as disk:
        fill(disk)
        code = main(["--db", str(db_path), "--lang", "zh_CN", "report", "--month", MONTH, "-o", str(disk / "r.xlsx")])
        err = capsys.readouterr().err
        assert code == 2 and "磁盘已满" in err and "Traceback" not in err, err
        assert _files(disk) == ["filler"]
    from outreach_desk import i18n

    i18n.install(qapp, "en")
