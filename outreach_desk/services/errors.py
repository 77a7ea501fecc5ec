"""Errors that services raise for the user: each carries a translated message and where it applies."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


class ServiceError(Exception):
    """A refusal the user must read; ``str()`` is already translated."""


class ValidationError(ServiceError):
    def __init__(self, errors: list[FieldError]):
        super().__init__("\n".join(e.message for e in errors))
        self.errors = errors

    def by_field(self) -> dict[str, str]:
        return {e.field: e.message for e in self.errors}


@dataclass
class Dependents:
    """What would go with a deleted organisation node."""

    villages: int = 0
    sites: int = 0
    activities: int = 0
    photos: int = 0
    extra: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.villages + self.sites + self.activities + self.photos + sum(self.extra.values())


class InUseError(ServiceError):
    def __init__(self, message: str, dependents: Dependents):
        super().__init__(message)
        self.dependents = dependents


class NotFoundError(ServiceError):
    pass


class ConflictError(ServiceError):
    """Someone else saved the record after the clerk opened it, so the clerk's save was refused, not written over
    theirs: ``theirs`` is the record as stored now, ``who`` and ``when`` the last change's clerk and local time."""

    def __init__(self, message: str, theirs: object, who: str = "", when: object = None):
        super().__init__(message)
        self.theirs, self.who, self.when = theirs, who, when
