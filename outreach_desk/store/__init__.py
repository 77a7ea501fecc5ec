"""Storage layer: the one database proxy, the peewee models and the schema migrations."""

from outreach_desk.store.connection import (
    DB,
    CorruptDatabaseError,
    NewerSchemaError,
    NotADatabaseError,
    StoreError,
    close_database,
    open_database,
    write_transaction,
)

__all__ = [
    "DB",
    "CorruptDatabaseError",
    "NewerSchemaError",
    "NotADatabaseError",
    "StoreError",
    "close_database",
    "open_database",
    "write_transaction",
]
