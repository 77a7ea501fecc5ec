"""The document archive (材料归档): the files a campaign's plan asks for, by phase, against their due dates.

A campaign's one-off report deadlines are its documents — 总结, 典型案例, 经验做法 and whatever else the
plan names; its monthly deadlines are the monthly report, sent by the month-end close. A document is
due, then overdue, until a file is attached (``deadlines.occurrences`` counts the first file as the
day it was sent). Files are copied into the managed store beside the database by their SHA-256, as
photos are (``photos.store_files``: checked first, written whole or not at all); the rows name the
deadline by title and month, so they stay with it when the campaign is edited. Attaching and
removing are audited and can be taken back (``remove`` returns what ``put_back`` restores); the
files of the month go into the month's upward package (``package_entries``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from outreach_desk.i18n import translate
from outreach_desk.services import audit, photos
from outreach_desk.services.coverage import campaigns, deadlines
from outreach_desk.services.coverage.campaigns import CampaignInfo
from outreach_desk.services.coverage.periods import Period
from outreach_desk.services.errors import NotFoundError, ServiceError
from outreach_desk.services.submission.photo_names import safe_part
from outreach_desk.services.safe_files import UnsafePathError, check_file, refuse_database_file
from outreach_desk.store import DB
from outreach_desk.store.submission_models import CampaignDocument

MAX_DOCUMENT_BYTES = 200 * 1024 * 1024
#: what the file dialog offers first (any file is accepted)
FILE_PATTERNS = ("*.docx", "*.doc", "*.wps", "*.pdf", "*.ofd", "*.xlsx", "*.xls", "*.et", "*.pptx", "*.ppt",
                 "*.txt", "*.jpg", "*.png", "*.zip", "*.rar")
ATTACHED, SENT, OVERDUE, DUE = "attached", "sent", deadlines.OVERDUE, deadlines.DUE
FOLDER = "材料"


def _tr(text: str) -> str:
    return translate("Documents", text)


@dataclass(frozen=True)
class DocumentFile:
    id: int
    sha256: str
    ext: str
    original_name: str
    size: int
    attached_at: dt.datetime
    attached_by: str = ""

    @property
    def path(self) -> Path:
        return photos.photo_path(self.sha256, self.ext)


@dataclass(frozen=True)
class Document:
    """One document the campaign asks for: its deadline, the phase it falls in, and the files attached."""

    campaign_id: int
    campaign: str
    deadline_id: int
    title: str
    month: str
    due: dt.date
    phase: str
    marked_sent: dt.date | None = None  # marked sent (``campaign sent``) without a file
    files: tuple[DocumentFile, ...] = field(default_factory=tuple)

    def status(self, today: dt.date) -> str:
        if self.files:
            return ATTACHED
        if self.marked_sent is not None:
            return SENT
        return OVERDUE if today > self.due else DUE

    def as_dict(self, today: dt.date) -> dict:
        return {"campaign": self.campaign, "title": self.title, "phase": self.phase, "due": self.due.isoformat(),
                "status": self.status(today), "marked_sent": self.marked_sent and self.marked_sent.isoformat(),
                "files": [{"id": f.id, "name": f.original_name, "size": f.size, "sha256": f.sha256,
                           "attached_at": f.attached_at.isoformat(timespec="seconds"),
                           "attached_by": f.attached_by} for f in self.files]}


def _phase_of(campaign: CampaignInfo, day: dt.date) -> str:
    """The phase whose days hold ``day``; a document due after the campaign belongs to its last phase."""
    phase = campaign.phase_on(day)
    if phase is None and campaign.phases:
        phase = campaign.phases[-1] if day > campaign.end else campaign.phases[0]
    return phase.name if phase else ""


def _as_datetime(value) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def _file(row: dict) -> DocumentFile:
    return DocumentFile(row["id"], row["sha256"], row["ext"], row["original_name"], row["size"],
                        _as_datetime(row["attached_at"]), row["attached_by"])


def archive(campaign: CampaignInfo | None = None) -> list[Document]:
    """The documents of ``campaign`` (default: the current one), by due date, each with its files."""
    campaign = campaign or campaigns.require_current()
    files: dict[tuple[str, str], list[DocumentFile]] = {}
    for row in (CampaignDocument.select().where(CampaignDocument.campaign == campaign.id)
                .order_by(CampaignDocument.attached_at, CampaignDocument.id).dicts()):
        files.setdefault((row["deadline_title"], row["month"]), []).append(_file(row))
    found = []
    for occurrence in deadlines.occurrences(campaign):
        if occurrence.repeats:
            continue
        attached = tuple(files.get((occurrence.title, occurrence.month), ()))
        found.append(Document(campaign.id, campaign.name, occurrence.deadline_id, occurrence.title,
                              occurrence.month, occurrence.due, _phase_of(campaign, occurrence.due),
                              None if attached else occurrence.sent_on, attached))
    return found


def no_documents_text() -> str:
    return _tr("The campaign asks for no document: add its deadlines (总结, 典型案例, 经验做法 …) to the campaign "
               "first.")


def find(title: str, campaign: CampaignInfo | None = None) -> Document:
    """The document called ``title``; NotFoundError naming the documents there are."""
    found = archive(campaign)
    for document in found:
        if document.title == title.strip():
            return document
    names = "、".join(d.title for d in found)
    if not names:
        raise NotFoundError(no_documents_text())
    raise NotFoundError(_tr("The campaign asks for no document called {title}; it asks for: {names}.").format(
        title=title, names=names))


def overdue(today: dt.date, campaign: CampaignInfo | None = None) -> list[Document]:
    return [d for d in archive(campaign) if d.status(today) == OVERDUE]


# ---------------------------------------------------------------------------- checking and attaching
def _ext(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    return suffix if suffix.isascii() and suffix.isalnum() and len(suffix) <= 10 else "bin"


def check_document(path: str | Path) -> str:
    """The extension the stored copy gets; PhotoError (with the file's problem) when it cannot be kept."""
    path = Path(path)
    name = path.name
    try:
        check_file(path, must_exist=True, follow_links=True)
        refuse_database_file(path)
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise photos.PhotoError([(path, _tr("{name} no longer exists.").format(name=name))]) from exc
    except UnsafePathError as exc:
        raise photos.PhotoError([(path, str(exc))]) from exc
    except OSError as exc:
        raise photos.PhotoError([(path, _tr("{name} cannot be read: {reason}").format(
            name=name, reason=exc.strerror or exc))]) from exc
    if size == 0:
        raise photos.PhotoError([(path, _tr("{name} is empty.").format(name=name))])
    if size > MAX_DOCUMENT_BYTES:
        raise photos.PhotoError([(path, _tr("{name} is {size} MB; documents larger than {limit} MB are not kept.")
                                  .format(name=name, size=f"{size / 1024 / 1024:.0f}",
                                          limit=MAX_DOCUMENT_BYTES // 1024 // 1024))])
    return _ext(path)


def check_documents(paths: Iterable) -> list[tuple[Path, str]]:
    checked, problems = [], []
    for raw in paths:
        try:
            checked.append((Path(raw), check_document(raw)))
        except photos.PhotoError as exc:
            problems.extend(exc.problems)
    if problems:
        raise photos.PhotoError(problems)
    return checked


def _values(document: Document, stored: photos.StoredFile, size: int, at: dt.datetime) -> dict:
    return {"campaign": document.campaign_id, "deadline_title": document.title, "month": document.month,
            "sha256": stored.sha256, "ext": stored.ext, "original_name": stored.original_name, "size": size,
            "attached_at": at, "attached_by": audit.actor() or audit.os_user()}


def attach(document: Document, paths: Iterable, progress: photos.ProgressFn | None = None,
           at: dt.datetime | None = None) -> list[int]:
    """Copy the files into the store and attach them to ``document`` (``at``: now); the new rows' ids.
    All or nothing: a refused file stores none, a failed write takes back the copies it made."""
    paths = [Path(p) for p in paths]
    stored = photos.store_files(paths, progress, check=check_documents)
    at = (at or dt.datetime.now()).replace(microsecond=0)
    try:
        with DB.atomic():
            ids = []
            for path, item in zip(paths, stored):
                values = _values(document, item, photos.photo_path(item.sha256, item.ext).stat().st_size, at)
                row_id = CampaignDocument.insert(values).execute()
                after = audit.row_values(CampaignDocument, row_id)
                audit.record(audit.CREATE, "campaign_document", row_id, None, after, after["uuid"],
                             summary=_tr("Attached {name} to {title}").format(name=path.name, title=document.title))
                ids.append(row_id)
    except BaseException:
        photos.discard(stored)
        raise
    return ids


def remove(ids: Iterable[int]) -> list[dict]:
    """Take the files off their documents (the stored copies stay until no row and no undo needs them);
    the rows as they were, for :func:`put_back`."""
    removed = []
    with DB.atomic():
        for row_id in ids:
            before = audit.row_values(CampaignDocument, row_id)
            if before is None:
                raise NotFoundError(_tr("The attached file is no longer in the archive."))
            CampaignDocument.delete().where(CampaignDocument.id == row_id).execute()
            audit.record(audit.DELETE, "campaign_document", row_id, before, None, before["uuid"],
                         summary=_tr("Removed {name} from {title}").format(name=before["original_name"],
                                                                            title=before["deadline_title"]))
            removed.append(before)
    return removed


def put_back(rows: Iterable[dict]) -> list[int]:
    """Attach again the rows :func:`remove` returned (the window's undo), with their ids and identities."""
    ids = []
    with DB.atomic():
        for row in rows:
            if not photos.photo_path(row["sha256"], row["ext"]).is_file():
                raise ServiceError(_tr("{name} is no longer in the file store {folder}; attach it again.").format(
                    name=row["original_name"], folder=photos.photos_folder()))
            CampaignDocument.insert(row).execute()
            audit.record(audit.CREATE, "campaign_document", row["id"], None, row, row["uuid"],
                         summary=_tr("Attached {name} to {title}").format(name=row["original_name"],
                                                                           title=row["deadline_title"]))
            ids.append(row["id"])
    return ids


# ---------------------------------------------------------------------------- the upward package
def package_entries(month: Period) -> list[tuple[str, Path]]:
    """(name in the zip, stored file) of every document attached during ``month``: 材料/<标题>/<文件名>."""
    first = dt.datetime.combine(month.start, dt.time())
    after = dt.datetime.combine(month.end + dt.timedelta(days=1), dt.time())
    rows = (CampaignDocument.select().where((CampaignDocument.attached_at >= first)
                                            & (CampaignDocument.attached_at < after))
            .order_by(CampaignDocument.deadline_title, CampaignDocument.id).dicts())
    entries, used = [], set()
    for row in rows:
        path = photos.photo_path(row["sha256"], row["ext"])
        if not path.is_file():
            raise ServiceError(_tr("{name}, attached to {title}, is missing from the file store {folder}. Restore "
                                   "the folder from a backup, or take the file off the document.").format(
                name=row["original_name"], title=row["deadline_title"], folder=photos.photos_folder()))
        folder = f"{FOLDER}/{safe_part(row['deadline_title'])}"
        name = Path(safe_part(row["original_name"]))
        arcname, number = f"{folder}/{name}", 1
        while arcname in used:
            number += 1
            arcname = f"{folder}/{name.stem}_{number}{name.suffix}"
        used.add(arcname)
        entries.append((arcname, path))
    return entries
