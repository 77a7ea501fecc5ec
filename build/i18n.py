"""Keep the Simplified Chinese translation in step with the source: extract, list, fill, compile.

    python build/i18n.py update          # extract strings into the .ts, compile the .qm
    python build/i18n.py missing > x.tsv # unfinished messages as TSV: context, source, (empty), [comment]
    python build/i18n.py fill x.tsv      # take translations from column 3, mark finished, compile
    python build/i18n.py release         # compile the .qm from the .ts only

Why not plain ``pyside6-lupdate *.py``: lupdate's Python parser misses the project's helpers
(``_tr = lambda``/``def _tr(text): return translate("Ledger", text)``, ``tr = QApplication.translate``)
and misreads some of them.  So this script finds the messages itself with :mod:`ast` and hands
them to Qt's own lupdate as a generated C++ list of ``QT_TRANSLATE_NOOP3`` entries: lupdate still
does the merging (keeps translations, drops obsolete, -locations none so the file does not churn).
Both files are written to a temporary file and moved into place, and the script takes a lock of
its own, so concurrent runs (also under ``flock /tmp/i18n.lock``) never see half-written files.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "outreach_desk"
TRANSLATIONS = ROOT / "resources" / "translations"
TS_FILE = TRANSLATIONS / "outreach_desk_zh_CN.ts"
QM_FILE = TRANSLATIONS / "outreach_desk_zh_CN.qm"

TRANSLATE_NAMES = {"translate"}  # f(context, text, disambiguation=None, n=-1), bare or as an attribute
NOOP_CONTEXT = {"QT_TRANSLATE_NOOP": False, "QT_TRANSLATE_NOOP3": False, "QT_TRANSLATE_N_NOOP": True,
                "QT_TRANSLATE_N_NOOP3": True}
NOOP_CLASS = {"QT_TR_NOOP": False, "QT_TR_N_NOOP": True}
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)[^{}]*\}")


# ---------------------------------------------------------------------------------------- tools
def qt_tool(name: str) -> str:
    """lupdate/lrelease from the PySide6 wheel of the running interpreter (or its pyside6-* wrapper)."""
    exe = ".exe" if os.name == "nt" else ""
    try:
        import PySide6

        candidate = Path(PySide6.__file__).parent / f"{name}{exe}"
        if candidate.is_file():
            return str(candidate)
    except ImportError:
        pass
    for folder in (Path(sys.executable).parent, Path(sys.executable).parent / "Scripts"):
        candidate = folder / f"pyside6-{name}{exe}"
        if candidate.is_file():
            return str(candidate)
    raise SystemExit(f"i18n: cannot find {name}; install PySide6 in this interpreter ({sys.executable})")


@contextlib.contextmanager
def project_lock():
    """Serialise runs of this script on one checkout (a lock file of our own, so an outer flock is fine)."""
    try:
        import fcntl
    except ImportError:  # Windows: a single translator at a time is the norm there
        yield
        return
    path = Path(tempfile.gettempdir()) / f"outreach_desk_i18n_{hashlib.sha1(str(ROOT).encode()).hexdigest()[:10]}.lock"
    with open(path, "w", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# ----------------------------------------------------------------------------------- extraction
@dataclass(frozen=True, order=True)
class Message:
    context: str
    source: str
    comment: str = ""
    numerus: bool = False


@dataclass(frozen=True)
class Alias:
    """A callable that translates: its fixed context (or None: takes it as first argument) and argument slots."""

    context: str | None
    text: int | str = 1
    comment: int | str | None = 2
    n: int | str | None = 3


TRANSLATE = Alias(None, 1, 2, 3)


class Extractor(ast.NodeVisitor):
    def __init__(self, path: Path, imported: dict[str, Alias]):
        self.path = path
        self.messages: set[Message] = set()
        self.warnings: list[str] = []
        self.skipped: list[str] = []
        self.constants: dict[str, str] = {}
        self.aliases: dict[str, Alias] = dict(imported)
        self.classes: list[str] = []

    # -- helpers
    def where(self, node: ast.AST) -> str:
        return f"{self.path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}"

    def string(self, node: ast.AST | None) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Name) and node.id in self.constants:
            return self.constants[node.id]
        return None

    def callee_alias(self, func: ast.AST) -> Alias | None:
        if isinstance(func, ast.Name):
            if func.id in self.aliases:
                return self.aliases[func.id]
            return TRANSLATE if func.id in TRANSLATE_NAMES else None
        if isinstance(func, ast.Attribute) and func.attr in TRANSLATE_NAMES:
            return TRANSLATE
        return None

    @staticmethod
    def argument(call: ast.Call, slot: int | str | None) -> ast.AST | None:
        if slot is None:
            return None
        names = {"text": 1, "comment": 2, "disambiguation": 2, "n": 3}
        if isinstance(slot, int):
            for keyword in call.keywords:
                if keyword.arg and names.get(keyword.arg) == slot:
                    return keyword.value
            return call.args[slot] if slot < len(call.args) else None
        for keyword in call.keywords:
            if keyword.arg == slot:
                return keyword.value
        return None

    def add(self, node: ast.AST, context: str | None, text_node, comment_node, numerus: bool) -> None:
        if isinstance(text_node, ast.JoinedStr):
            self.warnings.append(f"{self.where(node)}: an f-string cannot be translated; use .format(name=...)")
            return
        text = self.string(text_node)
        if context is None or text is None:
            self.skipped.append(f"{self.where(node)}: not literal, skipped")
            return
        comment = self.string(comment_node) or ""
        self.messages.add(Message(context, text, comment, numerus))

    # -- visitors
    def visit_Module(self, node: ast.Module) -> None:
        for statement in node.body:
            if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
                target = statement.targets[0]
                if isinstance(target, ast.Name) and isinstance(statement.value, ast.Constant) \
                        and isinstance(statement.value.value, str):
                    self.constants[target.id] = statement.value.value
        for child in ast.walk(node):  # aliases first, wherever they are defined
            self.collect_alias(child)
        self.generic_visit(node)

    def collect_alias(self, node: ast.AST) -> None:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name, value = node.targets[0].id, node.value
            if self.callee_alias(value) == TRANSLATE:  # tr = QApplication.translate
                self.aliases[name] = TRANSLATE
            elif isinstance(value, ast.Lambda):
                alias = self.wrapper_alias(value.args, value.body)
                if alias:
                    self.aliases[name] = alias
            elif (isinstance(value, ast.Call)
                    and getattr(value.func, "id", getattr(value.func, "attr", "")) == "partial"
                    and value.args and self.callee_alias(value.args[0]) == TRANSLATE and len(value.args) == 2):
                context = self.string(value.args[1])
                if context is not None:
                    self.aliases[name] = Alias(context, 0, 1, 2)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            body = [s for s in node.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
            if len(body) == 1 and isinstance(body[0], ast.Return) and body[0].value is not None:
                alias = self.wrapper_alias(node.args, body[0].value)
                if alias:
                    self.aliases[node.name] = alias

    def wrapper_alias(self, arguments: ast.arguments, body: ast.AST) -> Alias | None:
        """``def _tr(text, n=-1): return translate("Ctx", text, None, n)`` → Alias("Ctx", 0, None, 1)."""
        if not isinstance(body, ast.Call) or self.callee_alias(body.func) != TRANSLATE or not body.args:
            return None
        context = self.string(body.args[0])
        if context is None:
            return None
        params = [a.arg for a in arguments.posonlyargs + arguments.args]

        def slot(position: int) -> int | str | None:
            value = self.argument(body, position)
            if isinstance(value, ast.Name) and value.id in params:
                return params.index(value.id)
            return None

        if slot(1) is None:
            return None
        return Alias(context, slot(1), slot(2), slot(3))

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.id if isinstance(func, ast.Name) else None
        alias = self.callee_alias(func)
        if name in NOOP_CONTEXT and len(node.args) >= 2:
            comment = node.args[2] if len(node.args) > 2 else None
            self.add(node, self.string(node.args[0]), node.args[1], comment, NOOP_CONTEXT[name])
        elif name in NOOP_CLASS and node.args:
            self.add(node, self.classes[-1] if self.classes else None, node.args[0], None, NOOP_CLASS[name])
        elif isinstance(func, ast.Attribute) and func.attr == "tr" and node.args:
            owner = func.value
            if isinstance(owner, ast.Name) and owner.id in ("self", "cls"):
                context = self.classes[-1] if self.classes else None
            elif isinstance(owner, ast.Name):
                context = owner.id
            else:
                context = None
            numerus = len(node.args) > 2 or any(k.arg == "n" for k in node.keywords)
            comment = node.args[1] if len(node.args) > 1 else next(
                (k.value for k in node.keywords if k.arg == "disambiguation"), None)
            self.add(node, context, node.args[0], comment, numerus)
        elif alias is not None and (node.args or node.keywords):
            if alias.context is None:
                context = self.string(node.args[0]) if node.args else None
                text, comment, n = (self.argument(node, s) for s in (1, 2, 3))
            else:
                context = alias.context
                text, comment, n = (self.argument(node, s) for s in (alias.text, alias.comment, alias.n))
            numerus = n is not None and not (isinstance(n, ast.Constant) and n.value == -1)
            self.add(node, context, text, comment, numerus)
        self.generic_visit(node)


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_aliases(tree: ast.Module, exported: dict[str, dict[str, Alias]]) -> dict[str, Alias]:
    """``from outreach_desk.services.ledger import _tr`` brings that module's fixed-context helper along."""
    found: dict[str, Alias] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in exported:
            for name in node.names:
                alias = exported[node.module].get(name.name)
                if alias is not None and alias.context is not None:
                    found[name.asname or name.name] = alias
    return found


