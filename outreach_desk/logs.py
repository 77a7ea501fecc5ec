"""The log file: a rotating file in the per-user data folder with warnings, Qt's own messages and
every unhandled exception with its traceback, so that a clerk can send it to whoever supports them.

Nothing here imports widgets: the window hands :func:`install_excepthook` a function that shows
the error, and that function is called after the error has been logged (and printed to stderr as
Python would), so an exception is never swallowed.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path

from outreach_desk.paths import user_data_dir

LOGGER_NAME = "outreach_desk"
LOG_FILE_NAME = "outreach-desk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d %(threadName)s] %(message)s"

Reporter = Callable[[BaseException, str], None]
_state: dict = {"handler": None, "previous_hooks": None, "reporting": False}


def log_dir() -> Path:
    return user_data_dir() / "logs"


def log_file() -> Path | None:
    """The file being written, or None when logging goes to stderr only."""
    handler = _state["handler"]
    return Path(handler.baseFilename) if isinstance(handler, _RotatingLog) else None


class _RotatingLog(logging.Handler):
    """A RotatingFileHandler made when the first record comes: importing ``logging.handlers`` (with socket
    and pickle) lengthens start-up, and most sessions write nothing before the window is shown."""

    def __init__(self, path: Path):
        super().__init__()
        self.baseFilename = str(path)
        self._file: logging.Handler | None = None
        self._failed = False

    def emit(self, record: logging.LogRecord) -> None:
        if self._failed:
            self._to_stderr(record)
            return
        if self._file is None:
            import logging.handlers

            self._file = logging.handlers.RotatingFileHandler(
                self.baseFilename, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True)
            self._file.setFormatter(self.formatter)
            self._file.handleError = lambda failed: self._file_failed(failed)
        self._file.emit(record)

    def _file_failed(self, record: logging.LogRecord) -> None:
        """The log file cannot be written (a full disk, a profile gone read-only): say so once, in one line
        rather than logging's traceback per record, and carry on on stderr."""
        self._failed = True
        reason = sys.exc_info()[1]
        if sys.stderr is not None:
            print(f"outreach-desk: cannot write the log {self.baseFilename} ({reason}); logging to stderr",
                  file=sys.stderr)
        self._to_stderr(record)

    def _to_stderr(self, record: logging.LogRecord) -> None:
        if sys.stderr is None:
            return
        try:
            print(self.format(record), file=sys.stderr)
        except Exception:  # noqa: BLE001 - a log line must never break the program
            pass

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def setup_logging(folder: str | Path | None = None, level: int = logging.INFO) -> Path | None:
    """Send the program's log to a rotating file (1 MB × 6); fall back to stderr if the folder is not
    writable, because a read-only profile must not stop the program. Idempotent."""
    logger = logging.getLogger(LOGGER_NAME)
    logger.setLevel(level)
    if _state["handler"] is not None:
        return log_file()
    folder = Path(folder) if folder else log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = _RotatingLog(folder / LOG_FILE_NAME)
    except OSError as exc:
        handler = logging.StreamHandler(sys.stderr)
        print(f"outreach-desk: cannot write the log in {folder} ({exc}); logging to stderr", file=sys.stderr)
    handler.setFormatter(logging.Formatter(_FORMAT))
    logger.addHandler(handler)
    _state["handler"] = handler
    return log_file()


def shutdown_logging() -> None:
    """Detach and close the handler (tests, and a clean exit)."""
    handler = _state["handler"]
    if handler is not None:
        logging.getLogger(LOGGER_NAME).removeHandler(handler)
        handler.close()
        _state["handler"] = None


def format_details(exc_type, exc, tb) -> str:
    from outreach_desk import __version__

    text = "".join(traceback.format_exception(exc_type, exc, tb))
    where = log_file()
    lines = [f"Outreach Desk {__version__}, Python {sys.version.split()[0]}, {sys.platform}"]
    if where is not None:
        lines.append(f"Log: {where}")
    return "\n".join(lines) + "\n\n" + text


def _report(reporter: Reporter | None, exc: BaseException, details: str) -> None:
    """Show one error at a time; an error while showing one is logged, never raised again."""
    if reporter is None or _state["reporting"]:
        return
    _state["reporting"] = True
    try:
        reporter(exc, details)
    except Exception:  # the dialog itself failed: the log already has the original error
        logging.getLogger(LOGGER_NAME).exception("showing an unhandled error failed")
    finally:
        _state["reporting"] = False


def install_excepthook(reporter: Reporter | None = None) -> None:
    """Log every unhandled exception (main thread, Qt slots, other threads), print it as Python would,
    then hand it to ``reporter``. ``uninstall_excepthook`` puts the previous hooks back."""
    if _state["previous_hooks"] is None:
        _state["previous_hooks"] = (sys.excepthook, threading.excepthook)
    previous_hook, previous_thread_hook = _state["previous_hooks"]
    logger = logging.getLogger(LOGGER_NAME)

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            previous_hook(exc_type, exc, tb)
            return
        logger.critical("unhandled exception", exc_info=(exc_type, exc, tb))
        previous_hook(exc_type, exc, tb)
        _report(reporter, exc, format_details(exc_type, exc, tb))

    def thread_hook(args):
        if args.exc_type is SystemExit:
            return
        logger.critical("unhandled exception in thread %s", getattr(args.thread, "name", "?"),
                        exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
        previous_thread_hook(args)
        if args.exc_value is not None:
            _report(reporter, args.exc_value, format_details(args.exc_type, args.exc_value, args.exc_traceback))

    sys.excepthook = hook
    threading.excepthook = thread_hook


def uninstall_excepthook() -> None:
    if _state["previous_hooks"] is not None:
        sys.excepthook, threading.excepthook = _state["previous_hooks"]
        _state["previous_hooks"] = None


#: Qt messages that say nothing to a clerk or to whoever supports them, logged at every start on some
#: platforms (offscreen, Wayland); left out of the log and stderr.
_QT_NOISE = frozenset({"This plugin does not support propagateSizeHints()"})


def install_qt_message_handler():
    """Route Qt's own warnings into the log (and warnings and worse to stderr); return the previous handler."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_logger = logging.getLogger(LOGGER_NAME + ".qt")
    levels = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}

    def handler(mode, context, message):
        if message in _QT_NOISE:
            return
        level = levels.get(mode, logging.WARNING)
        where = f" ({context.file}:{context.line})" if context is not None and context.file else ""
        qt_logger.log(level, "%s%s", message, where)
        if level >= logging.WARNING and sys.stderr is not None:
            print(message, file=sys.stderr)

    return qInstallMessageHandler(handler)
