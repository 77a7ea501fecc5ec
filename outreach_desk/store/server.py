"""A county server: the store on PostgreSQL, reached with a ``postgresql://user@host:port/dbname`` URL.

The driver is psycopg 3 (the optional ``server`` extra); peewee 4 talks to it itself. The password
comes from the URL or from libpq's own sources (``~/.pgpass``, ``PGPASSFILE``, ``PGPASSWORD``),
never from the program's settings. Every failure to reach the server is a StoreError whose text
says in plain words what is wrong and where, naming the server without its password.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager

import peewee
from playhouse.shortcuts import ReconnectMixin

from outreach_desk.i18n import translate
from outreach_desk.store.connection import DB, StoreError

SCHEMES = ("postgresql://", "postgres://")
CONNECT_TIMEOUT_SECONDS = 10
APPLICATION_NAME = "outreach-desk"  #: how the server lists this program's connections (pg_stat_activity)
#: psycopg prepares a statement on the server the second time it runs (default: the sixth). The same reads come
#: back at every refresh (coverage, dashboard, ledger), and a prepared one is not parsed again and, after five runs,
#: is usually not planned again either; a statement run once costs no extra round trip for preparing.
PREPARE_THRESHOLD = 1


class ServerError(StoreError):
    """The server cannot be reached or refused us; ``where`` names it without the password."""

    def __init__(self, message: str, where: str = ""):
        super().__init__(message)
        self.where = where


class DriverMissingError(ServerError):
    """psycopg (the PostgreSQL driver) is not installed."""


class NotEmptyError(ServerError):
    """server-init was pointed at a database that holds tables of something else."""


class PasswordNeededError(ServerError):
    """The server wants a password that neither the URL nor libpq's sources gave, or refused the one given."""


def _tr(text: str) -> str:
    return translate("Server", text)


def is_server_url(text: object) -> bool:
    return isinstance(text, str) and text.lower().startswith(SCHEMES)


def _normalised(url: str) -> str:
    """``postgres://`` is libpq's other spelling; peewee hands only ``postgresql://`` to the driver."""
    if url.lower().startswith("postgres://"):
        return "postgresql://" + url[len("postgres://"):]
    return url


def describe(url: str) -> str:
    """``user@host:port/dbname`` for messages and titles: the URL without its password or options."""
    parts = urllib.parse.urlsplit(_normalised(url))
    user = urllib.parse.unquote(parts.username) + "@" if parts.username else ""
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        port = ""
    host = parts.hostname or "localhost"
    name = urllib.parse.unquote(parts.path.lstrip("/"))
    return f"{user}{host}{port}/{name}"


def address(host: str, port: int, dbname: str, user: str) -> str:
    """The ``postgresql://user@host:port/dbname`` URL of a server, without a password (what settings may keep)."""
    host = host.strip() or "localhost"
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"  # an IPv6 address
    who = urllib.parse.quote(user.strip(), safe="") + "@" if user.strip() else ""
    return f"postgresql://{who}{host}:{int(port)}/{urllib.parse.quote(dbname.strip(), safe='')}"


def address_parts(url: str) -> tuple[str, int, str, str]:
    """(host, port, dbname, user) of ``url``, the defaults of libpq where it names none."""
    parts = urllib.parse.urlsplit(_normalised(url))
    try:
        port = parts.port or 5432
    except ValueError:
        port = 5432
    return (parts.hostname or "localhost", port, urllib.parse.unquote(parts.path.lstrip("/")),
            urllib.parse.unquote(parts.username or ""))


def without_password(url: str) -> str:
    """``url`` with any password and options taken out, as the recent-servers list keeps it."""
    return address(*address_parts(url))


def _driver_missing() -> DriverMissingError:
    return DriverMissingError(_tr(
        "The PostgreSQL driver (psycopg) is not installed, so Outreach Desk cannot reach a server database. "
        "Install it with: pip install 'outreach-desk[server]' (or pip install 'psycopg[binary]'), then try "
        "again."))


