"""Checks on a returned workbook before any XML in it is parsed: is it really a plain .xlsx?"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from pathlib import Path

from defusedxml.ElementTree import fromstring

from cs360desk.domain.tracker import TrackerFileError
from cs360desk.i18n import N_, _, formats

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 5_000
MAX_ROWS = 100_000
MAX_INDEX_BYTES = 10 * 1024 * 1024
# Spreadsheet XML compresses well, but not by more than this; bombs do (zeros reach 1000:1).
MAX_RATIO = 200
RATIO_CHECKED_ABOVE = 1024 * 1024
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
# A row element, with or without a namespace prefix; the look-ahead keeps <rowBreaks> out.
_ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row(?=[\s>/])")
_DIMENSION = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?dimension\s+ref=\"[A-Z]*\d*:?[A-Z]*(\d+)\"")
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_CHUNK = 1024 * 1024
_SAVE_AS = N_("open it in Excel and save it as Excel Workbook (.xlsx)")


def checked_workbook_bytes(path: Path) -> bytes:
    """The file's bytes once it looks like an ordinary .xlsx; TrackerFileError otherwise.

    Sizes come from the zip directory. zipfile stops reading a member at its declared size
    (and fails its CRC check when the declaration lied), so checking them bounds every read.
    """
    data = _read_bounded(path)
    name = path.name
    if data.startswith(OLE2_MAGIC):
        if ENCRYPTED_STREAM in data:
            raise TrackerFileError(
                _(
                    "{file} is protected with a password; remove the password in Excel "
                    "(File > Info > Protect Workbook), save, and import it again"
                ).format(file=name)
            )
        raise TrackerFileError(
            _("{file} is an old Excel 97-2003 (.xls) file; {save_as}").format(
                file=name, save_as=_(_SAVE_AS)
            )
        )
    if not data.startswith(ZIP_MAGIC):
        if _looks_like_text(data):
            raise TrackerFileError(
                _("{file} is a text (CSV) file, not an Excel workbook; {save_as}").format(
                    file=name, save_as=_(_SAVE_AS)
                )
            )
        raise TrackerFileError(_("{file} is not an Excel workbook (.xlsx)").format(file=name))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_members(name, archive)
            _check_kind(name, archive)
            _check_no_declarations(name, archive)
            _check_row_counts(archive)
    except zipfile.BadZipFile as error:
        raise TrackerFileError(
            _("{file} is damaged or not an Excel workbook: {error}").format(file=name, error=error)
        ) from error
    return data


def _read_bounded(path: Path) -> bytes:
    try:
        with Path(path).open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as error:
        raise TrackerFileError(_("{path} does not exist").format(path=path)) from error
    except IsADirectoryError as error:
        raise TrackerFileError(_("{path} is a folder, not a file").format(path=path)) from error
    except OSError as error:
        raise TrackerFileError(
            _("{path} cannot be read: {reason}").format(path=path, reason=error.strerror or error)
        ) from error
    if not data:
        raise TrackerFileError(_("{file} is empty").format(file=path.name))
    if len(data) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        raise TrackerFileError(
            _("{file} is larger than {limit} MB; that is not a tracker").format(
                file=path.name, limit=limit
            )
        )
    return data


def _looks_like_text(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the sample's end is still text.
        return error.start >= len(sample) - 3
    return True


def _check_members(name: str, archive: zipfile.ZipFile) -> None:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise TrackerFileError(
            _("{file} holds {count} parts; that is not a tracker").format(
                file=name, count=formats.number(len(members))
            )
        )
    total = 0
    for member in members:
        if member.flag_bits & 0x1:
            raise TrackerFileError(
                _("{file} is encrypted; save it without a password").format(file=name)
            )
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_CHECKED_ABOVE and ratio > MAX_RATIO:
            raise TrackerFileError(
                _(
                    "{file} is refused: its part {part} would unpack to {size} MB "
                    "({ratio} times its size), which is how zip bombs look"
                ).format(
                    file=name,
                    part=member.filename,
                    size=formats.number(member.file_size // (1024 * 1024)),
                    ratio=formats.number(round(ratio)),
                )
            )
    if total > MAX_UNCOMPRESSED_BYTES:
        raise TrackerFileError(
            _(
                "{file} is refused: it would unpack to {size} MB, more than the {limit} MB "
                "a tracker can take"
            ).format(
                file=name,
                size=formats.number(total // (1024 * 1024)),
                limit=MAX_UNCOMPRESSED_BYTES // (1024 * 1024),
            )
        )


def _check_kind(name: str, archive: zipfile.ZipFile) -> None:
    names = {member.filename.lower() for member in archive.infolist()}
    if any(member.endswith("vbaproject.bin") for member in names) or _macro_content(archive):
        raise TrackerFileError(
            _(
                "{file} is a macro-enabled workbook (.xlsm); macros are never run or read "
                "here. Save it as Excel Workbook (.xlsx)"
            ).format(file=name)
        )
    if "xl/workbook.bin" in names:
        raise TrackerFileError(
            _("{file} is a binary workbook (.xlsb); {save_as}").format(
                file=name, save_as=_(_SAVE_AS)
            )
        )
    if "[content_types].xml" not in names or "xl/workbook.xml" not in names:
        raise TrackerFileError(
            _("{file} is a zip file but not an Excel workbook (.xlsx)").format(file=name)
        )


def _macro_content(archive: zipfile.ZipFile) -> bool:
    try:
        info = archive.getinfo("[Content_Types].xml")
    except KeyError:
        return False
    with archive.open(info) as handle:
        types = handle.read(1024 * 1024)
    return b"macroenabled" in types.lower() or b"vbaproject" in types.lower()


def _check_no_declarations(name: str, archive: zipfile.ZipFile) -> None:
    """No part of an .xlsx has a DOCTYPE; one that does may hide an entity expansion bomb.

    defusedxml refuses entities anyway; this refuses the file before any parser starts.
    """
    for member in archive.infolist():
        if not member.filename.lower().endswith((".xml", ".rels", ".vml")):
            continue
        with archive.open(member) as handle:
            head = handle.read(8192)
        if _DECLARATION.search(head):
            raise TrackerFileError(
                _(
                    "{file} is refused: its part {part} declares XML entities (a DOCTYPE), "
                    "which Excel never writes and XML bombs use"
                ).format(file=name, part=member.filename)
            )


def _check_row_counts(archive: zipfile.ZipFile) -> None:
    """Count each sheet's rows in its raw XML, stopping past the cap: no parser sees a
    million-row sheet (openpyxl reads a whole sheet just to size it when it has no
    <dimension>)."""
    for title, part in _sheet_parts(archive).items():
        with archive.open(part) as handle:
            head = handle.read(_CHUNK)
            declared = _DIMENSION.search(head[:8192])
            if declared and int(declared.group(1)) > MAX_ROWS + 1:
                raise too_many_rows(title, int(declared.group(1)) - 1)
            counted, carry, chunk = 0, b"", head
            while chunk:
                buffer = carry + chunk
                # A match whose look-ahead byte was in the last buffer is counted already.
                counted += sum(1 for row in _ROW.finditer(buffer) if row.end() >= len(carry))
                if counted > MAX_ROWS + 1:
                    raise too_many_rows(title, counted, at_least=True)
                carry, chunk = buffer[-64:], handle.read(_CHUNK)


def too_many_rows(title: str, count: int, *, at_least: bool = False) -> TrackerFileError:
    """`title` is the sheet's name as the file has it."""
    limit = formats.number(MAX_ROWS)
    if at_least:
        message = _(
            "the {sheet} sheet has more than {limit} rows; at most {limit} can be imported"
        ).format(sheet=title, limit=limit)
    else:
        message = _("the {sheet} sheet has {count} rows; at most {limit} can be imported").format(
            sheet=title, count=formats.number(count), limit=limit
        )
    return TrackerFileError(message)


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet title -> zip member, read from the workbook's own (size-checked) index."""
    book = fromstring(_small_part(archive, "xl/workbook.xml"))
    try:
        rels = fromstring(_small_part(archive, "xl/_rels/workbook.xml.rels"))
    except KeyError:
        return {}
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
    names = set(archive.namelist())
    parts: dict[str, str] = {}
    for sheet in book.iter():
        if not sheet.tag.endswith("}sheet"):
            continue
        target = targets.get(sheet.get(_REL), "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        path = posixpath.normpath(path)
        if path in names:
            parts[sheet.get("name", path)] = path
    return parts


def _small_part(archive: zipfile.ZipFile, name: str) -> bytes:
    """An index part read whole: a real one is a few kilobytes."""
    if archive.getinfo(name).file_size > MAX_INDEX_BYTES:
        raise TrackerFileError(
            _("the workbook's part {part} is far too large for a tracker").format(part=name)
        )
    return archive.read(name)
