"""Quota expressions: a tiny, safe arithmetic language over a unit's recorded attributes.

Rules are data that clerks edit, so a quota such as ``entrances + elevators`` is parsed here by
a small recursive-descent parser (never ``eval``) into a tree that can be evaluated in Python,
compiled to portable SQL, written back in canonical form and rendered for a gap text
("出入口 4 + 电梯 2"). Grammar::

    expr   := term (("+" | "-") term)*
    term   := unary (("*" | "/") unary)*
    unary  := "-" unary | atom
    atom   := NUMBER | NAME | ("min" | "max") "(" expr ("," expr)* ")" | "assigned" "(" STRING ")"
            | "(" expr ")"

A NAME is an attribute code (``households``) or its label in the current language (``户数``). A village's
``households`` or ``residents`` left at 0 reads the sum entered on its sites, so an office that enters
households per block gets the same quota as one that enters them per village.
``assigned("APP注册")`` (also ``任务数("APP注册")``) is the number the village or site was given for
that assigned target (``services/assigned_targets.py``), 0 when it was given none.
Division by zero gives "no quota" (None); :func:`quota_of` turns any result into a whole quota.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from outreach_desk.i18n import translate
from outreach_desk.services import vocab

MAX_LENGTH = 200
MAX_DEPTH = 20
MAX_NUMBER = 1e9
FUNCTIONS = ("min", "max")
ASSIGNED = ("assigned", "任务数")

# Attributes a quota may name, per kind of unit a rule applies to.
ATTRIBUTES = {
    "village": ("households", "residents"),
    "site": vocab.SITE_ATTRIBUTES,
    "member_unit": (),
}

_TOKEN = re.compile(r"\s*(?:(?P<number>\d+(?:\.\d+)?)|(?P<name>[A-Za-z_][A-Za-z0-9_]*|[\u3400-\u9fff]+)"
                    r"|(?P<string>\"[^\"“”]*\"|“[^\"“”]*”)|(?P<op>[-+*/(),（）]))")


def _tr(text: str) -> str:
    return translate("Rules", text)


class ExpressionError(ValueError):
    """A quota expression that cannot be used; ``str()`` is a translated sentence for the clerk."""


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


class Node:
    precedence = 3

    def evaluate(self, values: dict[str, float]) -> float | None:
        raise NotImplementedError

    def sql(self, table: str) -> str:
        raise NotImplementedError

    def text(self) -> str:
        raise NotImplementedError

    def render(self, values: dict[str, float]) -> str:
        raise NotImplementedError

    def attributes(self) -> set[str]:
        return set()

    def columns(self, table: str) -> dict[str, str]:
        """The SQL of each value the quota reads (keyed as in :meth:`attributes`), for gap texts."""
        return {}


@dataclass(frozen=True)
class Number(Node):
    value: float

    def evaluate(self, values):
        return self.value

    def sql(self, table):
        return _number_text(self.value)

    def text(self):
        return _number_text(self.value)

    def render(self, values):
        return _number_text(self.value)


@dataclass(frozen=True)
class Attribute(Node):
    """A unit's recorded count; on a village, 0 falls back to the sum over its sites (``level`` "village")."""

    name: str
    level: str = ""

    @property
    def from_sites(self) -> str:
        return f"{self.name}@sites"

    def evaluate(self, values):
        return values[self.name]

    def sql(self, table):
        if self.level != "village":
            return f"{table}.{self.name}"
        return (f"COALESCE(NULLIF({table}.{self.name}, 0), "
                f"(SELECT SUM(s_.{self.name}) FROM site s_ WHERE s_.village_id = {table}.id), 0)")

    def text(self):
        return self.name

    def render(self, values):
        if values.get(self.from_sites):
            return _tr("{attribute} of its sites {number}").format(attribute=vocab.attribute_label(self.name),
                                                                   number=_number_text(values[self.name]))
        return f"{vocab.attribute_label(self.name)} {_number_text(values[self.name])}"

    def attributes(self):
        return {self.name}

    def columns(self, table):
        if self.level != "village":
            return {self.name: self.sql(table)}
        return {self.name: self.sql(table),
                self.from_sites: f"(CASE WHEN COALESCE({table}.{self.name}, 0) = 0 THEN 1 ELSE 0 END)"}


@dataclass(frozen=True)
class Assigned(Node):
    """The number a village (``level`` "village") or a site was given for the assigned target ``target``."""

    target: str
    level: str

    @property
    def key(self) -> str:
        return f"assigned:{self.target}"

    def evaluate(self, values):
        return values.get(self.key, 0)

    def sql(self, table):
        column = "village_id" if self.level == "village" else "site_id"
        name = self.target.replace("'", "''")
        return (f"COALESCE((SELECT an_.number FROM assigned_number an_ JOIN assigned_target at_ "
                f"ON at_.id = an_.target_id WHERE at_.name = '{name}' AND an_.{column} = {table}.id), 0)")

    def text(self):
        return f'assigned("{self.target}")'

    def render(self, values):
        return _tr("{target} assigned {number}").format(target=self.target,
                                                          number=_number_text(values.get(self.key) or 0))

    def attributes(self):
        return {self.key}

    def columns(self, table):
        return {self.key: self.sql(table)}


