"""The bulletin (通报) of the small township of test_supervision_rankings for November 2026.

Its figures must be the coverage engine's (compared with ``outreach-desk coverage --json``): the
township's index, every village's index in the ranking table, the awareness rate (155 of 200
respondents aware in November: 40 + 45 + 40 + 30 of 4 × 50). The ledger holds 8 records in
November (6 lectures, the posters, the column) against 6 lectures in October.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from functools import partial

import pytest
from test_supervision_rankings import build_small_town

from outreach_desk.services.supervision.rankings import tenth_percent
from cli_runs import run_cli


@pytest.fixture(autouse=True)
def chinese(qapp):
    from outreach_desk import i18n

    i18n.install(qapp, "zh_CN")
    yield
    i18n.install(qapp, "en")


@pytest.fixture
def town_db(db_path):
    from outreach_desk.store import close_database, open_database

    open_database(db_path)
    ids = build_small_town()
    close_database()
    return db_path, ids


_run = partial(run_cli, lang="zh_CN")


@pytest.fixture
def written(capsys, town_db, tmp_path):
    db_path, ids = town_db
    target = tmp_path / "通报 文件夹" / "和平镇通报.docx"
    target.parent.mkdir()
    code, out, err = _run(capsys, db_path, "bulletin", "--month", "2026-11", "-o", str(target), "--date",
                          "2026-12-03", "--mark", "1")
    assert code == 0, err
    assert str(target) in out
    code, coverage_json, _ = _run(capsys, db_path, "coverage", "--month", "2026-11", "--json")
    assert code == 0
    return target, json.loads(coverage_json), ids


def _texts(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def test_the_document_has_the_parts_of_an_official_bulletin(written):
    import docx

    target, _coverage, _ids = written
    document = docx.Document(str(target))
    texts = _texts(document)
    assert texts[0] == "和平镇综治办"
    assert texts[1] == "和平镇反诈办〔2026〕11号"
    assert "关于2026年11月防范电信网络诈骗宣传工作情况的通报" in texts
    assert "各村（社区）、各成员单位：" in texts
    for heading in ("一、总体情况", "二、排名情况", "三、表扬与批评", "四、督导整改情况", "五、存在的主要问题",
                    "六、下一步工作要求"):
        assert heading in texts
    assert texts[-2:] == ["和平镇综治办", "2026年12月3日"]
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert (round(section.top_margin.mm), round(section.left_margin.mm)) == (37, 28)
    footer = section.footer.paragraphs[0]
    assert "PAGE" in footer.runs[1].element.xml


def test_chinese_fonts_are_named_for_east_asian_text(written):
    import docx
    from docx.oxml.ns import qn

    from outreach_desk.services.supervision import document_fonts

    document = docx.Document(str(written[0]))
    title = next(p for p in document.paragraphs if p.text.startswith("关于"))
    run = title.runs[0]
    assert run.font.size.pt == 22
    assert run.element.rPr.rFonts.get(qn("w:eastAsia")) == document_fonts.choose(document_fonts.TITLE)
    body = next(p for p in document.paragraphs if p.text.startswith("2026年11月"))
    assert body.runs[0].font.size.pt == 16
    assert body.runs[0].element.rPr.rFonts.get(qn("w:eastAsia")) == document_fonts.choose(document_fonts.BODY)


def test_the_figures_are_the_coverage_engines(written):
    import docx

    target, coverage, ids = written
    document = docx.Document(str(target))
    text = "\n".join(_texts(document))
    township = coverage["townships"][0]
    assert f"和平镇宣传工作达标指数为{tenth_percent(township['index'])}" in text
    assert "共开展各类宣传活动8次" in text and "增加2次" in text
    assert "防范知识知晓率为77.5%" in text and "调查共200人" in text
    table = document.tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["名次", "村（社区）", "达标指数", "较上月", "知晓率"]
    by_name = {v["name"]: v for v in coverage["villages"]}
    assert [r[1] for r in rows[1:]] == ["东村", "西村", "南村", "北村", "中村"]
    for rank, name, index, change, _rate in rows[1:]:
        assert index == tenth_percent(by_name[name]["index"])
    assert [r[0] for r in rows[1:]] == ["1", "1", "3", "4", "5"]
    assert [r[3] for r in rows[1:]] == ["↑2", "↑4", "↓2", "↓3", "↓1"]
    assert [r[4] for r in rows[1:]] == ["80.0%", "90.0%", "80.0%", "60.0%", "—"]


def test_commended_and_criticised_with_reasons_from_the_figures(written):
    import docx

    text = "\n".join(_texts(docx.Document(str(written[0]))))
    assert "东村：达标指数100.0%，居和平镇第1位，较上月上升2位。" in text
    assert "西村：达标指数100.0%，居和平镇第1位，较上月上升4位。" in text
    assert "中村：达标指数0.0%，居和平镇第5位，2项目标未完成，主要是：" in text
    assert "主要是：中村：" not in text                                     # the reason names the village once
    assert "（一）" in text and "2026年12月18日前" in text


def test_a_folder_that_cannot_hold_the_file_is_explained_and_leaves_nothing(capsys, town_db, tmp_path):
    db_path, _ids = town_db
    blocker = tmp_path / "不是文件夹.txt"
    blocker.write_text("x", encoding="utf-8")
    code, _out, err = _run(capsys, db_path, "bulletin", "--month", "2026-11", "-o", str(blocker / "通报.docx"))
    assert code == 2 and "Traceback" not in err and err.strip()
    assert blocker.read_text(encoding="utf-8") == "x"
    assert sorted(p.name for p in tmp_path.iterdir() if "通报" in p.name) == []


def test_the_draft_is_editable_before_it_is_written(store, tmp_path):
    import docx

    from outreach_desk.services.coverage import periods
    from outreach_desk.services.supervision import bulletin, bulletin_docx

    build_small_town()
    draft = bulletin.draft(periods.month(2026, 11), date=dt.date(2026, 12, 3))
    draft.section("next").paragraphs = ["（一）由镇反诈办牵头，12月10日前完成全部整改。"]
    draft.number = "和平镇反诈办〔2026〕7号"
    path = bulletin_docx.write(draft, tmp_path / "改过的通报.docx")
    texts = _texts(docx.Document(str(path)))
    assert "（一）由镇反诈办牵头，12月10日前完成全部整改。" in texts
    assert "和平镇反诈办〔2026〕7号" in texts
    assert not any("抓好问题整改" in t for t in texts)


def test_several_townships_need_one_chosen(store):
    from outreach_desk.services import organisation
    from outreach_desk.services.coverage import periods
    from outreach_desk.services.errors import ValidationError
    from outreach_desk.services.supervision import bulletin

    build_small_town()
    organisation.add_township("第二镇", "第二镇综治办")
    with pytest.raises(ValidationError, match="2 个乡镇"):
        bulletin.draft(periods.month(2026, 11))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_lays_it_out_on_a4_pages(written, tmp_path):
    target = written[0]
    out = tmp_path / "pdf"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
                    "--convert-to", "pdf", "--outdir", str(out), str(target)], check=True, capture_output=True,
                   timeout=240)
    pdf = out / (target.stem + ".pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = re.findall(rb"/Type\s*/Page(?!s)", data)
    assert len(pages) >= 2
    assert re.search(rb"/MediaBox\s*\[\s*0 0 595\.\d+ 841\.\d+", data)  # A4 in points
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        squeezed = re.sub(r"\s+", "", text)  # pdftotext spaces digits off Chinese text
        assert "和平镇反诈办〔2026〕11号" in squeezed and "—1—" in squeezed and "—2—" in squeezed


def test_fraud_cases_orders_and_decisions_are_in_the_bulletin(store):
    from outreach_desk.services.coverage import periods
    from outreach_desk.services.supervision import bulletin, cases, inspections, rectification

    town = build_small_town()
    t = town["township"]
    cases.save_month(t, 2025, 11, {town["东村"]: cases.Figures(4, 1_000_000)})
    cases.save_month(t, 2026, 10, {town["东村"]: cases.Figures(2, 500_000)})
    cases.save_month(t, 2026, 11, {town["东村"]: cases.Figures(1, 250_000, 3, 1), None: cases.Figures(1, 0)})
    rectification.create(rectification.OrderInput(t, "补齐讲座", dt.date(2026, 11, 10), dt.date(2026, 11, 30),
                                                  village_id=town["中村"]))
    rectification.create(rectification.OrderInput(t, "补张海报", dt.date(2026, 11, 25), dt.date(2026, 12, 8),
                                                  village_id=town["东村"]))
    inspections.add_decision(inspections.DecisionInput(t, inspections.CRITICISE, dt.date(2026, 12, 2), "连续两月末位",
                                                       village_id=town["中村"], period_start=dt.date(2026, 11, 1)))
    draft = bulletin.draft(periods.month(2026, 11), date=dt.date(2026, 12, 3))
    text = draft.text()
    assert ("和平镇本月共发生电信网络诈骗案件2起，损失2,500元；发案数同比下降 50.0%、环比持平，"
            "损失金额同比下降 75.0%、环比下降 50.0%；劝阻3起，止付1笔。") in text
    assert draft.figures["cases"]["now"]["cases"] == 2
    orders = "\n".join(draft.section("orders").paragraphs)
    assert "共下达整改通知2份，已整改0份，尚未整改到位2份，其中逾期1份" in orders
    assert "逾期未整改：中村，补齐讲座（期限2026年11月30日）" in orders
    assert "一周内到期：东村，补张海报（期限2026年12月8日）" in orders
    assert "已作出批评决定：中村，连续两月末位。" in draft.section("commend").paragraphs


def test_without_a_decision_for_the_month_the_ranking_proposes_them_and_earlier_ones_are_followed_up(store):
    from outreach_desk.services.coverage import periods
    from outreach_desk.services.supervision import bulletin, inspections

    town = build_small_town()
    october_id = inspections.add_decision(inspections.DecisionInput(
        town["township"], inspections.CRITICISE, dt.date(2026, 11, 3), "十月排名末位。", village_id=town["北村"],
        period_start=dt.date(2026, 10, 1)))
    draft = bulletin.draft(periods.month(2026, 11), date=dt.date(2026, 12, 3), mark_count=1)
    part = draft.section("commend")
    assert "尚未记录表扬或批评决定" in part.note and "前 1 名" in part.note
    assert part.note not in draft.text()                         # the note is for the preview, never printed
    assert draft.figures["decisions"]["proposed"] == [
        ("commend", "东村", 1.0), ("commend", "西村", 1.0), ("criticise", "中村", 0.0),
        ("commend", "和平派出所", 1.0), ("criticise", "和平法庭", 0.0)]
    assert "和平派出所：达标指数100.0%，居成员单位中第1位。" in part.paragraphs
    assert draft.figures["decisions"]["earlier"] == [(october_id, 0.625, 1.0, False)]   # 北村: October 100 %
    assert part.paragraphs[-2:] == ["前期表扬、批评对象本月情况：",
                                    "2026年11月3日通报批评的北村（十月排名末位），本月达标指数62.5%，排第4位，"
                                    "较当时的100.0%有所下降，尚未改进，须加快整改。"]

    inspections.add_decision(inspections.DecisionInput(town["township"], inspections.COMMEND, dt.date(2026, 12, 2),
                                                       "主动开展宣传", member_unit_id=town["police"],
                                                       period_start=dt.date(2026, 11, 1)))
    part = bulletin.draft(periods.month(2026, 11), date=dt.date(2026, 12, 3), mark_count=1).section("commend")
    assert part.note == "" and part.paragraphs[0] == "已作出表扬决定：和平派出所，主动开展宣传。"
    assert not any("居和平镇" in p for p in part.paragraphs)      # the recorded decisions replace the proposals
