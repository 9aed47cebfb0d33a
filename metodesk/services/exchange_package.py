"""The exchange package: a zip a school carries to the district (and back) on a
flash drive, read and written in memory only (nothing is ever unpacked to disk).

It holds ``manifest.json``: ``format`` ("metodesk-exchange"), ``format_version``,
``app_version``, ``schema`` (the database revision it was made from),
``created_at`` (UTC), ``scope`` (the year and, optionally, the association),
``counts`` (rows per table) and ``files`` (the sha256 of every other member);
and ``tables/<table>.json``: one JSON list of rows per table (``exchange_format``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from metodesk import paths
from metodesk.domain import limits
from metodesk.i18n import _
from metodesk.services import exchange_rules
from metodesk.services.exchange_format import (
    BadValue,
    InvalidRecord,
    PackageRefused,
    TableInfo,
    decode_row,
    describe,
    exchange_tables,
    table_label,
)

FORMAT = "metodesk-exchange"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
TABLES_DIR = "tables/"

# Refuse what no school's year of records comes near, before reading it. A
# district's whole year (150 organisations, 58,960 records) unpacks to 28 MB,
# its largest table to 5 MB and 10,759 records: the caps are four times that
# and more, and keep the memory a refused package costs to a few hundred MB.
MAX_TOTAL_BYTES = 128 * 1024 * 1024
MAX_MEMBER_BYTES = 32 * 1024 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_MEMBERS = 500
MAX_TABLE_ROWS = 100_000
MAX_ROWS = 300_000

# What zipfile and zlib raise for a truncated or damaged archive (an encrypted
# member asks for a password: RuntimeError; an unknown compression: NotImplementedError).
_DAMAGE = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    ValueError,
    RuntimeError,
    NotImplementedError,
)

_MEMBER_NAME = re.compile(r"^tables/[a-z][a-z0-9_]{0,62}\.json$")


@dataclass(frozen=True)
class Package:
    """A package's manifest and rows (decoded: Python dates, UUIDs for keys).
    ``skipped`` says which records were left out because a value was wrong
    (only when the reader was asked to skip them rather than refuse), and
    ``skipped_uuids`` holds their UUIDs by table, so the records that need
    them are left out too."""

    manifest: dict[str, Any]
    rows: dict[str, list[dict[str, Any]]]  # table name -> rows, in foreign-key order
    skipped: list[str] = field(default_factory=list)
    skipped_uuids: dict[str, set[str]] = field(default_factory=dict)
    skip_invalid: bool = False  # leave out what is wrong rather than refuse the package

    @property
    def scope(self) -> dict[str, Any]:
        scope = self.manifest.get("scope")
        return scope if isinstance(scope, dict) else {}

    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.rows.items()}


def member_name(table: str) -> str:
    return f"{TABLES_DIR}{table}.json"


def _dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False).encode("utf-8")


def package_bytes(manifest: dict[str, Any], tables: dict[str, list[dict[str, Any]]]) -> bytes:
    """The zip of a manifest (``files`` and ``counts`` filled in here) and the
    encoded rows of each table."""
    members = {member_name(name): _dumps(rows) for name, rows in tables.items()}
    manifest = dict(manifest)
    manifest["counts"] = {name: len(rows) for name, rows in tables.items()}
    manifest["files"] = {name: hashlib.sha256(data).hexdigest() for name, data in members.items()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, _dumps(manifest))
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _safe_name(name: str) -> bool:
    """A member name that stays inside the package: no parent steps, no
    absolute path, no drive, no backslash, nothing but what a package holds."""
    if name == MANIFEST:
        return True
    return bool(_MEMBER_NAME.match(name)) and ".." not in name


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """One member's bytes, never more than the directory said it holds."""
    with archive.open(info) as handle:
        data = handle.read(info.file_size + 1)  # never more than the directory says
    if len(data) != info.file_size:
        raise zipfile.BadZipFile(info.filename)
    return data


def _damaged(path: Path) -> PackageRefused:
    return PackageRefused(
        _("The package {path} is damaged or incomplete; nothing was imported.").format(path=path)
    )


def _not_a_package(path: Path) -> PackageRefused:
    return PackageRefused(
        _("The file {path} is not a metodesk exchange package; nothing was imported.").format(path=path)
    )


