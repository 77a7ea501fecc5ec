"""``outreach-desk close``, ``reopen`` and ``sendings`` end to end: report, send, a refused import, reopen, send
again; the refusal in Chinese names who closed the month and says to reopen it."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from test_coverage_cli import _run
from test_coverage_engine import build_town
from cli_runs import CLI_NEEDS_QAPP

pytestmark = CLI_NEEDS_QAPP


@pytest.fixture
def town_db(db_path):
    from outreach_desk.store import close_database, open_database

    open_database(db_path)
    build_town()
    close_database()
    return db_path


def test_close_refuse_reopen_and_send_again(capsys, town_db, tmp_path):
    from excel_samples import fill_template

    report = tmp_path / "十月.xlsx"
    assert _run(capsys, town_db, "report", "--month", "2026-10", "-o", str(report))[0] == 0
    code, out, err = _run(capsys, town_db, "close", "--month", "2026-10", "--report", str(report),
                          "--to", "县反诈中心", "--clerk", "王芳")
    assert code == 0, err
    assert "sending no. 1" in out and "6 activity record(s)" in out

    assert _run(capsys, town_db, "template", str(tmp_path / "录入表.xlsx"))[0] == 0
    row = [None, dt.date(2026, 10, 28), "太平村", None, "横幅标语", 1, 0, None, None, None, None, None]
    filled = fill_template(tmp_path / "录入表.xlsx", tmp_path / "补报.xlsx", activities=[row])
    code, out, err = _run(capsys, town_db, "--lang", "zh_CN", "import", str(filled))
    assert code != 0
    assert "王芳" in out + err and "重新打开" in out + err and "县反诈中心" in out + err

    code, out, _ = _run(capsys, town_db, "sendings")
    assert code == 0 and "县反诈中心" in out and "closed" in out
    code, out, err = _run(capsys, town_db, "--lang", "zh_CN", "reopen", "--month", "2026-10", "--reason", "")
    assert code == 2 and "原因" in err
    code, out, _ = _run(capsys, town_db, "reopen", "--month", "2026-10", "--reason", "太平村补报横幅",
                        "--clerk", "李四")
    assert code == 0 and "太平村补报横幅" in out
    assert _run(capsys, town_db, "import", str(filled))[0] == 0
    code, out, _ = _run(capsys, town_db, "close", "--month", "2026-10", "--report", str(report), "--to", "县联席办",
                        "--clerk", "王芳")
    assert code == 0 and "sending no. 2" in out and "7 activity record(s)" in out
    code, out, _ = _run(capsys, town_db, "sendings", "--json")
    history = json.loads(out)
    assert [(s["sequence"], s["recipient"], s["records"]["activity"], s["closed"]) for s in history] == [
        (2, "县联席办", 7, True), (1, "县反诈中心", 6, True)]
    code, out, err = _run(capsys, town_db, "close", "--month", "2026-10", "--report", str(tmp_path / "无.xlsx"),
                          "--to", "县联席办")
    assert code == 2 and "无.xlsx" in err and not out
