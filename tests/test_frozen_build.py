"""The PyInstaller one-folder build (build/build.sh) makes a program that starts and works headless.

Slow (PyInstaller's analysis and collection). It builds with the interpreter running the tests, whose
environment (the test extras) holds the program's requirements and PyInstaller, so no build environment is
made; without PyInstaller there, build.sh makes its own in build/work/venv. Linux only here; Windows builders
run build/build.ps1.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HAN = re.compile(r"[\u4e00-\u9fff]")

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="build.sh is the Linux build")]


@pytest.fixture(scope="module")
def frozen(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("frozen")
    env = dict(os.environ, BUILD_OUT=str(base / "out"), BUILD_WORK=str(base / "work"),
               PYTHON=sys.executable, QT_QPA_PLATFORM="offscreen")
    if importlib.util.find_spec("PyInstaller") is not None:
        env["BUILD_PYTHON"] = sys.executable
    result = subprocess.run(["bash", str(ROOT / "build" / "build.sh")], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=1500)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-5000:]
    print(result.stdout.strip().splitlines()[-1])  # "built … (SIZE)", shown with pytest -s
    return base / "out" / "OutreachDesk"


def run(frozen: Path, tmp_path: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(QT_QPA_PLATFORM="offscreen", OUTREACH_DESK_HOME=str(tmp_path / "用户数据"))
    return subprocess.run([str(frozen / "outreach-desk"), *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=timeout)


def internal(frozen: Path) -> Path:
    return frozen / "_internal"


def test_bundle_holds_data_translations_and_no_unused_qt(frozen):
    assert (frozen / "OutreachDesk").is_file() and (frozen / "outreach-desk").is_file()
    data = internal(frozen)
    assert (data / "resources" / "translations" / "outreach_desk_zh_CN.qm").is_file()
    assert list((data / "db" / "migrations").glob("0001_*.sql"))
    assert list((data / "db" / "seed").glob("*.json"))
    qt_translations = list(data.glob("PySide6/**/translations/qtbase_*.qm"))
    assert [p.name for p in qt_translations] == ["qtbase_zh_CN.qm"]
    bindings = {p.name.split(".")[0] for p in (data / "PySide6").glob("Qt*.so")}
    assert {"QtCore", "QtGui", "QtWidgets"} <= bindings
    assert not bindings & {"QtWebEngineCore", "QtQml", "QtQuick", "Qt3DCore", "QtMultimedia"}
    assert not list(data.rglob("libQt6WebEngine*")) and not list(data.rglob("libQt6Quick*"))
    assert not (data / "tkinter").exists() and not (data / "pytest").exists()


def test_frozen_program_opens_the_window_on_a_chinese_path(frozen, tmp_path):
    database = tmp_path / "综治办" / "台账.db"
    result = run(frozen, tmp_path, "--db", str(database), "--lang", "zh_CN", "--smoke")
    assert result.returncode == 0, result.stderr
    assert float(result.stdout.strip().splitlines()[-1]) > 0
    assert database.is_file()


def test_frozen_program_makes_a_monthly_report_headless(frozen, tmp_path):
    database = tmp_path / "演示.db"
    result = run(frozen, tmp_path, "--db", str(database), "demo", "--scale", "township", "--seed", "3")
    assert result.returncode == 0, result.stderr
    workbook = tmp_path / "report.xlsx"
    report = run(frozen, tmp_path, "--db", str(database), "--lang", "zh_CN", "report", "--month", "2026-10",
                 "-o", str(workbook))
    assert report.returncode == 0, report.stderr
    assert HAN.search(report.stdout.replace(str(tmp_path), "")), "the bundled translation is in force"

    from openpyxl import load_workbook

    book = load_workbook(workbook)
    assert any(sheet.max_row > 5 for sheet in book.worksheets), book.sheetnames