def _chain(exc: BaseException | None):
    seen = 0
    while exc is not None and seen < 10:
        yield exc
        exc, seen = exc.__cause__ or exc.__context__, seen + 1


def server_said(exc: BaseException | None, *words: str) -> bool:
    """Whether the driver reported one of ``words`` (lower case) for ``exc`` or an exception in its chain."""
    return any(word in str(e).lower() for e in _chain(exc) for word in words)


def connection_lost(exc: BaseException | None) -> bool:
    """The connection to the server broke (the server stopped, the network went away)."""
    return server_said(exc, "server closed the connection", "connection is lost", "the connection is closed",
                       "terminating connection", "consuming input failed", "connection timed out",
                       "sending query failed", "connection not open")


def explain(exc: BaseException, where: str) -> str | None:
    """One translated sentence for a failure to reach or use the server ``where``, or None when ``exc`` is
    none of the failures a clerk or the county IT person can do something about."""
    if password_refused(exc):
        return _tr("The server {where} refused the user name or password. Check them (or the ~/.pgpass file); "
                   "nothing was changed.").format(where=where)
    if server_said(exc, "does not exist") and server_said(exc, "database"):
        return _tr("The server {where} has no such database. Check the database name, or ask the county IT person "
                   "to create it and run 'outreach-desk server-init'.").format(where=where)
    if server_said(exc, "role") and server_said(exc, "does not exist"):
        return _tr("The server {where} knows no such user. Check the user name; nothing was changed.").format(
            where=where)
    if server_said(exc, "row-level security"):
        return _tr("The server {where} lets this user change only the records of its own township (row-level "
                   "security); nothing was changed.").format(where=where)
    if server_said(exc, "permission denied for table activity_kind"):
        return _tr("On the server {where} only the county's logins may change the activity kinds; nothing was "
                   "changed. Ask the county office to add or change a kind.").format(where=where)
    if server_said(exc, "permission denied for table audit_log"):
        return _tr("On the server {where} a township clerk's login adds to the audit trail but cannot change or "
                   "delete its entries; nothing was changed. Only the county's logins may.").format(where=where)
    if server_said(exc, "permission denied"):
        return _tr("The server {where} does not allow this user to do that (permission denied). Nothing was "
                   "changed; ask the county IT person for the rights.").format(where=where)
    if server_said(exc, "no pg_hba.conf entry"):
        return _tr("The server {where} does not accept connections from this computer (pg_hba.conf). Ask the "
                   "county IT person to allow it.").format(where=where)
    if server_said(exc, "could not translate host name", "name or service not known", "nodename nor servname",
                   "failed to resolve host"):
        return _tr("The server name in {where} cannot be found on the network. Check the name and the network "
                   "connection.").format(where=where)
    if server_said(exc, "connection refused", "could not connect", "timeout expired", "no route to host",
                   "network is unreachable", "the database system is starting up",
                   "the database system is shutting down", "not currently accepting connections",
                   "too many connections"):
        return _tr("The server {where} cannot be reached: it is not running, or the network or a firewall is in "
                   "the way. Nothing was changed; check the network and try again, or ask the county IT "
                   "person.").format(where=where)
    if connection_lost(exc):
        return _tr("The connection to the server {where} was lost. What was not yet saved has not been saved; "
                   "check the network and try again.").format(where=where)
    return None


class ServerDatabase(ReconnectMixin, peewee.PostgresqlDatabase):
    """PostgreSQL through psycopg 3, connecting again once when the connection was lost (the server restarted,
    the network dropped) before a statement outside a transaction or before a transaction begins. Every write
    runs in a transaction, so only reads are retried; a connection lost inside one fails it whole."""

    reconnect_errors = (
        (peewee.OperationalError, "terminating connection"),
        (peewee.OperationalError, "the connection is closed"),
        (peewee.OperationalError, "server closed the connection"),
        (peewee.OperationalError, "consuming input failed"),
        (peewee.InterfaceError, "the connection is closed"),
        (peewee.InterfaceError, "connection already closed"),
    )
    _login: str | None = None

    def login(self) -> str:
        """The database user this program logged in as (``session_user``, which SET ROLE cannot change), asked
        once: it signs the audit trail on a server."""
        if self._login is None:
            self._login = self.execute_sql("SELECT session_user").fetchone()[0]
        return self._login


