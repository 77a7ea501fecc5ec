"""A county database's own identity: the level above its townships, as a township's identity is its row.

A county database (one that rolls townships up: :func:`is_county_database`) keeps the county's name (清河县), the
office its own monthly report comes from (单位名称, printed as 填报单位 and in each sheet's title) and who signs it
(填报人, 审核人) in its one ``county_office`` row, so the identity travels with the database (backups, copies to a
server) like a township's. Whom the county sends its report to is the office's 报送单位 in Preferences, as for a
township. Changes are audited; nothing is stored until a clerk names something.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from outreach_desk.i18n import translate
from outreach_desk.services import audit
from outreach_desk.services.errors import FieldError, ValidationError
from outreach_desk.store import DB
from outreach_desk.store.models import Township
from outreach_desk.store.submission_models import CountyOffice, ReceivedPackage

RECORD_TYPE = "county_office"
LIMITS = {"name": 100, "office_name": 200, "preparer": 100, "reviewer": 100}


def _tr(text: str) -> str:
    return translate("CountyOffice", text)


@dataclass(frozen=True)
class CountyInfo:
    name: str = ""  #: 县名, e.g. 清河县
    office_name: str = ""  #: 单位名称, e.g. 清河县反诈中心
    preparer: str = ""  #: 填报人
    reviewer: str = ""  #: 审核人

    @property
    def unit(self) -> str:
        """Who the county's report comes from: the office, else the county's name ("" when neither is set)."""
        return self.office_name or self.name

    @property
    def title(self) -> str:
        """The county as a heading or file name reads it: its name, else 全县 until one is set."""
        return self.name or _tr("The county")


def is_county_database() -> bool:
    """Whether this database rolls townships up: it holds no township yet, several, or townships' packages
    received; a township's own database (one township) takes in only its villages' packages."""
    return (Township.select().count() != 1
            or ReceivedPackage.select().where(ReceivedPackage.village.is_null()).exists())


def get() -> CountyInfo:
    row = CountyOffice.select().order_by(CountyOffice.id).first()
    return CountyInfo() if row is None else CountyInfo(row.name, row.office_name, row.preparer, row.reviewer)


def update(*, name: str | None = None, office_name: str | None = None, preparer: str | None = None,
           reviewer: str | None = None) -> CountyInfo:
    """Change the given names (None: leave it as it is), audited, in one transaction; the identity as stored."""
    typed = {"name": name, "office_name": office_name, "preparer": preparer, "reviewer": reviewer}
    values = {key: " ".join(str(value).split()) for key, value in typed.items() if value is not None}
    errors = [FieldError(key, _tr("At most {count} characters, please.").format(count=LIMITS[key]))
              for key, value in values.items() if len(value) > LIMITS[key]]
    if errors:
        raise ValidationError(errors)
    with DB.atomic():
        row = CountyOffice.select().order_by(CountyOffice.id).first()
        before = None if row is None else asdict(get())
        after = {**(before or asdict(CountyInfo())), **values}
        if after == before or (before is None and not any(after.values())):
            return get()
        if row is None:
            row_id = CountyOffice.insert(**after).execute()
            audit.record(audit.CREATE, RECORD_TYPE, row_id, None, after, summary=_tr("Named the county {name}").format(
                name=after["name"] or after["office_name"]))
        else:
            CountyOffice.update(**after).where(CountyOffice.id == row.id).execute()
            audit.record(audit.UPDATE, RECORD_TYPE, row.id, before, after,
                         summary=_tr("Changed the county's identity"))
    return get()
