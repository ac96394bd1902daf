"""A consistent copy of the database, and putting one back: pg_dump/pg_restore on PostgreSQL,
SQLite's online backup API on SQLite."""

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing

from django.db import connection, transaction

from . import manifest


class BackupError(Exception):
    """Something the operator must fix; the message says what."""


def _pg_env():
    s = connection.settings_dict
    env = {**os.environ, "PGDATABASE": s["NAME"]}
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if s.get(key):
            env[variable] = str(s[key])
    return env


def _run(command, what):
    if not shutil.which(command[0]):
        raise BackupError(
            f"{command[0]} is not installed (the PostgreSQL client programs are needed to {what})."
        )
    result = subprocess.run(  # noqa: S603 (a PostgreSQL client program, arguments from settings)
        command, env=_pg_env(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed to {what}: {result.stderr.strip()[-2000:]}")


def dump(directory):
    """Write the database into `directory`; returns (file name, counts, migrations), all of one instant."""
    if connection.vendor == "postgresql":
        # The counts and pg_dump share one exported snapshot, so the manifest describes exactly
        # what the dump holds even while editors keep saving.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts, migrations = manifest.count_rows(cursor), manifest.applied_migrations(cursor)
            name = "database.dump"
            _run(
                [
                    "pg_dump",
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--snapshot={snapshot}",
                    "--file",
                    str(directory / name),
                ],
                "dump the database",
            )
        return name, counts, migrations
    if connection.vendor == "sqlite":
        name = "database.sqlite3"
        connection.ensure_connection()
        with closing(sqlite3.connect(directory / name)) as copy:
            connection.connection.backup(
                copy
            )  # a consistent page-by-page copy, even of a busy database
            cursor = copy.cursor()
            return name, manifest.count_rows(cursor), manifest.applied_migrations(cursor)
    raise BackupError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")


def tables():
    return connection.introspection.table_names()


def describe():
    name = connection.settings_dict["NAME"]
    return f"{connection.vendor} database {name}"


def restore(path, vendor, force):
    """Load the copy at `path` into the configured database (empty unless `force`)."""
    if vendor != connection.vendor:
        raise BackupError(
            f"This backup holds a {vendor} database; the configured one is {describe()}. "
            "Restore it into a database of the same kind."
        )
    existing = tables()
    if existing and not force:
        raise BackupError(
            f"The {describe()} is not empty ({len(existing)} tables). Restore into an empty "
            "database, or pass --force to replace its whole content."
        )
    if vendor == "postgresql":
        connection.close()
        # One transaction: a failure leaves the database as it was.
        command = [
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            "--dbname",
            connection.settings_dict["NAME"],
        ]
        if force:
            command += ["--clean", "--if-exists"]
        _run([*command, str(path)], "restore the database")
    else:
        target = connection.settings_dict["NAME"]
        if str(target) == ":memory:" or connection.is_in_memory_db():
            raise BackupError(
                "The configured SQLite database is in memory: set DATABASE_URL to a file."
            )
        connection.close()
        staging = f"{target}.restoring"
        shutil.copyfile(path, staging)
        os.replace(staging, target)  # atomic: the old file or the new one, never half of each


def verify(expected):
    """The restored database holds what the manifest says."""
    connection.close()
    with connection.cursor() as cursor:
        counts, migrations = manifest.count_rows(cursor), manifest.applied_migrations(cursor)
    if counts != expected["counts"]:
        raise BackupError(
            f"The restored database does not match the manifest: counts {counts}, "
            f"expected {expected['counts']}."
        )
    if migrations != expected["database"]["migrations"]:
        raise BackupError(
            "The restored database does not have the migrations listed in the manifest."
        )
    return counts