@dataclass(frozen=True)
class Negate(Node):
    operand: Node

    def evaluate(self, values):
        inner = self.operand.evaluate(values)
        return None if inner is None else -inner

    def sql(self, table):
        return f"(-{self.operand.sql(table)})"

    def text(self):
        return f"-{_wrap(self.operand, 3)}"

    def render(self, values):
        inner = self.operand.render(values)
        return f"-({inner})" if self.operand.precedence < 3 else f"-{inner}"

    def attributes(self):
        return self.operand.attributes()

    def columns(self, table):
        return self.operand.columns(table)


@dataclass(frozen=True)
class Binary(Node):
    op: str
    left: Node
    right: Node

    @property
    def precedence(self) -> int:
        return 1 if self.op in "+-" else 2

    def evaluate(self, values):
        a, b = self.left.evaluate(values), self.right.evaluate(values)
        if a is None or b is None:
            return None
        if self.op == "+":
            return a + b
        if self.op == "-":
            return a - b
        if self.op == "*":
            return a * b
        return None if b == 0 else a / b

    def sql(self, table):
        a, b = self.left.sql(table), self.right.sql(table)
        if self.op == "/":
            # 1.0 * forces real division on both SQLite and PostgreSQL; NULLIF makes x/0 "no quota".
            return f"((1.0 * {a}) / NULLIF({b}, 0))"
        return f"({a} {self.op} {b})"

    def _operands(self, show) -> tuple[str, str]:
        left = show(self.left)
        right = show(self.right)
        if self.left.precedence < self.precedence:
            left = f"({left})"
        if self.right.precedence < self.precedence or (
                self.right.precedence == self.precedence and self.op in "-/"):
            right = f"({right})"
        return left, right

    def text(self):
        left, right = self._operands(lambda node: node.text())
        return f"{left} {self.op} {right}"

    def render(self, values):
        left, right = self._operands(lambda node: node.render(values))
        return f"{left} {self.op} {right}"

    def attributes(self):
        return self.left.attributes() | self.right.attributes()

    def columns(self, table):
        return {**self.left.columns(table), **self.right.columns(table)}


@dataclass(frozen=True)
class Call(Node):
    function: str
    arguments: tuple[Node, ...]

    def evaluate(self, values):
        results = [a.evaluate(values) for a in self.arguments]
        if any(r is None for r in results):
            return None
        return min(results) if self.function == "min" else max(results)

    def sql(self, table):
        # CASE instead of min()/max() or LEAST()/GREATEST(), which differ between SQLite and PostgreSQL.
        result = self.arguments[0].sql(table)
        pick = "<" if self.function == "min" else ">"
        for argument in self.arguments[1:]:
            other = argument.sql(table)
            result = (f"(CASE WHEN {result} IS NULL OR {other} IS NULL THEN NULL "
                      f"WHEN {result} {pick} {other} THEN {result} ELSE {other} END)")
        return result

    def text(self):
        return f"{self.function}({', '.join(a.text() for a in self.arguments)})"

    def render(self, values):
        return f"{self.function}({', '.join(a.render(values) for a in self.arguments)})"

    def attributes(self):
        return set().union(*(a.attributes() for a in self.arguments))

    def columns(self, table):
        return {key: sql for a in self.arguments for key, sql in a.columns(table).items()}


def _wrap(node: Node, precedence: int) -> str:
    return f"({node.text()})" if node.precedence < precedence else node.text()


def unit_type_label(applies_to: str) -> str:
    labels = {
        "village": _tr("villages and communities"),
        "site": _tr("sites"),
        "member_unit": _tr("member units"),
    }
    return labels.get(applies_to, applies_to)


def _aliases(applies_to: str) -> dict[str, str]:
    allowed = ATTRIBUTES[applies_to]
    names = {code: code for code in allowed}
    names.update({vocab.attribute_label(code): code for code in allowed})
    return names


