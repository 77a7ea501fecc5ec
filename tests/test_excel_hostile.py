"""Hostile input: 200+ generated malformed or hostile workbooks and CSV files.

Each ends in exactly one of: a clear refusal of the whole file (WorkbookError), a list of problems
with nothing imported, or a correct import; never a crash, a hang or unbounded memory. Every case
states which outcome it must give. Limits are checked on the zip directory before anything is
inflated, and rows stop at the row limit; how long the slow hostile files take is measured by
``tests/bench_import.py``, not here.
"""

from __future__ import annotations

import datetime as dt
import random
import struct
import zipfile
from pathlib import Path

import pytest

from excel_samples import DATE_STYLES, RawCell, date_cell, raw_xlsx, sheet_xml, zip_bytes
from outreach_desk.services.errors import ServiceError
from outreach_desk.services.excel import annotate, import_rows, reader
from outreach_desk.services.excel.reader import WorkbookError

REFUSED, PROBLEMS, IMPORTED, ANY = "refused", "problems", "imported", "any"
HEADER = ["日期", "村/社区", "活动类型", "数量", "覆盖人数", "备注"]
GOOD = ["2026-11-03", "太平村", "横幅标语", 2, 40, "悬挂"]
SERIAL_2026_11_03 = (dt.date(2026, 11, 3) - dt.date(1899, 12, 30)).days
CASES: list[tuple[str, str, object]] = []  # (id, expected outcome, builder(folder) -> path)


def case(case_id: str, expected: str):
    def register(builder):
        CASES.append((case_id, expected, builder))
        return builder
    return register


def activity_book(folder: Path, name: str, rows, header=HEADER, styles=None, extra: str = "",
                  dimension=None, sheet="活动", shared=None) -> Path:
    return raw_xlsx(folder / name, {sheet: sheet_xml([header, *rows], dimension=dimension, extra=extra)},
                    shared_strings=shared, styles=styles)


def good_book(folder: Path, name: str = "good.xlsx") -> Path:
    return activity_book(folder, name, [GOOD])


def with_row(changes: dict, styles=None):
    row = list(GOOD)
    for column, value in changes.items():
        row[HEADER.index(column)] = value
    return lambda folder: activity_book(folder, "row.xlsx", [row], styles=styles)


def write(folder: Path, name: str, data: bytes) -> Path:
    (folder / name).write_bytes(data)
    return folder / name


# ---- A. not a zip at all ------------------------------------------------------------------------
for seed in range(20):
    case(f"random-bytes-{seed}", REFUSED)(
        lambda f, s=seed: write(f, "x.xlsx", random.Random(s).randbytes(random.Random(s).randrange(1, 5000))))
for index, text in enumerate(["日期,村/社区\n", "<html><body>not a workbook</body></html>", "{}"]):
    case(f"text-named-xlsx-{index}", REFUSED)(lambda f, t=text: write(f, "t.xlsx", t.encode("utf-8")))
case("empty-file", REFUSED)(lambda f: write(f, "e.xlsx", b""))
case("one-byte", REFUSED)(lambda f: write(f, "o.xlsx", b"P"))
case("png", REFUSED)(lambda f: write(f, "p.xlsx", b"\x89PNG\r\n\x1a\n" + bytes(100)))
case("pdf", REFUSED)(lambda f: write(f, "p.xlsx", b"%PDF-1.7\n" + bytes(100)))
case("pk-header-only", REFUSED)(lambda f: write(f, "pk.xlsx", b"PK\x03\x04" + bytes(40)))

# ---- B. legacy and other formats ---------------------------------------------------------------
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000)
for name in ("old.xls", "old.xlsx", "wps.et", "protected.xlsx"):
    case(f"ole-{name}", REFUSED)(lambda f, n=name: write(f, n, OLE))
case("html-xls", REFUSED)(lambda f: write(f, "web.xls", b"<table><tr><td>1</td></tr></table>"))

