"""The document archive (材料归档): a campaign's one-off deadlines are its documents, overdue until a file is
attached; files are kept by SHA-256 in the managed store, all or nothing; removing is audited and can be
put back; the files stay with their deadline across campaign edits; the month's package carries the
files attached in that month; ``outreach-desk documents`` lists and attaches."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile

import pytest

from outreach_desk.services import audit, photos
from outreach_desk.services.coverage import campaigns, deadlines
from outreach_desk.services.submission import documents, package
from outreach_desk.store.submission_models import CampaignDocument

D = dt.date
AT = dt.datetime(2026, 11, 3, 9, 30)


@pytest.fixture
def campaign(township):
    info = campaigns.CampaignInfo(
        "冬季行动", D(2026, 9, 1), D(2026, 12, 31),
        phases=[campaigns.PhaseInfo("动员部署", D(2026, 9, 1), D(2026, 9, 30)),
                campaigns.PhaseInfo("集中攻坚", D(2026, 10, 1), D(2026, 11, 30)),
                campaigns.PhaseInfo("总结验收", D(2026, 12, 1), D(2026, 12, 31))],
        deadlines=[campaigns.DeadlineInfo("典型案例报送", D(2026, 10, 31)),
                   campaigns.DeadlineInfo("经验做法报送", D(2026, 11, 30)),
                   campaigns.DeadlineInfo("专项行动总结", D(2027, 1, 10)),
                   campaigns.DeadlineInfo("月报", D(2026, 10, 5), repeats=deadlines.MONTHLY)])
    return campaigns.get(campaigns.create(info))


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "材料 文件夹"
    folder.mkdir()
    made = {}
    for name, text in (("典型案例.docx", "案例一"), ("案例补充.pdf", "案例二"), ("总结.wps", "总结")):
        made[name] = folder / name
        made[name].write_text(text, encoding="utf-8")
    return made


def _state(campaign, today=D(2026, 12, 7)):
    return {d.title: (d.phase, d.status(today), [f.original_name for f in d.files])
            for d in documents.archive(campaigns.get(campaign.id))}


def test_one_off_deadlines_are_documents_by_phase_overdue_until_a_file_is_attached(campaign, files):
    assert _state(campaign) == {"典型案例报送": ("集中攻坚", documents.OVERDUE, []),
                                "经验做法报送": ("集中攻坚", documents.OVERDUE, []),
                                "专项行动总结": ("总结验收", documents.DUE, [])}  # due after the end: the last phase
    overdue, _next = deadlines.outstanding(campaign, D(2026, 12, 7))
    assert {o.title for o in overdue} >= {"典型案例报送", "经验做法报送"}
    documents.attach(documents.find("典型案例报送", campaign), [files["典型案例.docx"], files["案例补充.pdf"]], at=AT)
    assert _state(campaign)["典型案例报送"] == ("集中攻坚", documents.ATTACHED, ["典型案例.docx", "案例补充.pdf"])
    overdue, _next = deadlines.outstanding(campaigns.get(campaign.id), D(2026, 12, 7))
    assert "典型案例报送" not in {o.title for o in overdue} and "经验做法报送" in {o.title for o in overdue}
    sent = next(o for o in deadlines.occurrences(campaigns.get(campaign.id)) if o.title == "典型案例报送")
    assert sent.sent_on == AT.date()


def test_files_are_stored_by_content_and_a_refused_file_stores_nothing(campaign, files, db_path):
    document = documents.find("典型案例报送", campaign)
    [row_id] = documents.attach(document, [files["典型案例.docx"]], at=AT)
    [stored] = documents.find("典型案例报送", campaign).files
    sha = hashlib.sha256(files["典型案例.docx"].read_bytes()).hexdigest()
    assert stored.sha256 == sha and stored.path == photos.photos_folder() / sha[:2] / f"{sha}.docx"
    assert stored.path.read_bytes() == files["典型案例.docx"].read_bytes()
    assert [e.summary for e in audit.history("campaign_document", row_id)] == ["Attached 典型案例.docx to 典型案例报送"]
    empty = files["总结.wps"].with_name("空.doc")
    empty.write_bytes(b"")
    before = sorted(p.name for p in photos.photos_folder().rglob("*"))
    for refused in ([files["总结.wps"], empty], [db_path], [files["总结.wps"].with_name("不存在.doc")]):
        with pytest.raises(photos.PhotoError):
            documents.attach(document, refused, at=AT)
    assert CampaignDocument.select().count() == 1
    assert sorted(p.name for p in photos.photos_folder().rglob("*")) == before


def test_a_removed_file_is_audited_and_put_back_with_its_identity(campaign, files):
    [row_id] = documents.attach(documents.find("经验做法报送", campaign), [files["总结.wps"]], at=AT)
    uuid = CampaignDocument.get_by_id(row_id).uuid
    rows = documents.remove([row_id])
    assert _state(campaign)["经验做法报送"][1] == documents.OVERDUE
    assert audit.history("campaign_document", row_id)[-1].action == audit.DELETE
    assert documents.put_back(rows) == [row_id]
    assert CampaignDocument.get_by_id(row_id).uuid == uuid
    assert _state(campaign)["经验做法报送"] == ("集中攻坚", documents.ATTACHED, ["总结.wps"])


def test_files_stay_with_their_deadline_when_the_campaign_is_edited(campaign, files):
    documents.attach(documents.find("典型案例报送", campaign), [files["典型案例.docx"]], at=AT)
    info = campaigns.get(campaign.id)
    info.deadlines = [d for d in info.deadlines if d.title != "经验做法报送"]
    campaigns.update(campaign.id, info)
    assert _state(campaign) == {"典型案例报送": ("集中攻坚", documents.ATTACHED, ["典型案例.docx"]),
                                "专项行动总结": ("总结验收", documents.DUE, [])}


def test_the_months_package_carries_the_files_attached_in_that_month(campaign, files, tmp_path):
    documents.attach(documents.find("典型案例报送", campaign), [files["典型案例.docx"], files["案例补充.pdf"]], at=AT)
    documents.attach(documents.find("专项行动总结", campaign), [files["总结.wps"]], at=dt.datetime(2026, 12, 2, 8))
    result = package.build_package(tmp_path / "十一月.zip", "2026-11", limit_mb=0)
    names = zipfile.ZipFile(result.path).namelist()
    assert {"材料/典型案例报送/典型案例.docx", "材料/典型案例报送/案例补充.pdf"} <= set(names)
    assert not any("总结.wps" in name for name in names)
    with zipfile.ZipFile(result.path) as archive:
        assert archive.read("材料/典型案例报送/典型案例.docx") == files["典型案例.docx"].read_bytes()
        assert result.files["材料/典型案例报送/案例补充.pdf"] == hashlib.sha256(
            files["案例补充.pdf"].read_bytes()).hexdigest()


@pytest.fixture
def language_kept(qapp):
    """The command installs the language it is given in this process: the next tests get theirs back."""
    from outreach_desk import i18n

    before = i18n.current_language()
    yield
    i18n.install(qapp, before)


def test_documents_command_lists_attaches_and_refuses_in_chinese(campaign, files, db_path, capsys, language_kept):
    from outreach_desk.cli import main
    from outreach_desk.store import close_database

    close_database()
    assert main(["--db", str(db_path), "--lang", "en", "documents", "attach", "经验做法报送",
                 str(files["总结.wps"])]) == 0
    assert "1 files attached to 经验做法报送" in capsys.readouterr().out
    assert main(["--db", str(db_path), "documents", "--json"]) == 0
    listed = {d["title"]: d for d in json.loads(capsys.readouterr().out)}
    assert set(listed) == {"典型案例报送", "经验做法报送", "专项行动总结"}
    assert listed["经验做法报送"]["status"] == "attached" and listed["经验做法报送"]["files"][0]["name"] == "总结.wps"
    assert listed["专项行动总结"]["phase"] == "总结验收" and listed["专项行动总结"]["due"] == "2027-01-10"
    assert main(["--db", str(db_path), "--lang", "zh_CN", "documents"]) == 0
    out = capsys.readouterr().out
    assert "典型案例报送" in out and "已附" in out
    assert main(["--db", str(db_path), "--lang", "zh_CN", "documents", "attach", "总结", str(files["总结.wps"])]) == 2
    assert "典型案例报送" in capsys.readouterr().err
    assert main(["--db", str(db_path), "--lang", "zh_CN", "documents", "attach", "典型案例报送",
                 str(db_path)]) == 2
    assert "数据库" in capsys.readouterr().err


def test_a_file_stays_in_the_store_while_attached_and_is_swept_once_removed(campaign, files):
    [row_id] = documents.attach(documents.find("典型案例报送", campaign), [files["典型案例.docx"]], at=AT)
    [stored] = documents.find("典型案例报送", campaign).files
    photos.sweep_orphans()
    assert stored.path.is_file()
    documents.remove([row_id])
    assert stored.path.is_file()  # an undo may put it back until the window ends
    photos.sweep_orphans()
    assert not stored.path.exists()