class _Parser:
    def __init__(self, source: str, applies_to: str):
        self.source = source
        self.applies_to = applies_to
        self.aliases = _aliases(applies_to)
        self.tokens = self._tokenize(source)
        self.pos = 0
        self.depth = 0

    def _error(self, text: str, **values) -> ExpressionError:
        return ExpressionError(text.format(expression=self.source, **values))

    def _tokenize(self, source: str) -> list[tuple[str, str, int]]:
        tokens, index = [], 0
        while index < len(source):
            if source[index:].strip() == "":
                break
            match = _TOKEN.match(source, index)
            if not match:
                bad = source[index:].lstrip()[:1]
                raise self._error(_tr("Quota \"{expression}\": the character \"{char}\" is not allowed; "
                                      "use numbers, attribute names, + - * / and brackets."), char=bad)
            kind = match.lastgroup
            tokens.append((kind, match.group(kind), match.start(kind)))
            index = match.end()
        return tokens

    def peek(self) -> tuple[str, str, int] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self, op: str | None = None):
        token = self.peek()
        if token is None:
            raise self._error(_tr("Quota \"{expression}\": the expression ends too early."))
        if op is not None and token[1] != op:
            raise self._error(_tr("Quota \"{expression}\": expected \"{expected}\" but found \"{found}\"."),
                              expected=op, found=token[1])
        self.pos += 1
        return token

    def parse(self) -> Node:
        if not self.tokens:
            raise self._error(_tr("Quota \"{expression}\": enter a number or an expression "
                                  "such as entrances + elevators."))
        node = self.expr()
        if self.peek() is not None:
            raise self._error(_tr("Quota \"{expression}\": unexpected \"{found}\"."), found=self.peek()[1])
        return node

    def expr(self) -> Node:
        node = self.term()
        while self.peek() is not None and self.peek()[1] in "+-":
            op = self.take()[1]
            node = Binary(op, node, self.term())
        return node

    def term(self) -> Node:
        node = self.unary()
        while self.peek() is not None and self.peek()[1] in "*/":
            op = self.take()[1]
            node = Binary(op, node, self.unary())
        return node

    def unary(self) -> Node:
        token = self.peek()
        if token is not None and token[1] == "-":
            self.take()
            return Negate(self.unary())
        return self.atom()

    def atom(self) -> Node:
        kind, value, _ = self.take()
        if kind == "number":
            number = float(value)
            if number > MAX_NUMBER:
                raise self._error(_tr("Quota \"{expression}\": the number {number} is too large."), number=value)
            return Number(number)
        if kind == "name":
            if value in FUNCTIONS:
                return self.call(value)
            if value in ASSIGNED:
                return self.assigned()
            if value not in self.aliases:
                allowed = ATTRIBUTES[self.applies_to]
                known = ", ".join(f"{code} ({vocab.attribute_label(code)})" for code in allowed) or _tr("none")
                raise self._error(_tr("Quota \"{expression}\": \"{name}\" is not an attribute of {units}. "
                                      "Known attributes: {known}."),
                                  name=value, units=unit_type_label(self.applies_to), known=known)
            return Attribute(self.aliases[value], self.applies_to if self.applies_to == "village" else "")
        if value in ("(", "（"):
            self._enter()
            node = self.expr()
            self.take_close()
            self.depth -= 1
            return node
        raise self._error(_tr("Quota \"{expression}\": unexpected \"{found}\"."), found=value)

    def assigned(self) -> Node:
        if self.applies_to not in ("village", "site"):
            raise self._error(_tr("Quota \"{expression}\": only villages, communities and sites are given assigned "
                                  "targets."))
        self.take_open()
        token = self.peek()
        if token is None or token[0] != "string" or not token[1][1:-1].strip():
            raise self._error(_tr("Quota \"{expression}\": write the target's name in quotes, e.g. "
                                  "assigned(\"APP注册\")."))
        self.take()
        self.take_close()
        return Assigned(" ".join(token[1][1:-1].split()), self.applies_to)

    def take_open(self) -> None:
        token = self.peek()
        if token is not None and token[1] == "（":
            self.take()
        else:
            self.take("(")

    def take_close(self) -> None:
        token = self.peek()
        if token is not None and token[1] == "）":
            self.take()
        else:
            self.take(")")

    def call(self, function: str) -> Node:
        self.take_open()
        self._enter()
        arguments = [self.expr()]
        while self.peek() is not None and self.peek()[1] == ",":
            self.take()
            arguments.append(self.expr())
        self.take_close()
        self.depth -= 1
        if len(arguments) < 2:
            raise self._error(_tr("Quota \"{expression}\": {function}() needs at least two values."), function=function)
        return Call(function, tuple(arguments))

    def _enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self._error(_tr("Quota \"{expression}\": too many nested brackets."))


def parse(source: str, applies_to: str) -> Node:
    """Parse ``source`` for a rule applying to ``applies_to``; raise ExpressionError with a clear message."""
    if applies_to not in ATTRIBUTES:
        raise ValueError(f"unknown unit type {applies_to!r}")
    source = (source or "").strip()
    if len(source) > MAX_LENGTH:
        raise ExpressionError(_tr("The quota expression is longer than {limit} characters.").format(limit=MAX_LENGTH))
    return _Parser(source, applies_to).parse()


def quota_of(raw: float | None) -> int:
    """The whole quota a unit must reach: negative or undefined results mean 0, fractions round up."""
    if raw is None:
        return 0
    return max(0, math.ceil(float(raw) - 1e-9))


def is_constant(node: Node) -> bool:
    return not node.attributes()