def _directory(path: Path, archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """The members by name, refused before anything is read when the names
    leave the package or the sizes are far too large."""
    infos = archive.infolist()
    total = sum(info.file_size for info in infos)
    if len(infos) > MAX_MEMBERS or total > MAX_TOTAL_BYTES:
        raise PackageRefused(
            _(
                "The package {path} is far too large ({size} MB in {count} files unpacked); "
                "a metodesk package holds at most {limit} MB. Nothing was imported."
            ).format(
                path=path,
                size=total // (1024 * 1024),
                count=len(infos),
                limit=MAX_TOTAL_BYTES // (1024 * 1024),
            )
        )
    members: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if not _safe_name(info.filename):
            raise PackageRefused(
                _(
                    "The package {path} holds a file named “{name}”, which would land outside its "
                    "folder or does not belong in a package; nothing was imported."
                ).format(path=path, name=info.filename[:100])
            )
        if info.filename in members:
            raise PackageRefused(
                _("The package {path} holds the file “{name}” twice; nothing was imported.").format(
                    path=path, name=info.filename
                )
            )
        members[info.filename] = info
    return members


def _manifest(path: Path, data: bytes) -> dict[str, Any]:
    from metodesk.storage import migrate

    try:
        manifest = json.loads(data.decode("utf-8"), parse_float=_no_fraction, parse_constant=_no_fraction)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _damaged(path) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _not_a_package(path)
    version = manifest.get("format_version")
    if type(version) is not int or version != FORMAT_VERSION:  # true and 1.0 are not 1
        raise PackageRefused(
            _(
                "The package {path} is in format {version}, which this version of metodesk does not know; "
                "nothing was imported."
            ).format(path=path, version=str(version)[:20])
        )
    schema = manifest.get("schema")
    if not isinstance(schema, str) or schema not in migrate.known_revisions():
        raise PackageRefused(
            _(
                "The package {path} was made by a newer version of metodesk (schema {schema}); "
                "install the newer version to import it. Nothing was imported."
            ).format(path=path, schema=str(schema)[:20])
        )
    files, counts = manifest.get("files"), manifest.get("counts")
    if not isinstance(files, dict) or not isinstance(counts, dict):
        raise _damaged(path)
    if any(not isinstance(digest, str) for digest in files.values()):
        raise _damaged(path)
    if any(type(count) is not int or count < 0 for count in counts.values()):
        raise _damaged(path)
    return manifest


def _no_fraction(text: str) -> Any:
    """No value of a package is a fraction or NaN."""
    raise ValueError(text[:20])


def _too_large(path: Path, size: int, count: int) -> PackageRefused:
    return PackageRefused(
        _(
            "The package {path} is far too large ({size} MB in {count} files unpacked); "
            "a metodesk package holds at most {limit} MB. Nothing was imported."
        ).format(path=path, size=size // (1024 * 1024), count=count, limit=MAX_TOTAL_BYTES // (1024 * 1024))
    )


def _too_many(path: Path, table: str, count: int) -> PackageRefused:
    return PackageRefused(
        _(
            "The package {path} holds {count} records of “{table}”, far more than any school's year; "
            "nothing was imported."
        ).format(path=path, count=count, table=table)
    )


def _open_regular(path: Path) -> BinaryIO:
    """The file for reading, only when it is a regular file: a FIFO, a device
    or a folder would hang the reader or make no sense as a package."""
    status = os.stat(path)
    if not stat.S_ISREG(status.st_mode):
        raise PackageRefused(
            _("{path} is not a file (a folder, a device or a pipe); nothing was imported.").format(path=path)
        )
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):  # replaced between the two looks
            raise PackageRefused(
                _("{path} is not a file (a folder, a device or a pipe); nothing was imported.").format(path=path)
            )
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_package(path: Path, skip_invalid: bool = False) -> Package:
    """Read and check a package in memory. PackageRefused (one sentence) for a
    file that is missing, not a regular file, not a zip, truncated, far too
    large, holds names outside its folder, fails a checksum, is of an unknown
    format version, or holds rows that do not fit the tables. A record whose
    value breaks its column's rule refuses the package (the sentence names the
    record and the field), or, with ``skip_invalid``, is left out and listed
    in ``Package.skipped``. The database itself (or its -wal/-shm) is refused
    unopened: opening and closing it here would drop the locks SQLite holds on
    it in this process."""
    if paths.is_database_file(path):
        raise _not_a_package(path)
    try:
        with _open_regular(path) as handle:
            if handle.read(2) != b"PK":
                raise _not_a_package(path)
            handle.seek(0)
            return _read_archive(path, zipfile.ZipFile(handle), skip_invalid)
    except PackageRefused:
        raise
    except FileNotFoundError as exc:
        raise PackageRefused(_("There is no file {path}.").format(path=path)) from exc
    except OSError as exc:
        raise PackageRefused(
            _("The file {path} cannot be read: {reason}.").format(path=path, reason=exc.strerror or exc)
        ) from exc
    except MemoryError as exc:
        raise _too_large(path, 0, 0) from exc
    except _DAMAGE as exc:
        raise _damaged(path) from exc


def _read_archive(path: Path, archive: zipfile.ZipFile, skip_invalid: bool) -> Package:
    """Check the directory and the manifest, then read, check and decode one
    table at a time (only one member's bytes are held at once)."""
    with archive:
        members = _directory(path, archive)
        if MANIFEST not in members:
            raise _not_a_package(path)
        if members[MANIFEST].file_size > MAX_MANIFEST_BYTES:
            raise _damaged(path)
        manifest = _manifest(path, _read_member(archive, members[MANIFEST]))
        files: dict[str, Any] = manifest["files"]
        present = set(members) - {MANIFEST}
        if set(files) - present:
            raise _damaged(path)
        if present - set(files):
            raise PackageRefused(
                _(
                    "The package {path} holds “{name}”, which its manifest does not list; nothing was imported."
                ).format(path=path, name=sorted(present - set(files))[0])
            )
        known = {info.name: info for info in exchange_tables()}
        names = {name[len(TABLES_DIR) : -len(".json")]: name for name in files}
        unknown = set(names) - set(known)
        if unknown:
            raise PackageRefused(
                _(
                    "The package {path} holds records of “{table}”, which this version of metodesk does not "
                    "know; nothing was imported."
                ).format(path=path, table=sorted(unknown)[0])
            )
        counts: dict[str, Any] = manifest["counts"]
        if any(table not in counts for table in names):
            raise _damaged(path)
        claimed: dict[str, int] = {table: counts[table] for table in names}
        for table, count in claimed.items():
            if count > MAX_TABLE_ROWS:
                raise _too_many(path, table_label(table), count)
        if sum(claimed.values()) > MAX_ROWS:
            raise _too_many(path, _("all tables"), sum(claimed.values()))
        reader = _TableReader(path, skip_invalid)
        for info in known.values():  # foreign-key order
            if info.name not in names:
                continue
            name = names[info.name]
            member = members[name]
            if member.file_size > min(MAX_MEMBER_BYTES, _member_bound(info, claimed[info.name])):
                raise PackageRefused(
                    _(
                        "The records of “{table}” in the package {path} take far more room than "
                        "{count} records can; nothing was imported."
                    ).format(path=path, table=table_label(info.name), count=claimed[info.name])
                )
            data = _read_member(archive, member)
            if hashlib.sha256(data).hexdigest() != files[name]:
                raise PackageRefused(
                    _(
                        "The checksum of “{name}” in the package {path} does not match: the package was "
                        "changed or damaged on the way. Nothing was imported."
                    ).format(path=path, name=name)
                )
            reader.read(info, data, claimed[info.name])
            del data
    return Package(manifest, reader.rows, reader.skipped, reader.skipped_uuids, skip_invalid)


def _member_bound(info: TableInfo, count: int) -> int:
    """The most bytes ``count`` rows of the table can take in a package."""
    columns = {name: info.table.c[name].type for name in info.columns}
    return 64 + count * exchange_rules.max_row_bytes(info.name, columns)


# Outside strings a package's table holds one list of flat objects: any other
# "[" is a nested list (no column holds one); "key": pairs are counted so one
# object with millions of keys is refused before it is built. Both scans walk
# the bytes match by match and stop at the first excess (no copy is made).
_STRING_OR_LIST = re.compile(rb'"(?:[^"\\]++|\\.)*+"|\[')
_KEY = re.compile(rb'"\s*:')
_LIST_START = re.compile(rb"\s*\[")


def _nested_list(data: bytes) -> bool:
    """True when a "[" outside the strings follows the first one."""
    if data.count(b"[") <= 1:
        return False
    lists = 0
    for found in _STRING_OR_LIST.finditer(data):
        if found.group() == b"[":
            lists += 1
            if lists > 1:
                return True
    return False


def _too_many_keys(data: bytes, bound: int) -> bool:
    """More than ``bound`` "key": pairs (a quick count of colons first)."""
    if data.count(b":") <= bound:
        return False
    keys = 0
    for _found in _KEY.finditer(data):
        keys += 1
        if keys > bound:
            return True
    return False


class _Invalid(Exception):
    """A row broke its column's rule: the raw row and the BadValue."""

    def __init__(self, raw: dict[str, Any], error: BadValue) -> None:
        super().__init__(error.column)
        self.raw = raw
        self.error = error


class _Malformed(Exception):
    """The member is not a list of flat rows (or holds more than it claims)."""


class _TableReader:
    """Parses one table's member at a time, checking every row as the parser
    finishes it (``object_pairs_hook``): memory grows with the valid rows
    only, and the first wrong one stops the parse."""

    def __init__(self, path: Path, skip_invalid: bool) -> None:
        self.path = path
        self.skip_invalid = skip_invalid
        self.latest: dt.datetime = limits.latest_time()
        self.rows: dict[str, list[dict[str, Any]]] = {}
        self.skipped: list[str] = []
        self.skipped_uuids: dict[str, set[str]] = {}

    def _malformed(self, info: TableInfo) -> PackageRefused:
        return PackageRefused(
            _("The records of “{table}” in the package {path} are malformed; nothing was imported.").format(
                path=self.path, table=table_label(info.name)
            )
        )

    def _sentence(self, info: TableInfo, raw: dict[str, Any], error: BadValue) -> str:
        reason = error.reason or _("a wrong value")
        return _("“{table}”: the record “{record}” has a wrong value in “{column}” ({reason}).").format(
            table=table_label(info.name), record=describe(raw), column=error.column, reason=reason
        )

    def read(self, info: TableInfo, data: bytes, claimed: int) -> None:
        if not _LIST_START.match(data):
            raise self._malformed(info)  # a table is a list of rows
        if _nested_list(data) or _too_many_keys(data, claimed * (len(info.columns) + 2) + 1000):
            raise self._malformed(info)
        rows: list[dict[str, Any]] = []
        uuids: set[str] = set()
        skipped = self.skipped_uuids.setdefault(info.name, set())
        seen = 0

        def row(pairs: list[tuple[str, Any]]) -> None:
            nonlocal seen
            seen += 1
            if seen > claimed:
                raise _Malformed
            raw = dict(pairs)
            if len(raw) != len(pairs):
                raise _Malformed  # a field given twice
            try:
                decoded = decode_row(info, raw, self.latest)
            except BadValue as exc:
                if not self.skip_invalid:
                    raise _Invalid(raw, exc) from exc
                self.skipped.append(self._sentence(info, raw, exc))
                uuid = raw.get("uuid")
                if isinstance(uuid, str):
                    skipped.add(uuid)
                return None
            if not info.is_link:
                if decoded["uuid"] in uuids:
                    raise _Malformed
                uuids.add(decoded["uuid"])
            rows.append(decoded)
            return None

        try:
            loaded = json.loads(
                data.decode("utf-8"),
                object_pairs_hook=row,
                parse_float=_no_fraction,
                parse_constant=_no_fraction,
            )
        except _Invalid as exc:
            raise InvalidRecord(
                _("The package {path} cannot be imported: {problem} Nothing was imported.").format(
                    path=self.path, problem=self._sentence(info, exc.raw, exc.error)
                )
            ) from exc
        except (_Malformed, UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise self._malformed(info) from exc
        if not isinstance(loaded, list) or len(loaded) != claimed or seen != claimed:
            raise self._malformed(info)
        if any(item is not None for item in loaded):
            raise self._malformed(info)  # something other than a row in the list
        self.rows[info.name] = rows
