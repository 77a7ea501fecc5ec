"""The demo township's November report as LibreOffice prints it: A4 pages that read at 9 pt or more.

One conversion per test session (the demo database, the report and the PDF are made once, in
subprocesses, as a clerk would make them); skipped with the reason when LibreOffice Calc or
poppler's tools are missing (CI installs both). The PDF's text is drawn by LibreOffice with its font
size in each ``Tf`` operator (the page's scale applied), which is what the size check reads.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
A4 = sorted((595.3, 841.9))
SHEET_TITLE = re.compile(r"月报·(\S+?)（20\d\d年")
FOOTER = re.compile(r"第 (\d+) 页 共 (\d+) 页")


def _run(args: list[str], **options) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, timeout=300, **options)


@pytest.fixture(scope="session")
def printed(tmp_path_factory) -> Path:
    """The PDF LibreOffice makes of the demo township's report for November 2026."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    missing = [tool for tool in ("pdftotext", "pdffonts", "pdfinfo", "pdfimages", "pdfseparate")
               if shutil.which(tool) is None]
    if soffice is None or missing:
        pytest.skip(f"LibreOffice or poppler-utils ({', '.join(missing) or 'soffice'}) is not installed")
    folder = tmp_path_factory.mktemp("printed")
    db, report = folder / "demo.db", folder / "report.xlsx"
    env_python = [sys.executable, "-m", "outreach_desk", "--db", str(db), "--lang", "zh_CN"]
    for args in (["demo"], ["report", "--month", "2026-11", "-o", str(report)]):
        done = _run(env_python + args, cwd=ROOT)
        assert done.returncode == 0, done.stderr
    _run([soffice, "--headless", f"-env:UserInstallation={(folder / 'lo').as_uri()}", "--convert-to", "pdf",
          "--outdir", str(folder), str(report)])
    pdf = folder / "report.pdf"
    if not pdf.exists():
        pytest.skip("this LibreOffice cannot convert .xlsx: install libreoffice-calc-nogui")
    return pdf


def _pages(pdf: Path) -> list[str]:
    count = int(re.search(r"Pages:\s+(\d+)", _run(["pdfinfo", str(pdf)]).stdout).group(1))
    return [_run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"]).stdout
            for n in range(1, count + 1)]


def _font_sizes(pdf: Path) -> list[float]:
    """The size of every run of text LibreOffice drew (``/Fn size Tf`` in the page streams)."""
    data = pdf.read_bytes()
    sizes = []
    for stream in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            content = zlib.decompress(stream.group(1))
        except zlib.error:
            continue
        sizes += [float(size) for size in re.findall(rb"/F\d+ (\d+(?:\.\d+)?) Tf", content)]
    return sizes


def test_every_page_is_a4_with_a_whole_footer_and_a_sensible_count(printed):
    info = _run(["pdfinfo", "-f", "1", "-l", "999", str(printed)]).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    assert sizes and all(sorted((float(w), float(h))) == pytest.approx(A4, abs=1) for w, h in sizes)
    pages = _pages(printed)
    # 25 villages, about 300 gaps and 914 activities (about 115 pages): the wrapped rows take most of them; far
    # fewer would mean text shrunk to fit, far more rows or charts spilling onto pages of their own
    assert 60 <= len(pages) <= 170, len(pages)
    for number, text in enumerate(pages, 1):
        footer = FOOTER.findall(text)
        assert footer, f"page {number} has no whole 第 x 页 共 y 页"


def test_no_page_holds_only_the_repeated_header(printed):
    """Every page of a sheet holds a picture or a line that its other pages do not (rows, not only titles)."""
    pages = _pages(printed)
    images = _run(["pdfimages", "-list", str(printed)]).stdout.splitlines()[2:]
    with_picture = {int(line.split()[0]) for line in images if line.strip()}
    by_sheet: dict[str, list[int]] = {}
    for number, text in enumerate(pages, 1):
        title = SHEET_TITLE.search(text.replace("\n", "").replace(" ", ""))
        assert title, f"page {number} has no sheet title"
        by_sheet.setdefault(title.group(1), []).append(number)
    assert {"汇总表", "活动分类", "图表", "达标情况", "问题清单", "活动台账", "问卷调查", "家长信", "排名", "督导整改",
            "表扬与批评", "案件情况"} <= set(by_sheet)
    assert by_sheet["图表"] == sorted(with_picture) and len(with_picture) == 2   # each chart once, a page each
    for sheet, numbers in by_sheet.items():
        if len(numbers) < 2:
            continue
        lines = [{line.strip() for line in pages[n - 1].splitlines() if line.strip() and not FOOTER.search(line)}
                 for n in numbers]
        common = set.intersection(*lines)
        for number, own in zip(numbers, lines):
            assert number in with_picture or own - common, f"page {number} of {sheet} holds only its header"


def test_the_fonts_are_embedded_and_chinese(printed):
    rows = _run(["pdffonts", str(printed)]).stdout.splitlines()[2:]
    assert rows
    assert all(row.split()[-5] == "yes" for row in rows), rows   # the emb column
    assert any(re.search(r"CJK|Song|Sim|Hei|WenQuanYi|DengXian", row) for row in rows), rows


def test_all_text_prints_at_9_points_or_more(printed):
    sizes = _font_sizes(printed)
    assert len(sizes) > 1000
    assert min(sizes) >= 8.95, sorted(set(sizes))[:5]