def extract(files: list[Path]) -> tuple[set[Message], list[str], list[str]]:
    trees = {path: ast.parse(path.read_text(encoding="utf-8"), filename=str(path)) for path in files}
    exported: dict[str, dict[str, Alias]] = {}
    for path, tree in trees.items():
        extractor = Extractor(path, {})
        for statement in tree.body:
            if isinstance(statement, ast.Assign) and len(statement.targets) == 1 \
                    and isinstance(statement.targets[0], ast.Name) and isinstance(statement.value, ast.Constant) \
                    and isinstance(statement.value.value, str):
                extractor.constants[statement.targets[0].id] = statement.value.value
        for statement in tree.body:
            extractor.collect_alias(statement)
        exported[module_name(path)] = extractor.aliases
    messages: set[Message] = set()
    warnings: list[str] = []
    skipped: list[str] = []
    for path, tree in trees.items():
        extractor = Extractor(path, imported_aliases(tree, exported))
        extractor.visit(tree)
        messages |= extractor.messages
        warnings += extractor.warnings
        skipped += extractor.skipped
    return messages, warnings, skipped


def source_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts and "_data" not in p.parts)


def cpp_literal(text: str) -> str:
    out = []
    for char in text:
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif char == "\r":
            out.append("\\r")
        elif ord(char) < 32:
            out.append(f"\\{ord(char):03o}")
        elif char == "?":  # no trigraphs
            out.append("\\?")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def cpp_listing(messages: set[Message]) -> str:
    lines = ["// Generated by build/i18n.py for lupdate; not part of the program.", "void messages() {"]
    for message in sorted(messages):
        macro = "QT_TRANSLATE_N_NOOP3" if message.numerus else "QT_TRANSLATE_NOOP3"
        lines.append(f"    {macro}({cpp_literal(message.context)}, {cpp_literal(message.source)}, "
                     f"{cpp_literal(message.comment)});")
    lines.append("}")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------------ ts and qm
