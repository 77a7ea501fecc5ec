"""Import input the way other programs and odd paths deliver it: Excel's escapes, far formatted rows, huge
string tables, UTF-16 without a BOM, folders, pipes and damaged files (always a Chinese sentence naming the file)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from excel_samples import DATE_STYLES, RawCell, raw_xlsx, sheet_xml
from outreach_desk.services.excel import import_rows, reader
from outreach_desk.services.excel.reader import WorkbookError

HEADER = ["日期", "村/社区", "活动类型", "数量", "备注"]
GOOD = ["2026-11-03", "太平村", "横幅标语", 2, "悬挂"]
SST = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{}</sst>'
ROOT = Path(__file__).resolve().parent.parent


def _book(folder: Path, notes_cell, name: str = "book.xlsx", shared: str | None = None) -> Path:
    return raw_xlsx(folder / name, {"活动": sheet_xml([HEADER, [*GOOD[:4], notes_cell]])}, shared_strings=shared)


def _notes(plan) -> str:
    assert plan.ok, plan.issues[:3]
    return plan.rows[0].values["notes"]


@pytest.mark.parametrize("kind", ["inline", "shared"])
def test_excel_escapes_are_decoded_as_excel_reads_them(township, tmp_path, kind):
    text = "第一行_x000D__x000A_第二行，_x005F_x000D_ 照原样"
    if kind == "inline":
        path = _book(tmp_path, RawCell(f'<c r="{{ref}}" t="inlineStr"><is><t>{text}</t></is></c>'))
    else:
        path = _book(tmp_path, RawCell('<c r="{ref}" t="s"><v>0</v></c>'), shared=SST.format(f"<si><t>{text}</t></si>"))
    assert _notes(import_rows.prepare(path)) == "第一行\r\n第二行，_x000D_ 照原样"


@pytest.mark.parametrize("kind", ["inline", "shared", "rich-text"])
def test_an_escaped_control_character_is_caught_by_the_control_character_check(township, tmp_path, kind):
    if kind == "inline":
        cell, shared = RawCell('<c r="{ref}" t="inlineStr"><is><t>响铃_x0007_</t></is></c>'), None
    else:
        cell = RawCell('<c r="{ref}" t="s"><v>0</v></c>')
        body = "<t>响铃_x0007_</t>" if kind == "shared" else "<r><t>响</t></r><r><t>铃_x0007_</t></r>"
        shared = SST.format(f"<si>{body}</si>")
    plan = import_rows.prepare(_book(tmp_path, cell, shared=shared))
    assert not plan.ok
    assert [(i.row, i.header) for i in plan.issues] == [(2, "备注")]
    assert "U+0007" in plan.issues[0].message


def test_a_formatted_empty_cell_at_the_last_row_does_not_count_as_a_row(township, tmp_path):
    rows = [HEADER, GOOD, [*GOOD[:4], "第二条"], [*GOOD[:4], "第三条"]]
    xml = sheet_xml(rows).replace("</sheetData>", '<row r="1048576" s="1" customFormat="1"><c r="A1048576" s="1"/>'
                                                  '<c r="E1048576" s="1" t="s"/></row></sheetData>')
    plan = import_rows.prepare(raw_xlsx(tmp_path / "formatted.xlsx", {"活动": xml}, styles=DATE_STYLES))
    assert plan.ok and [r.row for r in plan.rows] == [2, 3, 4]


def test_more_rows_holding_values_than_the_limit_is_still_refused(township, tmp_path, monkeypatch):
    monkeypatch.setattr(import_rows, "MAX_DATA_ROWS", 5)
    path = raw_xlsx(tmp_path / "long.xlsx", {"活动": sheet_xml([HEADER] + [GOOD] * 6)})
    with pytest.raises(WorkbookError, match="5"):
        import_rows.prepare(path)


def test_unreferenced_shared_strings_are_never_built(township, tmp_path):
    strings = "".join(f"<si><t>未用的字符串{n}</t></si>" for n in range(200_000))
    path = _book(tmp_path, RawCell('<c r="{ref}" t="s"><v>199999</v></c>'), shared=SST.format(strings))
    source = reader.open_source(path)
    try:
        rows = list(source.rows("活动"))
        assert rows[1][1][4] == "未用的字符串199999"
        assert source.shared_string_count() == 200_000
        assert source.shared_strings_built() == 1
    finally:
        source.close()


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_csv_without_bom_is_read(township, tmp_path, encoding):
    text = ",".join(HEADER) + "\r\n2026-11-03,太平村,横幅标语,2,悬挂“标语”\r\n"
    path = tmp_path / "无BOM.csv"
    path.write_bytes(text.encode(encoding))
    plan = import_rows.prepare(path)
    assert _notes(plan) == "悬挂“标语”"


def test_a_nul_in_utf8_text_is_still_refused(township, tmp_path):
    path = tmp_path / "nul.csv"
    path.write_bytes((",".join(HEADER) + "\n2026-11-03,太平村,横幅标语,2,a\x00b\n").encode())
    with pytest.raises(WorkbookError, match="NUL"):
        import_rows.prepare(path)


def _chinese(message: str, name: str) -> None:
    assert name in message, message
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message.replace(name, "")), message
    for english in ("Is a directory", "Errno", "Error", "IndexError", "ParseError", "not well-formed", "line 1"):
        assert english not in message, message


def _unreadable_files(folder: Path) -> dict[str, Path]:
    good = raw_xlsx(folder / "good.xlsx", {"活动": sheet_xml([HEADER, GOOD])})
    parts = {}
    with zipfile.ZipFile(good) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}

    def variant(name: str, part: str, data: bytes) -> Path:
        with zipfile.ZipFile(folder / name, "w") as archive:
            for key, value in {**parts, part: data}.items():
                archive.writestr(key, value)
        return folder / name

    (folder / "一个文件夹.xlsx").mkdir()
    return {
        "folder": folder / "一个文件夹.xlsx",
        "xml": variant("坏的XML.xlsx", "xl/worksheets/sheet1.xml", b"<worksheet><sheetData><row>"),
        "index": raw_xlsx(folder / "坏的索引.xlsx", {"活动": sheet_xml(
            [HEADER, [RawCell('<c r="{ref}" t="s"><v>999</v></c>'), *GOOD[1:]]])}, shared_strings=SST.format(
            "<si><t>a</t></si>")),
        "workbook": variant("坏的工作簿.xlsx", "xl/workbook.xml", b"<<<"),
        "number": raw_xlsx(folder / "坏的数字.xlsx", {"活动": sheet_xml(
            [HEADER, [*GOOD[:3], RawCell('<c r="{ref}"><v>abc</v></c>'), "x"]])}),
    }


def test_unreadable_files_are_refused_in_a_chinese_sentence_naming_them(township, tmp_path, zh_cn):
    for kind, path in _unreadable_files(tmp_path).items():
        with pytest.raises(WorkbookError) as info:
            import_rows.prepare(path)
        _chinese(str(info.value), path.name)


@pytest.fixture
def zh_cn(qapp):
    """The program's Chinese translation installed, as the window and the command line install it."""
    from outreach_desk import i18n

    yield i18n.install(qapp, "zh_CN")
    i18n.install(qapp, "en")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_pipe_given_to_import_is_refused_without_hanging(township, db_path, tmp_path):
    from outreach_desk.store import close_database

    close_database()
    fifo = tmp_path / "管道.csv"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    for path in (fifo, folder):
        done = subprocess.run([sys.executable, "-m", "outreach_desk", "--db", str(db_path), "--lang", "zh_CN",
                               "import", str(path)], capture_output=True, text=True, timeout=300, cwd=ROOT,
                              env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr
        _chinese(done.stderr, path.name)


def _fill_leaving(folder: Path, left: int) -> None:
    from small_disk import fill

    fill(folder)
    filler = folder / "filler"
    os.truncate(filler, max(0, filler.stat().st_size - left))


def _counts(db: Path) -> tuple[int, ...]:
    import sqlite3

    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        return tuple(con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                     for t in ("activity", "imported_row", "audit_log"))


def _many_rows(path: Path, rows: int = 3000) -> Path:
    lines = [",".join(HEADER)] + [f"2026-11-03,太平村,横幅标语,{n + 1},备注{n}" + "长" * 200 for n in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_an_import_that_fills_the_disk_at_commit_says_so_and_imports_nothing(tmp_path, zh_cn):
    from small_disk import tiny_tmpfs

    from outreach_desk.services import organisation as org
    from outreach_desk.services.errors import ServiceError
    from outreach_desk.store import close_database, open_database

    source = _many_rows(tmp_path / "三千行.csv")
    with tiny_tmpfs(tmp_path / "小盘", "24M") as disk:
        open_database(disk / "t.db")
        try:
            township = org.add_township("平安镇")
            org.add_village(township, "太平村")
            before = _counts(disk / "t.db")
            plan = import_rows.prepare(source)
            assert plan.ok
            _fill_leaving(disk, 400_000)
            with pytest.raises(ServiceError) as info:
                import_rows.commit(plan)
            assert "磁盘已满" in str(info.value) and "三千行.csv" in str(info.value), str(info.value)
            assert "rollback" not in str(info.value)
            assert _counts(disk / "t.db") == before
            (disk / "filler").unlink()
            assert import_rows.commit(plan).total == 3000  # the store is usable once there is room again
        finally:
            close_database()


def test_import_into_a_read_only_database_is_refused_in_chinese(township, db_path, tmp_path):
    from small_disk import as_plain_user

    from outreach_desk.store import close_database

    close_database()
    source = _many_rows(tmp_path / "三行.csv", 3)
    before = _counts(db_path)
    db_path.chmod(0o444)
    try:
        done = subprocess.run([*as_plain_user(), sys.executable, "-m", "outreach_desk", "--db", str(db_path), "--lang",
                               "zh_CN", "import", str(source)], capture_output=True, text=True, timeout=300, cwd=ROOT,
                              env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    finally:
        db_path.chmod(0o644)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "只读" in done.stderr and db_path.name in done.stderr
    assert _counts(db_path) == before
