"""A slimmer ICU data library for the frozen build on Linux (issue 9).

PySide6's Qt Core links ICU, whose data library (libicudata.so.NN) holds one
32 MB package: every locale, collation, converter, break-iterator dictionary
and transliterator ICU knows. Qt asks ICU for little of it: collation
(QCollator, the file dialog's sorting), case mapping, time-zone names and
text codecs. This module rewrites the package with the data of the languages
metodesk speaks (root, en, kk, ru) plus everything that is not per locale
(normalisation, Unicode properties, the UCA table, time-zone rules and
metadata), drops the CJK/South-East-Asian word dictionaries, the
transliterators and the non-Cyrillic legacy codecs, and builds a small
library that exports the same ``icudtNN_dat`` symbol with the same soname.
About 30 MB becomes 4.5 MB.

Checked by comparing, with the full and the slim library, QCollator's order of
Kazakh, Russian and Latin words, case mapping and time-zone display names in
kk/ru/en, and the codecs Qt opens (only the CJK/EBCDIC ones go). The smoke
check sorts Kazakh and Russian letters, so a package without their collation
fails it.

The library is assembled with binutils' ``as`` and ``ld``, which PyInstaller
needs on Linux anyway. Any surprise (no binutils, an unexpected file layout)
leaves the full library in place with a warning: the program is then bigger,
never broken.
Windows wheels of PySide6 carry no ICU, so there is nothing to do there.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

LOCALE = re.compile(r"^(root|[a-z]{2,3}(_[A-Za-z0-9]+)*)$")
# Legacy single-byte codecs a Kazakh or Russian file might still come in:
# windows-1251, IBM's 1251, cp866, KOI8-R, KOI8-U, ISO-8859-5, windows-1250/1252, cp437.
KEEP_CODECS = frozenset(
    {
        "ibm-5347_P100-1998", "ibm-1251_P100-1995", "ibm-866_P100-1995", "ibm-878_P100-1996",
        "ibm-1168_P100-2002", "ibm-915_P100-1995", "ibm-5346_P100-1998", "ibm-5348_P100-1997",
        "ibm-437_P100-1995",
    }
)  # fmt: skip


def _read_items(package: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """ICU's common data package ("CmnD"): a header, a table of contents of
    (name offset, data offset) pairs counted from the table's start, the
    names, then the items in name order; each item runs to the next one."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", package, 0)
    if (magic1, magic2) != (0xDA, 0x27) or package[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    (count,) = struct.unpack_from("<I", package, header_size)
    offsets = [struct.unpack_from("<II", package, header_size + 4 + 8 * i) for i in range(count)]
    items = []
    for index, (name_at, data_at) in enumerate(offsets):
        start = header_size + name_at
        name = package[start : package.index(b"\0", start)].decode("ascii")
        end = header_size + offsets[index + 1][1] if index + 1 < count else len(package)
        items.append((name, package[header_size + data_at : end]))
    return package[:header_size], items


def _write_items(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The inverse of _read_items; items stay in their (sorted) order, 16-byte aligned."""
    names_at = 4 + 8 * len(items)
    names = bytearray()
    name_offsets = []
    for name, _data in items:
        name_offsets.append(names_at + len(names))
        names += name.encode("ascii") + b"\0"
    data_at = names_at + len(names)
    data_at += -(len(header) + data_at) % 16
    body = bytearray()
    data_offsets = []
    for _name, data in items:
        data_offsets.append(data_at + len(body))
        body += data + b"\0" * (-len(data) % 16)
    toc = bytearray(struct.pack("<I", len(items)))
    for name_offset, data_offset in zip(name_offsets, data_offsets, strict=True):
        toc += struct.pack("<II", name_offset, data_offset)
    toc += names
    toc += b"\0" * (data_at - len(toc))
    return header + bytes(toc) + bytes(body)


def _wanted(name: str, locales: frozenset[str]) -> bool:
    """Whether an item ("icudt73l/coll/kk.res") stays in the slim package."""
    path = name.split("/", 1)[-1]
    tree, _, file_name = path.rpartition("/")
    stem, _, kind = file_name.rpartition(".")
    if tree == "translit" or kind == "dict":
        return False
    if kind == "cnv":
        return stem in KEEP_CODECS
    if kind == "res" and stem not in ("res_index", "pool") and LOCALE.match(stem):
        return stem in locales
    return True


def slim_package(package: bytes, locales: frozenset[str]) -> bytes:
    """The package with only the wanted items."""
    header, items = _read_items(package)
    return _write_items(header, [(name, data) for name, data in items if _wanted(name, locales)])


def _data_symbol(library: bytes) -> tuple[str, bytes]:
    """The exported ``icudtNN_dat`` symbol of an x86-64/aarch64 ELF library and its bytes."""
    if library[:4] != b"\x7fELF" or library[4] != 2 or library[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF file")
    (shoff,) = struct.unpack_from("<Q", library, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", library, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", library, shoff + i * shentsize) for i in range(shnum)]
    for _name, sh_type, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if sh_type != 11:  # SHT_DYNSYM
            continue
        strings = sections[link][4]
        for at in range(offset, offset + size, entsize):
            st_name, _st_info, _other, shndx, value, st_size = struct.unpack_from("<IBBHQQ", library, at)
            end = library.index(b"\0", strings + st_name)
            symbol = library[strings + st_name : end].decode("ascii")
            if re.fullmatch(r"icudt\d+_dat", symbol) and shndx:
                section = sections[shndx]
                start = value - section[3] + section[4]
                return symbol, library[start : start + st_size]
    raise ValueError("no icudtNN_dat symbol")


def build_slim_library(original: Path, work: Path, locales: frozenset[str]) -> Path:
    """Write a slim copy of ``original`` (libicudata.so.NN) under ``work``; its path."""
    symbol, package = _data_symbol(original.read_bytes())
    work.mkdir(parents=True, exist_ok=True)
    data = work / f"{symbol}.slim"
    data.write_bytes(slim_package(package, locales))
    source = work / "icudata.S"
    source.write_text(
        "    .section .rodata\n"
        f"    .globl {symbol}\n"
        f"    .type {symbol}, @object\n"
        "    .balign 16\n"
        f"{symbol}:\n"
        f'    .incbin "{data.name}"\n'
        f"    .size {symbol}, . - {symbol}\n"
        '    .section .note.GNU-stack,"",@progbits\n',
        encoding="ascii",
    )
    # GNU as and ld come with binutils, which PyInstaller needs on Linux anyway.
    assembler, linker = shutil.which("as"), shutil.which("ld")
    if assembler is None or linker is None:
        raise RuntimeError("binutils' as and ld are needed to build the slim ICU data library")
    target = work / original.name
    subprocess.run([assembler, source.name, "-o", "icudata.o"], cwd=work, check=True, capture_output=True)
    subprocess.run(
        [linker, "-shared", "-soname", original.name, "-o", str(target), "icudata.o"],
        cwd=work, check=True, capture_output=True,
    )  # fmt: skip
    _symbol, built = _data_symbol(target.read_bytes())
    if slim_package(built, locales) != built:
        raise RuntimeError("the slim ICU data library does not hold the slim package")
    return target


def slim_icu_in(binaries: list, work: Path, locales: frozenset[str]) -> list:
    """PyInstaller's binaries with libicudata replaced by a slim build (when it can be built)."""
    result = []
    for entry in binaries:
        dest, source, kind = entry
        if Path(dest).name.startswith("libicudata.so") and Path(source).is_file():
            try:
                slim = build_slim_library(Path(source).resolve(), work, locales)
            except (OSError, ValueError, RuntimeError, subprocess.CalledProcessError) as exc:
                print(f"WARNING: ICU data kept whole ({exc})")
            else:
                before, after = Path(source).stat().st_size, slim.stat().st_size
                print(f"ICU data: {before / 2**20:.1f} MB -> {after / 2**20:.1f} MB ({dest})")
                entry = (dest, str(slim), kind)
        result.append(entry)
    return result