def run_tool(args: list[str]) -> str:
    result = subprocess.run(args, capture_output=True, text=True, encoding="utf-8", errors="replace")
    if result.returncode != 0:
        raise SystemExit(f"i18n: {Path(args[0]).name} failed:\n{result.stdout}{result.stderr}")
    return result.stdout + result.stderr


def lupdate_into(ts_path: Path, messages: set[Message]) -> str:
    """Merge ``messages`` into ``ts_path`` in place (the caller hands in a scratch copy)."""
    with tempfile.TemporaryDirectory(prefix="i18n-src-") as folder:
        listing = Path(folder) / "messages.cpp"
        listing.write_text(cpp_listing(messages), encoding="utf-8")
        return run_tool([qt_tool("lupdate"), "-no-obsolete", "-locations", "none", "-sort-messages",
                         "-source-language", "en", "-target-language", "zh_CN",
                         str(listing), "-ts", str(ts_path)])


def release(ts_path: Path, qm_path: Path) -> None:
    """Compile with lrelease into a temporary file beside the target, then move it into place."""
    scratch = qm_path.with_name(f".{qm_path.name}.{os.getpid()}.tmp")
    try:
        run_tool([qt_tool("lrelease"), "-silent", str(ts_path), "-qm", str(scratch)])
        os.replace(scratch, qm_path)
    finally:
        scratch.unlink(missing_ok=True)


def update(verbose: bool = False, prepare=None) -> None:
    messages, warnings, skipped = extract(source_files())
    for line in warnings:
        print(f"warning: {line}", file=sys.stderr)
    if verbose:
        for line in skipped:
            print(f"note: {line}", file=sys.stderr)
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    scratch = TS_FILE.with_name(f".tmp{os.getpid()}-{TS_FILE.name}")
    try:
        if TS_FILE.exists():
            scratch.write_bytes(TS_FILE.read_bytes())
        if prepare is not None and scratch.exists():
            prepare(scratch)
        report = lupdate_into(scratch, messages)
        os.replace(scratch, TS_FILE)
    finally:
        scratch.unlink(missing_ok=True)
    release(TS_FILE, QM_FILE)
    unfinished = len(list(unfinished_messages()))
    summary = [line.strip() for line in report.splitlines() if "Found" in line or "Removed" in line]
    print(f"{TS_FILE.relative_to(ROOT)}: {len(messages)} messages, {unfinished} unfinished. "
          + " ".join(summary))


