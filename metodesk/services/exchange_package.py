"""The exchange package: a zip a school carries to the district (and back) on a
flash drive, read and written in memory only (nothing is ever unpacked to disk).

It holds ``manifest.json``: ``format`` ("metodesk-exchange"), ``format_version``,
``app_version``, ``schema`` (the database revision it was made from),
``created_at`` (UTC), ``scope`` (the year and, optionally, the association),
``counts`` (rows per table) and ``files`` (the sha256 of every other member);
and ``tables/<table>.json``: one JSON list of rows per table (``exchange_format``).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from metodesk import paths
from metodesk.i18n import _
from metodesk.services.exchange_format import (
    BadValue,
    PackageRefused,
    decode_row,
    exchange_tables,
    table_label,
)

FORMAT = "metodesk-exchange"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
TABLES_DIR = "tables/"

# Refuse what no school's year of records comes near, before reading it.
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 500

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
    """A package's manifest and rows (decoded: Python dates, UUIDs for keys)."""

    manifest: dict[str, Any]
    rows: dict[str, list[dict[str, Any]]]  # table name -> rows, in foreign-key order

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
        data = handle.read(info.file_size + 1)
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
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _damaged(path) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _not_a_package(path)
    version = manifest.get("format_version")
    if version != FORMAT_VERSION:
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
    if not isinstance(manifest.get("files"), dict) or not isinstance(manifest.get("counts"), dict):
        raise _damaged(path)
    return manifest


def read_package(path: Path) -> Package:
    """Read and check a package in memory. PackageRefused (one sentence) for a
    file that is missing, not a zip, truncated, far too large, holds names
    outside its folder, fails a checksum, is of an unknown format version, or
    holds rows that do not fit the tables. The database itself (or its
    -wal/-shm) is refused unopened: opening and closing it here would drop the
    locks SQLite holds on it in this process."""
    if paths.is_database_file(path):
        raise _not_a_package(path)
    try:
        with path.open("rb") as handle:
            if handle.read(2) != b"PK":
                raise _not_a_package(path)
            handle.seek(0)
            manifest, raw = _read_archive(path, zipfile.ZipFile(handle))
    except PackageRefused:
        raise
    except FileNotFoundError as exc:
        raise PackageRefused(_("There is no file {path}.").format(path=path)) from exc
    except OSError as exc:
        raise PackageRefused(
            _("The file {path} cannot be read: {reason}.").format(path=path, reason=exc.strerror or exc)
        ) from exc
    except _DAMAGE as exc:
        raise _damaged(path) from exc
    return Package(manifest, _decode_tables(path, manifest, raw))


def _read_archive(path: Path, archive: zipfile.ZipFile) -> tuple[dict[str, Any], dict[str, bytes]]:
    with archive:
        members = _directory(path, archive)
        if MANIFEST not in members:
            raise _not_a_package(path)
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
        raw: dict[str, bytes] = {}
        for name in sorted(files):
            data = _read_member(archive, members[name])
            if hashlib.sha256(data).hexdigest() != files[name]:
                raise PackageRefused(
                    _(
                        "The checksum of “{name}” in the package {path} does not match: the package was "
                        "changed or damaged on the way. Nothing was imported."
                    ).format(path=path, name=name)
                )
            raw[name] = data
    return manifest, raw


def _decode_tables(
    path: Path, manifest: dict[str, Any], raw: dict[str, bytes]
) -> dict[str, list[dict[str, Any]]]:
    """Every member's rows, checked against the tables they are for."""
    known = {info.name: info for info in exchange_tables()}
    names = {name[len(TABLES_DIR) : -len(".json")]: name for name in raw}
    unknown = set(names) - set(known)
    if unknown:
        raise PackageRefused(
            _(
                "The package {path} holds records of “{table}”, which this version of metodesk does not know; "
                "nothing was imported."
            ).format(path=path, table=sorted(unknown)[0])
        )
    rows: dict[str, list[dict[str, Any]]] = {}
    for info in known.values():  # foreign-key order
        if info.name not in names:
            continue
        wrong = PackageRefused(
            _("The records of “{table}” in the package {path} are malformed; nothing was imported.").format(
                path=path, table=table_label(info.name)
            )
        )
        try:
            loaded = json.loads(raw[names[info.name]].decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise wrong from exc
        if not isinstance(loaded, list) or manifest["counts"].get(info.name) != len(loaded):
            raise wrong
        try:
            rows[info.name] = [decode_row(info, item) for item in loaded]
        except BadValue as exc:
            raise PackageRefused(
                _(
                    "A record of “{table}” in the package {path} has a wrong or missing value in "
                    "“{column}”; nothing was imported."
                ).format(path=path, table=table_label(info.name), column=str(exc)[:60])
            ) from exc
        if not info.is_link:
            uuids = [row["uuid"] for row in rows[info.name]]
            if len(set(uuids)) != len(uuids):
                raise wrong
    return rows
