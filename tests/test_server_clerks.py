"""Several clerks on one county server at once: two processes write the same village, kind and month
(the same tally rows) at the same time; every record arrives once and the tallies stay exact."""

from __future__ import annotations

import subprocess
import sys

from server_fixtures import server_db_path as db_path  # noqa: F401 (the township is built on the server)

from outreach_desk.store import DB, close_database, open_database

CLERK = """
import datetime as dt, sys
from outreach_desk.store import open_database, close_database
from outreach_desk.services import ledger
url, village, kind, count, offset = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
open_database(url)
print("ready", flush=True)
sys.stdin.readline()
ids = [ledger.create(ledger.ActivityInput(dt.date(2026, 10, 1 + (i + offset) % 28), village, kind, quantity=2,
                                          people=i % 7)) for i in range(count)]
for activity_id in ids[::5]:
    ledger.update(activity_id, ledger.ActivityInput(dt.date(2026, 11, 3), village, kind, quantity=3))
close_database()
print(len(ids))
"""
MONTH = "CAST(date_trunc('month', date) AS DATE)"


def test_two_clerks_writing_at_once_lose_nothing_and_keep_the_tallies_exact(server_url, township):
    close_database()
    clerks = [subprocess.Popen([sys.executable, "-c", CLERK, server_url, str(township["village1"]),
                                str(township["kinds"]["banner"]), "60", str(n)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in range(2)]
    try:
        for clerk in clerks:
            assert clerk.stdout.readline().strip() == "ready"
        for clerk in clerks:
            clerk.stdin.write("go\n")
            clerk.stdin.flush()
        results = [clerk.communicate(timeout=300) for clerk in clerks]
    finally:
        for clerk in clerks:
            if clerk.poll() is None:
                clerk.kill()
                clerk.communicate()
    assert [(clerk.returncode, out.split()[-1:]) for clerk, (out, _err) in zip(clerks, results)] == \
        [(0, ["60"])] * 2, [err for _out, err in results]
    open_database(server_url)
    assert DB.execute_sql("SELECT COUNT(*), SUM(quantity) FROM activity").fetchone() == (120, 120 * 2 + 24)
    stored = DB.execute_sql("SELECT kind_id, month_start, village_id, records, quantity, people "
                            "FROM activity_tally_village ORDER BY month_start").fetchall()
    grouped = DB.execute_sql(f"SELECT kind_id, {MONTH} AS m, village_id, COUNT(*), SUM(quantity), SUM(people) "
                             "FROM activity GROUP BY kind_id, m, village_id ORDER BY m").fetchall()
    assert stored == grouped and [row[3] for row in stored] == [96, 24]


def test_two_clerks_importing_the_same_workbook_at_once_import_it_once(server_url, township, tmp_path, qapp):
    """Whichever comes second is told in Chinese who imported the file and when: refused when both were checking
    it at once (the file's hash is a unique key: its INSERT waits for the first clerk's transaction), or told and
    every row skipped when it checked the file after the first had committed; each row is stored once."""
    from excel_samples import fill_template, good_activity
    from outreach_desk.cli import main

    close_database()
    blank = tmp_path / "模板.xlsx"
    assert main(["--db", server_url, "template", str(blank), "--township", "平安镇"]) == 0
    filled = fill_template(blank, tmp_path / "太平村.xlsx", activities=[good_activity(数量=n + 1) for n in range(200)])
    clerks = [subprocess.Popen([sys.executable, "-m", "outreach_desk", "--db", server_url, "--lang", "zh_CN",
                                "import", str(filled)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
              for _ in range(2)]
    results = [clerk.communicate(timeout=300) for clerk in clerks]
    assert not any("Traceback" in err for _out, err in results), results
    codes = sorted(clerk.returncode for clerk in clerks)
    told = [out + err for clerk, (out, err) in zip(clerks, results)
            if clerk.returncode != 0 or "已导入活动 0 条" in out]
    if codes == [0, 1]:  # the second checked the file while the first was importing: refused at its commit
        assert "太平村.xlsx 已由" in told[0] and "没有再导入" in told[0], results
    else:  # on a busy machine the second may check the file only once the first has committed: told, skipped
        assert codes == [0, 0] and len(told) == 1, results
        assert "这个文件已由" in told[0] and "200 行以前已导入，已跳过" in told[0], results
    open_database(server_url)
    assert DB.execute_sql("SELECT COUNT(*), SUM(quantity) FROM activity").fetchone() == (200, 200 * 201 // 2)