# ----------------------------------------------------------------------------- missing and fill
def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "r": "\r"}.get(m.group(1), m.group(1)), text)


def message_is_finished(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
        return False
    forms = translation.findall("numerusform")
    texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
    return all(t.strip() for t in texts)


def read_ts(path: Path | None = None) -> ET.ElementTree:
    return ET.parse(path or TS_FILE)


def iter_messages(tree: ET.ElementTree):
    for context in tree.getroot().findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            yield name, message


def unfinished_messages(path: Path | None = None):
    path = path or TS_FILE
    if not path.exists():
        return
    for context, message in iter_messages(read_ts(path)):
        if not message_is_finished(message):
            yield context, message


def missing() -> None:
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8", newline="\n")
    for context, message in unfinished_messages():
        row = [escape(context), escape(message.findtext("source") or ""), ""]
        comment = message.findtext("comment")
        if comment:
            row.append(escape(comment))
        out.write("\t".join(row) + "\n")


def check_translation(source: str, translation: str, numerus: bool) -> str | None:
    lost = sorted(set(PLACEHOLDER.findall(source)) - set(PLACEHOLDER.findall(translation)))
    if lost:
        return "placeholder(s) missing from the translation: " + ", ".join("{" + p + "}" for p in lost)
    if numerus and "%n" in source and "%n" not in translation:
        return "%n missing from the translation"
    return None


def read_fill_rows(path: Path) -> tuple[dict[tuple[str, str, str | None], str], list[str]]:
    rows: dict[tuple[str, str, str | None], str] = {}
    problems: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) < 3:
            problems.append(f"{path.name}:{number}: expected context<TAB>source<TAB>translation")
            continue
        context, source, translation = (unescape(c) for c in cells[:3])
        comment = unescape(cells[3]) if len(cells) > 3 and cells[3] else None
        if not translation.strip():
            problems.append(f"{path.name}:{number}: no translation given for {source!r}")
            continue
        rows[(context, source, comment)] = translation
    return rows, problems


def fill(tsv: Path) -> int:
    rows, problems = read_fill_rows(tsv)
    used: set[tuple[str, str, str | None]] = set()
    applied: list[str] = []

    def apply(scratch: Path) -> None:
        tree = read_ts(scratch)
        for context, message in iter_messages(tree):
            source = message.findtext("source") or ""
            comment = message.findtext("comment") or None
            key = (context, source, comment) if (context, source, comment) in rows else (context, source, None)
            if key not in rows:
                continue
            numerus = message.get("numerus") == "yes"
            problem = check_translation(source, rows[key], numerus)
            if problem:
                problems.append(f"{context} / {source!r}: {problem}")
                used.add(key)
                continue
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.attrib.pop("type", None)
            forms = translation.findall("numerusform")
            if numerus:
                for form in forms or [ET.SubElement(translation, "numerusform")]:
                    form.text = rows[key]
                translation.text = None
            else:
                translation.text = rows[key]
            used.add(key)
            applied.append(source)
        tree.write(scratch, encoding="utf-8", xml_declaration=True)

    if not TS_FILE.exists():
        raise SystemExit(f"i18n: {TS_FILE} does not exist; run 'update' first")
    update(prepare=apply)
    for key in rows.keys() - used:
        problems.append(f"not in the .ts (typo, or the string changed?): {key[0]} / {key[1]!r}")
    for line in problems:
        print(f"i18n: {line}", file=sys.stderr)
    print(f"filled {len(applied)} translation(s) from {tsv}")
    return 1 if problems else 0


# ------------------------------------------------------------------------------------------ cli
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build/i18n.py", description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="Run under 'flock /tmp/i18n.lock' when several people share a tree.")
    sub = parser.add_subparsers(dest="command", required=True)
    up = sub.add_parser("update", help="extract strings from outreach_desk/ into the .ts and compile the .qm")
    up.add_argument("-v", "--verbose", action="store_true", help="also list calls skipped as non-literal")
    sub.add_parser("missing", help="print unfinished messages as TSV: context, source, empty, [disambiguation]")
    fl = sub.add_parser("fill", help="set translations from a TSV (third column), mark them finished, compile")
    fl.add_argument("tsv", type=Path)
    sub.add_parser("release", help="compile the .qm from the .ts")
    args = parser.parse_args(argv)
    with project_lock():
        if args.command == "update":
            update(args.verbose)
        elif args.command == "missing":
            missing()
        elif args.command == "fill":
            return fill(args.tsv)
        elif args.command == "release":
            release(TS_FILE, QM_FILE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
