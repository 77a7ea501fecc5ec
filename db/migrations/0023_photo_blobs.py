"""Version 23: the photos of a server database, in the server itself (``photo_blob``, PostgreSQL only).

A database file keeps its pictures in the folder beside it; on a county server every clerk must see
every picture, so the bytes go into the database, once per SHA-256 however many records show them
(store/photo_blobs.py). SQLite gets nothing here: a file's photo folder stays as it was.
"""

import peewee


def upgrade(db, seed_dir) -> None:
    if not isinstance(db, peewee.PostgresqlDatabase):
        return
    db.execute_sql("CREATE TABLE photo_blob (sha256 CHAR(64) PRIMARY KEY, ext VARCHAR(10) NOT NULL, "
                   "size INTEGER NOT NULL, data BYTEA NOT NULL, added_at TIMESTAMP NOT NULL)")