# ---- C. zips that are not workbooks ------------------------------------------------------------
case("zip-of-text", REFUSED)(lambda f: write(f, "z.xlsx", zip_bytes({"a.txt": b"hello"})))
case("docx", REFUSED)(lambda f: write(f, "d.xlsx", zip_bytes({
    "[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})))
case("ods", REFUSED)(lambda f: write(f, "s.xlsx", zip_bytes({
    "mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<office:document/>"})))
case("content-types-only", REFUSED)(lambda f: write(f, "c.xlsx", zip_bytes({"[Content_Types].xml": b"<Types/>"})))
case("empty-zip", REFUSED)(lambda f: write(f, "e.xlsx", zip_bytes({})))
case("workbook-with-missing-sheet-part", REFUSED)(
    lambda f: write(f, "m.xlsx", _drop_part(good_book(f), "xl/worksheets/sheet1.xml")))
case("workbook-xml-garbage", REFUSED)(
    lambda f: write(f, "g.xlsx", _replace_part(good_book(f), "xl/workbook.xml", b"<<<")))
case("encrypted-entry-flag", REFUSED)(lambda f: write(f, "enc.xlsx", _set_flag(good_book(f).read_bytes(), 0x1)))


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _drop_part(path: Path, part: str) -> bytes:
    return zip_bytes({k: v for k, v in _parts(path).items() if k != part})


def _replace_part(path: Path, part: str, data: bytes) -> bytes:
    return zip_bytes({**_parts(path), part: data})


def _set_flag(data: bytes, flag: int) -> bytes:
    """Set a general-purpose flag bit in every central directory entry."""
    out = bytearray(data)
    position = out.find(b"PK\x01\x02")
    while position != -1:
        struct.pack_into("<H", out, position + 8, struct.unpack_from("<H", out, position + 8)[0] | flag)
        position = out.find(b"PK\x01\x02", position + 4)
    return bytes(out)


def _declare_size(data: bytes, part: str, size: int) -> bytes:
    """Make the central directory lie about one entry's uncompressed size."""
    out = bytearray(data)
    position = out.find(b"PK\x01\x02")
    while position != -1:
        name_length = struct.unpack_from("<H", out, position + 28)[0]
        name = bytes(out[position + 46:position + 46 + name_length]).decode()
        if name == part:
            struct.pack_into("<I", out, position + 24, size)
        position = out.find(b"PK\x01\x02", position + 4)
    return bytes(out)


# ---- D. damaged workbooks ----------------------------------------------------------------------
for cut in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.97):
    case(f"truncated-{cut}", REFUSED)(lambda f, c=cut: write(f, "t.xlsx", good_book(f).read_bytes()[
        :int(len(good_book(f).read_bytes()) * c)]))
for seed in range(12):
    def flipped(f, s=seed):
        data = bytearray(good_book(f).read_bytes())
        rng = random.Random(s)
        for _ in range(3):
            data[rng.randrange(len(data))] ^= 0xFF
        return write(f, "flip.xlsx", bytes(data))
    case(f"bit-flips-{seed}", ANY)(flipped)

# ---- E. zip bombs and oversized parts ----------------------------------------------------------
case("sheet-expands-beyond-limit", REFUSED)(lambda f: write(f, "bomb.xlsx", _declare_size(
    good_book(f).read_bytes(), "xl/worksheets/sheet1.xml", reader.MAX_SHEET_UNCOMPRESSED + 1)))
case("total-expansion-beyond-limit", REFUSED)(lambda f: write(f, "bomb2.xlsx", _declare_size(_declare_size(
    good_book(f).read_bytes(), "xl/worksheets/sheet1.xml", reader.MAX_SHEET_UNCOMPRESSED),
    "[Content_Types].xml", reader.MAX_TOTAL_UNCOMPRESSED)))
case("lying-small-size-inflates-more", REFUSED)(lambda f: write(f, "lie.xlsx", _declare_size(
    good_book(f).read_bytes(), "xl/worksheets/sheet1.xml", 100)))
case("shared-strings-too-large", REFUSED)(lambda f: raw_xlsx(
    f / "ss.xlsx", {"活动": sheet_xml([HEADER, GOOD])},
    shared_strings='<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
                   + "a" * (reader.MAX_SHARED_STRINGS + 10) + "</t></si></sst>"))
case("styles-too-large", REFUSED)(lambda f: raw_xlsx(
    f / "st.xlsx", {"活动": sheet_xml([HEADER, GOOD])}, styles="<styleSheet>" + " " * (reader.MAX_OTHER_PART + 1)))
case("too-many-entries", REFUSED)(lambda f: write(f, "many.xlsx", zip_bytes(
    {**_parts(good_book(f)), **{f"junk/{i}.xml": b"" for i in range(reader.MAX_ZIP_ENTRIES)}})))
case("file-too-large", REFUSED)(lambda f: write(f, "big.xlsx", good_book(f).read_bytes() + bytes(
    reader.MAX_FILE_BYTES)))
case("csv-too-large", REFUSED)(lambda f: write(f, "big.csv", b"a" * (reader.MAX_CSV_BYTES + 1)))


# ---- F. huge declared dimensions, G. a million rows ---------------------------------------------
case("dimension-XFD1048576", IMPORTED)(lambda f: activity_book(f, "dim.xlsx", [GOOD], dimension="A1:XFD1048576"))
case("cell-in-column-XFD-ignored", IMPORTED)(lambda f: raw_xlsx(f / "xfd.xlsx", {"活动": sheet_xml([HEADER]).replace(
    "</sheetData>", '<row r="2"><c r="A2" t="inlineStr"><is><t>2026-11-03</t></is></c><c r="B2" t="inlineStr"><is>'
    '<t>太平村</t></is></c><c r="C2" t="inlineStr"><is><t>横幅标语</t></is></c><c r="D2"><v>1</v></c>'
    '<c r="XFD2"><v>7</v></c></row></sheetData>')}))
case("one-cell-in-row-1048576", PROBLEMS)(lambda f: raw_xlsx(f / "far.xlsx", {"活动": sheet_xml([HEADER, GOOD]).replace(
    "</sheetData>", '<row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData>')}))
case("formatted-empty-cell-in-row-1048576", IMPORTED)(lambda f: raw_xlsx(f / "fmt.xlsx", {"活动": sheet_xml(
    [HEADER, GOOD, GOOD, GOOD]).replace("</sheetData>", '<row r="1048576" s="1" customFormat="1">'
                                        '<c r="A1048576" s="1"/><c r="B1048576" t="s" s="1"/></row></sheetData>')},
    styles=DATE_STYLES))
case("row-numbered-beyond-the-last-row", REFUSED)(lambda f: raw_xlsx(f / "beyond.xlsx", {"活动": sheet_xml(
    [HEADER, GOOD]).replace("</sheetData>", '<row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData>')}))
case("rows-without-references", IMPORTED)(lambda f: raw_xlsx(f / "noref.xlsx", {"活动": sheet_xml([HEADER, GOOD])
                                          .replace(' r="', ' x="')}))


def _million_rows(folder: Path) -> Path:
    head = sheet_xml([HEADER, GOOD]).split("</sheetData>")[0]
    rows = "".join(f'<row r="{n}"><c r="D{n}"><v>1</v></c></row>' for n in range(3, 1_000_003))
    return raw_xlsx(folder / "million.xlsx", {"活动": head + rows + "</sheetData></worksheet>"})


case("a-million-rows", REFUSED)(_million_rows)
case("csv-sixty-thousand-rows", REFUSED)(lambda f: write(f, "many.csv", (
    ",".join(HEADER) + "\n" + "2026-11-03,太平村,横幅标语,1,,\n" * 60_000).encode("utf-8")))

# ---- H. formulas and error values ---------------------------------------------------------------
for column in HEADER:
    case(f"formula-in-{column}", PROBLEMS)(with_row({column: RawCell('<c r="{ref}"><f>1+1</f><v>2</v></c>')}))
case("shared-formula", PROBLEMS)(
    with_row({"数量": RawCell('<c r="{ref}"><f t="shared" ref="D2:D3" si="0">A1</f></c>')}))
case("array-formula", PROBLEMS)(with_row({"数量": RawCell('<c r="{ref}"><f t="array" ref="D2">SUM(A1:A2)</f></c>')}))
case("string-formula-result", PROBLEMS)(
    with_row({"备注": RawCell('<c r="{ref}" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>')}))
for code in ("#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?"):
    case(f"error-value-{code}", PROBLEMS)(with_row({"数量": RawCell(f'<c r="{{ref}}" t="e"><v>{code}</v></c>')}))
case("date-serial-out-of-range", PROBLEMS)(with_row({"日期": date_cell(99_999_999)}, styles=DATE_STYLES))
case("date-serial-negative", PROBLEMS)(with_row({"日期": date_cell(-5)}, styles=DATE_STYLES))

# ---- I. merged cells ----------------------------------------------------------------------------
for ref in ("B2:B3", "A2:F2", "C2:D5"):
    case(f"merged-{ref}", PROBLEMS)(lambda f, r=ref: activity_book(
        f, "merged.xlsx", [GOOD, ["2026-11-04", None, "宣传海报", 1]],
        extra=f'<mergeCells count="1"><mergeCell ref="{r}"/></mergeCells>'))
case("merged-title-above-header", IMPORTED)(lambda f: raw_xlsx(f / "title.xlsx", {"活动": sheet_xml(
    [["太平村宣传活动登记表"], HEADER, GOOD], extra='<mergeCells count="1"><mergeCell ref="A1:F1"/></mergeCells>')}))

# ---- J. wrong and odd types ---------------------------------------------------------------------
TYPE_CASES = [
    ("数量", True, PROBLEMS), ("数量", False, PROBLEMS), ("数量", "两条", PROBLEMS), ("数量", 2.5, PROBLEMS),
    ("数量", -1, PROBLEMS), ("数量", 0, PROBLEMS), ("数量", 10 ** 20, PROBLEMS), ("数量", 1e308, PROBLEMS),
    ("数量", "NaN", PROBLEMS), ("数量", "inf", PROBLEMS), ("数量", "1e3", PROBLEMS), ("数量", "", PROBLEMS),
    ("数量", "１２", IMPORTED), ("数量", "1,200", IMPORTED), ("数量", 3.0, IMPORTED), ("数量", " 7 ", IMPORTED),
    ("覆盖人数", -3, PROBLEMS), ("覆盖人数", 1.5, PROBLEMS), ("覆盖人数", "很多", PROBLEMS),
    ("覆盖人数", 10 ** 9 + 1, PROBLEMS), ("覆盖人数", None, IMPORTED),
    ("日期", True, PROBLEMS), ("日期", 3.7, PROBLEMS), ("日期", "明天", PROBLEMS), ("日期", "11/03/2026", PROBLEMS),
    ("日期", "2026.11.3", IMPORTED), ("日期", "2026年11月3日", IMPORTED), ("日期", 20261103, IMPORTED),
    ("日期", SERIAL_2026_11_03, IMPORTED), ("日期", "2026-11-03T08:30:00", IMPORTED),
    ("村/社区", 12345, PROBLEMS), ("村/社区", True, PROBLEMS), ("活动类型", 3.14, PROBLEMS),
    ("活动类型", "banner", IMPORTED), ("活动类型", "Banner", IMPORTED), ("备注", 42, IMPORTED),
]
for column, value, expected in TYPE_CASES:
    case(f"type-{column}-{value!r}"[:60], expected)(with_row({column: value}))

# ---- K. empty sheets and empty files ------------------------------------------------------------
case("no-sheets", REFUSED)(lambda f: raw_xlsx(f / "none.xlsx", {}))
case("empty-sheet", REFUSED)(lambda f: raw_xlsx(f / "empty.xlsx", {"活动": sheet_xml([])}))
case("header-only", REFUSED)(lambda f: activity_book(f, "h.xlsx", []))
case("whitespace-rows-only", REFUSED)(lambda f: activity_book(f, "w.xlsx", [["  ", " ", "\u3000"], [None] * 6]))
case("csv-header-only", REFUSED)(lambda f: write(f, "h.csv", ",".join(HEADER).encode()))
case("csv-empty", REFUSED)(lambda f: write(f, "e.csv", b""))
case("csv-blank-lines", REFUSED)(lambda f: write(f, "b.csv", b"\n\n\r\n\n"))
case("three-empty-sheets", REFUSED)(
    lambda f: raw_xlsx(f / "3.xlsx", {n: sheet_xml([]) for n in ("活动", "问卷调查", "家长信")}))

# ---- L. very long strings -----------------------------------------------------------------------
LONG = "长" * 100_000
case("long-notes", PROBLEMS)(with_row({"备注": LONG}))
case("long-village", PROBLEMS)(with_row({"村/社区": LONG}))
case("long-quantity-text", PROBLEMS)(with_row({"数量": "9" * 100_000}))
case("long-header-cell", IMPORTED)(lambda f: activity_book(f, "lh.xlsx", [GOOD + ["x"]], header=HEADER + [LONG]))
case("long-shared-strings", PROBLEMS)(lambda f: raw_xlsx(
    f / "lss.xlsx", {"活动": sheet_xml([HEADER]).replace("</sheetData>", "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>2026-11-03</t></is></c><c r="B{n}" t="inlineStr"><is><t>太平村'
        f'</t></is></c><c r="C{n}" t="inlineStr"><is><t>横幅标语</t></is></c><c r="D{n}"><v>1</v></c>'
        f'<c r="F{n}" t="s"><v>{n - 2}</v></c></row>' for n in range(2, 12)) + "</sheetData>")},
    shared_strings='<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                   + f"<si><t>{LONG}</t></si>" * 10 + "</sst>"))
case("csv-field-over-csv-limit", REFUSED)(lambda f: write(f, "long.csv", (
    ",".join(HEADER) + "\n2026-11-03,太平村,横幅标语,1,," + "x" * 200_000 + "\n").encode()))

# ---- M. control characters ----------------------------------------------------------------------
case("escaped-control-x0007", PROBLEMS)(with_row({"备注": RawCell(
    '<c r="{ref}" t="inlineStr"><is><t>响铃_x0007_</t></is></c>')}))
case("char-reference-to-control", REFUSED)(
    with_row({"备注": RawCell('<c r="{ref}" t="inlineStr"><is><t>a&#7;b</t></is></c>')}))
case("csv-nul", REFUSED)(
    lambda f: write(f, "nul.csv", (",".join(HEADER) + "\n2026-11-03,太平村,横幅标语,1,,a\x00b\n").encode()))
case("csv-bell", PROBLEMS)(
    lambda f: write(f, "bell.csv", (",".join(HEADER) + "\n2026-11-03,太平村,横幅标语,1,,a\x07b\n").encode()))
case("zero-width-in-village", PROBLEMS)(with_row({"村/社区": "太\u200b平村"}))
case("bom-inside-field", PROBLEMS)(with_row({"村/社区": "\ufeff太平村x"}))
case("rtl-override-in-notes", IMPORTED)(with_row({"备注": "\u202e反转"}))

# ---- N. dates out of range ----------------------------------------------------------------------
for value in ("1899-12-31", "1999-12-31", "2999-01-01", "9999-12-31", "0000-00-00", "2026-11-31", "2026-02-29"):
    case(f"date-{value}", PROBLEMS)(with_row({"日期": value}))
case("date-serial-1", PROBLEMS)(with_row({"日期": date_cell(1)}, styles=DATE_STYLES))
case("date-iso-cell-out-of-range", ANY)(
    with_row({"日期": RawCell('<c r="{ref}" t="d"><v>99999-01-01T00:00:00</v></c>')}))

# ---- O. XML attacks and broken XML --------------------------------------------------------------
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
          + ']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>')
XXE = ('<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
       '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&xxe;</t></si></sst>')
USES_STRING_0 = [RawCell('<c r="{ref}" t="s"><v>0</v></c>') if i == 5 else v for i, v in enumerate(GOOD)]
case("billion-laughs", REFUSED)(lambda f: raw_xlsx(f / "lol.xlsx", {"活动": sheet_xml([HEADER, USES_STRING_0])},
                                                  shared_strings=LAUGHS))
case("external-entity", REFUSED)(lambda f: raw_xlsx(f / "xxe.xlsx", {"活动": sheet_xml([HEADER, USES_STRING_0])},
                                                   shared_strings=XXE))
case("truncated-sheet-xml", REFUSED)(lambda f: raw_xlsx(f / "tr.xlsx", {"活动": sheet_xml([HEADER, GOOD])[:-40]}))
case("shared-string-index-out-of-range", REFUSED)(lambda f: raw_xlsx(
    f / "idx.xlsx", {"活动": sheet_xml([HEADER, [RawCell('<c r="{ref}" t="s"><v>999</v></c>'), *GOOD[1:]]])},
    shared_strings='<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si></sst>'))
case("garbage-cell-reference", ANY)(lambda f: raw_xlsx(f / "ref.xlsx", {"活动": sheet_xml([HEADER, GOOD]).replace(
    'r="A2"', 'r="@@"')}))
case("number-cell-with-text", REFUSED)(with_row({"数量": RawCell('<c r="{ref}"><v>abc</v></c>')}))
case("deeply-nested-xml", ANY)(lambda f: raw_xlsx(f / "deep.xlsx", {"活动": sheet_xml([HEADER, GOOD]).replace(
    "</worksheet>", "<extLst>" + "<a>" * 50_000 + "</a>" * 50_000 + "</extLst></worksheet>")}))
case("wrong-namespace", REFUSED)(lambda f: raw_xlsx(f / "ns.xlsx", {"活动": sheet_xml([HEADER, GOOD]).replace(
    "spreadsheetml/2006/main", "example.com/other")}))

# ---- P. CSV variants ----------------------------------------------------------------------------
CSV = ",".join(HEADER) + "\n2026-11-03,太平村,横幅标语,2,40,悬挂“标语”\n"
for encoding in ("gbk", "gb18030", "utf-8", "utf-8-sig", "utf-16"):
    case(f"csv-{encoding}", IMPORTED)(lambda f, e=encoding: write(f, "a.csv", CSV.encode(e)))
case("csv-gb18030-four-byte-char", IMPORTED)(
    lambda f: write(f, "r.csv", CSV.replace("悬挂", "悬挂𠀀").encode("gb18030")))
case("csv-tabs", IMPORTED)(lambda f: write(f, "t.csv", CSV.replace(",", "\t").encode("utf-8")))
case("csv-semicolons", IMPORTED)(lambda f: write(f, "s.csv", CSV.replace(",", ";").encode("utf-8")))
case("csv-crlf", IMPORTED)(lambda f: write(f, "c.csv", CSV.replace("\n", "\r\n").encode("utf-8")))
case("csv-quoted-newline", IMPORTED)(lambda f: write(f, "q.csv", (
    ",".join(HEADER) + '\n2026-11-03,太平村,横幅标语,2,40,"两行\n备注"\n').encode("utf-8")))
case("csv-unbalanced-quote", PROBLEMS)(lambda f: write(f, "u.csv", (
    ",".join(HEADER) + '\n2026-11-03,太平村,横幅标语,"2,40,x\n').encode("utf-8")))
case("csv-latin1-garbage", REFUSED)(lambda f: write(f, "l.csv", bytes(range(128, 256)) * 4))
case("csv-utf16-le-without-bom", IMPORTED)(lambda f: write(f, "n.csv", CSV.encode("utf-16-le")))
case("csv-utf16-be-without-bom", IMPORTED)(lambda f: write(f, "n.csv", CSV.encode("utf-16-be")))
case("csv-short-rows", PROBLEMS)(lambda f: write(f, "short.csv", (",".join(HEADER) + "\n2026-11-03,太平村\n").encode()))
case("csv-formula-injection-text", IMPORTED)(lambda f: write(f, "inj.csv", (
    ",".join(HEADER) + '\n2026-11-03,太平村,横幅标语,2,40,"=HYPERLINK(""http://x"")"\n').encode()))
for seed in range(5):
    case(f"csv-random-bytes-{seed}", REFUSED)(lambda f, s=seed: write(f, "r.csv", random.Random(s).randbytes(3000)))

# ---- Q. headers ---------------------------------------------------------------------------------
case("missing-required-column", PROBLEMS)(lambda f: activity_book(f, "m.xlsx", [GOOD[:3]], header=HEADER[:3]))
case("duplicate-column", PROBLEMS)(lambda f: activity_book(f, "d.xlsx", [GOOD + [3]], header=HEADER + ["数量"]))
case("header-below-search-rows", PROBLEMS)(lambda f: raw_xlsx(f / "low.xlsx", {"活动": sheet_xml(
    [["说明"]] * 11 + [HEADER, GOOD])}))
case("english-keys-as-headers", IMPORTED)(lambda f: activity_book(
    f, "en.xlsx", [GOOD], header=["date", "village", "kind", "quantity", "people", "notes"]))
case("sheet-name-with-spaces", IMPORTED)(lambda f: activity_book(f, "sp.xlsx", [GOOD], sheet=" 活动 "))
case("unnamed-sheet-found-by-headers", IMPORTED)(lambda f: activity_book(f, "un.xlsx", [GOOD], sheet="Sheet1"))
case("unrelated-sheet-only", REFUSED)(lambda f: activity_book(f, "x.xlsx", [[1, 2]], header=["姓名", "电话"],
                                                              sheet="通讯录"))

# ---- R. fuzzed sheet XML ------------------------------------------------------------------------
for seed in range(16):
    def fuzzed(f, s=seed):
        rng = random.Random(s)
        xml = sheet_xml([HEADER, GOOD, ["2026-11-04", "幸福社区", "宣传海报", 5, 9, "x"]])
        for _ in range(rng.randrange(1, 4)):
            position = rng.randrange(len(xml))
            xml = xml[:position] + rng.choice(["<", ">", "&", '"', "", "<c/>", "</row>", "\x01", "<v>", "A99"]) + \
                xml[position + rng.randrange(0, 4):]
        return raw_xlsx(f / "fuzz.xlsx", {"活动": xml})
    case(f"fuzzed-sheet-{seed}", ANY)(fuzzed)


# ---- the test -----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    from outreach_desk.services import organisation as org
    from outreach_desk.store import close_database, open_database

    open_database(tmp_path_factory.mktemp("敌意文件") / "hostile.db")
    township = org.add_township("平安镇")
    village = org.add_village(township, "太平村")
    org.add_village(township, "幸福社区", "community")
    org.add_site(village, "格林小学", "school", students=300)
    org.add_member_unit(township, "平安派出所")
    yield
    close_database()


def _counts() -> tuple[int, ...]:
    from outreach_desk.store.models import Activity, ImportedRow, ParentLetter, Survey

    return tuple(m.select().count() for m in (Activity, Survey, ParentLetter, ImportedRow))


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 200
    assert len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("expected, build", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_hostile_file_gives_a_clear_error_or_a_correct_import(hostile_store, tmp_path, expected, build):
    path = build(tmp_path)
    before = _counts()
    try:
        plan = import_rows.prepare(path)
    except WorkbookError as exc:
        outcome, message = REFUSED, str(exc)
        assert message and "Traceback" not in message and len(message) < 600
    else:
        if plan.ok:
            outcome = IMPORTED
            result = import_rows.commit(plan)
            after = _counts()
            assert after[0] - before[0] == result.imported["activity"]
            assert after[3] - before[3] == result.total
        else:
            outcome = PROBLEMS
            assert all(issue.sheet and issue.message for issue in plan.issues)
            with pytest.raises(ServiceError):
                import_rows.commit(plan)
            marked = annotate.write_annotated(plan, tmp_path / "marked.xlsx")
            assert zipfile.is_zipfile(marked)
    if outcome != IMPORTED:
        assert _counts() == before
    if expected != ANY:
        assert outcome == expected, (outcome, plan.issues[:3] if outcome == PROBLEMS else message
                                     if outcome == REFUSED else "")


def test_declared_sizes_are_checked_before_anything_is_inflated(hostile_store, tmp_path, monkeypatch):
    """A bomb is refused from the zip directory alone, without reading any part's data."""
    path = write(tmp_path, "bomb.xlsx", _declare_size(good_book(tmp_path).read_bytes(), "xl/worksheets/sheet1.xml",
                                                      4_000_000_000))
    inflated = []
    original = zipfile.ZipFile.open
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda self, name, *a, **k: inflated.append(name) or original(
        self, name, *a, **k))
    with pytest.raises(WorkbookError) as info:
        reader.open_source(path)
    assert "MB" in str(info.value) and "xl/worksheets/sheet1.xml" not in [getattr(n, "filename", n) for n in inflated]


def test_reading_decodes_gbk_before_gb18030_and_reports_the_encoding(tmp_path):
    text = "日期,村/社区\n2026-11-03,太平村\n"
    for encoding, expected in (("gbk", "gb18030"), ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig")):
        source = reader.open_source(write(tmp_path, f"{encoding}.csv", text.encode(encoding)))
        assert source.encoding == expected
        assert list(source.rows(source.sheet_names()[0]))[1] == (2, ("2026-11-03", "太平村"))