def password_refused(exc: BaseException | None) -> bool:
    """The server wants a password that was not given, or refused the one given."""
    return server_said(exc, "password authentication failed", "no password supplied", "fe_sendauth")


def database(url: str, password: str | None = None) -> peewee.PostgresqlDatabase:
    """An unconnected peewee database for ``url`` on psycopg 3; DriverMissingError without the driver.

    ``password`` (typed by the clerk) is kept in the connection's parameters in memory, for the
    reconnections and the workers' connections, and nowhere else."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise _driver_missing() from None
    secret = {"password": password} if password else {}
    result = ServerDatabase(_normalised(url), prefer_psycopg3=True, autoconnect=True,
                            connect_timeout=CONNECT_TIMEOUT_SECONDS, application_name=APPLICATION_NAME,
                            prepare_threshold=PREPARE_THRESHOLD, **secret)
    result.where = describe(url)
    return result


def connect(url: str, password: str | None = None) -> peewee.PostgresqlDatabase:
    """``database(url)`` connected once, so a wrong password or a stopped server is told here
    (PasswordNeededError when the password is missing or wrong)."""
    where = describe(url)
    result = database(url, password)
    try:
        result.connect(reuse_if_open=True)
        result.execute_sql("SELECT 1").fetchone()
    except peewee.ImproperlyConfigured:
        raise _driver_missing() from None
    except peewee.DatabaseError as exc:
        result.close()
        message = explain(exc, where) or _tr("The server {where} refused the connection: {reason}").format(
            where=where, reason=str(exc).strip())
        raise (PasswordNeededError if password_refused(exc) else ServerError)(message, where) from exc
    return result


def bound_password() -> str | None:
    """The password typed for the server database bound to ``DB`` now (kept in memory only), or None."""
    if isinstance(DB.obj, ServerDatabase):
        return DB.obj.connect_params.get("password")
    return None


def password_for(url: str, password: str | None = None) -> str | None:
    """The password to reach ``url`` with: the one given, else the URL's own, else the one typed for the server
    bound now (None: libpq's ~/.pgpass or PGPASSWORD decide)."""
    if password:
        return password
    secret = urllib.parse.urlsplit(_normalised(url)).password
    return urllib.parse.unquote(secret) if secret else bound_password()


def bound_server() -> str | None:
    """``user@host:port/dbname`` of the server database bound to ``DB`` now, or None for a file."""
    return getattr(DB.obj, "where", None) if isinstance(DB.obj, ServerDatabase) else None


def bound_login() -> str | None:
    """The database user of the server database bound to ``DB`` (see ServerDatabase.login), or None for a file."""
    return DB.obj.login() if isinstance(DB.obj, ServerDatabase) else None


@contextmanager
def planned_for_values() -> Iterator[None]:
    """Statements run inside are planned for the values they are given, each time (not prepared), on the server
    bound to ``DB``; on a file nothing changes. For reads whose best plan depends on their values (the ledger's
    search patterns and page keys): after five runs of a prepared statement PostgreSQL may settle on a generic
    plan, made without the values, which cannot tell a rare search word from a common one."""
    database_ = DB.obj
    if not isinstance(database_, ServerDatabase):
        yield
        return
    connection = database_.connection()
    connection.prepare_threshold = None
    try:
        yield
    finally:
        connection.prepare_threshold = PREPARE_THRESHOLD


def other_sessions(database_: peewee.PostgresqlDatabase) -> int:
    """How many other connections of Outreach Desk (its application_name) the database has now: clerks with a
    window open, whose undo or save in progress may still need what looks unused."""
    return database_.execute_sql(
        "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
        "AND application_name = %s", (APPLICATION_NAME,)).fetchone()[0]


def other_connections(database_: peewee.PostgresqlDatabase) -> int:
    """How many other client connections the database has now, of any program (a clerk's window, psql, a report
    tool): what a restore in place of its records would pull from under them. Another login's connection shows
    its user but not its kind to a login without pg_read_all_stats; the server's own workers have no user."""
    return database_.execute_sql(
        "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
        "AND usesysid IS NOT NULL AND (backend_type = 'client backend' OR backend_type IS NULL)").fetchone()[0]


def chinese_blind_ctype(database_: peewee.PostgresqlDatabase) -> str | None:
    """The database's LC_CTYPE when ``pg_trgm`` there makes no trigram of Chinese text (the C or POSIX ctype takes
    no Chinese character for a letter), so the ledger's trigram indexes hold nothing of a Chinese note; None when
    it does, or where pg_trgm is not installed (the search then uses no index at all). Asked of pg_trgm itself,
    not guessed from the locale's name (an ICU or another libc locale behaves as it behaves)."""
    if database_.execute_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").fetchone() is None:
        return None
    if database_.execute_sql("SELECT cardinality(show_trgm('反诈宣传')) > 0").fetchone()[0]:
        return None
    return database_.execute_sql("SELECT datctype FROM pg_database WHERE datname = current_database()").fetchone()[0]


def refresh_statistics(database_: peewee.PostgresqlDatabase) -> None:
    """``VACUUM (ANALYZE)`` after a bulk load onto the server (the demo, a copy): the planner's statistics, and
    the visibility map that lets the covering indexes of the tallies and the ledger answer without reading the
    table. Autovacuum does the same a while later; until then plans are guesses. Run outside a transaction."""
    database_.execute_sql("VACUUM (ANALYZE)")


def _foreign_tables(database_: peewee.PostgresqlDatabase) -> list[str]:
    """Tables in the schema we would write into that are not ours (a database of another program)."""
    from outreach_desk.store import migrations

    if migrations.current_version(database_) > 0:
        return []
    return [name for name in database_.get_tables() if name != "schema_version"]


def refuse_foreign(database_: peewee.PostgresqlDatabase, where: str) -> None:
    """NotEmptyError when the database holds tables of another program and no Outreach Desk schema."""
    foreign = _foreign_tables(database_)
    if foreign:
        raise NotEmptyError(_tr(
            "The database {where} already holds tables of another program ({tables}) and no Outreach Desk data. "
            "Nothing was changed; use an empty database.").format(
                where=where, tables=", ".join(sorted(foreign)[:5])), where)


def _migrated(url: str, migrate: bool, password: str | None = None) -> tuple[peewee.PostgresqlDatabase, list[int]]:
    """Connect, bind ``DB``, then upgrade the schema (or only check its version); the versions applied."""
    from outreach_desk.store import migrations

    result = connect(url, password)
    where = describe(url)
    DB.initialize(result)
    try:
        if not migrate:
            migrations.check_version(result)
            return result, []
        refuse_foreign(result, where)
        return result, migrations.upgrade(result)
    except peewee.DatabaseError as exc:
        result.close()
        message = explain(exc, where) or _tr("The server {where} could not set up the database: {reason}").format(
            where=where, reason=str(exc).strip())
        raise ServerError(message, where) from exc
    except StoreError:
        result.close()
        raise


def open_server(url: str, *, migrate: bool = True, password: str | None = None) -> peewee.PostgresqlDatabase:
    """Connect to the server database at ``url``, bring its schema up to date (or only check it) and bind ``DB``.

    A database that holds tables but no Outreach Desk schema is refused rather than written into.
    """
    return _migrated(url, migrate, password)[0]


def initialise(url: str) -> list[int]:
    """Create the schema (the numbered migrations) on the server database ``url``; return the versions
    applied (none when it was up to date already). Where ``server-roles`` set up per-township logins, new
    tables get their row-level security at once. Closes the connection afterwards."""
    from outreach_desk.store import row_security

    result, applied = _migrated(url, True)
    try:
        if applied and result.table_exists(row_security.MAPPING):  # per-township logins: cover new tables too
            with result.atomic():
                row_security.set_up(result)
    finally:
        result.close()
    return applied
