"""Reading the CSV files of a dataset: header checked, rows numbered, every fault an ImportFileError."""

import csv
import gzip
import math
import re
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, cast

from migdev.core.errors import ImportFileError

# ESCO's descriptions are long; the default 128 KiB field limit is enough, but say so explicitly.
csv.field_size_limit(1024 * 1024)

# ESCO v1.x concept URIs end in a UUID, e.g. http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab.
ESCO_URI = re.compile(
    r"http://data\.europa\.eu/esco/(?P<kind>occupation|skill)/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
)


CUT_SHORT = "the last line has no line end: the file was cut short (truncated file?)"


def dataset_file(path: Path, name: str) -> Path:
    """The file `name` (or `name.gz`, as shipped) inside the folder `path`; `path` itself if it is that file."""
    if path.is_file():
        if path.name in (name, f"{name}.gz"):
            return path
        raise ImportFileError(str(path), None, None, f"expected a folder holding {name}")
    for candidate in (path / name, path / f"{name}.gz"):
        if candidate.is_file():
            return candidate
    raise ImportFileError(str(path / name), None, None, "file not found")


class _Lines:
    """A file's lines decoded one by one (so a bad byte is reported on its own row), remembering the last line."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = iter(raw)
        self._first = True
        self.last = ""

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = next(self._raw)
        if self._first:
            line = line.removeprefix(b"\xef\xbb\xbf")  # the byte order mark spreadsheet programs write
            self._first = False
        self.last = line.decode("utf-8")
        return self.last

    def ends_a_line(self) -> bool:
        return self.last.endswith(("\n", "\r"))


def read_rows(
    path: Path, columns: Sequence[str], ordered: bool = False, *, tabs: bool = False
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (row number, record) for each record; row 1 is the header, so the first record is row 2.

    Every column in `columns` must be in the header (the header must start with them, in order, when `ordered`).
    A record with fewer or more fields than the header, an unclosed quote, a last line cut short (CSV files end
    with a line end), a truncated gzip stream or bytes that are not UTF-8 raise ImportFileError naming the file and
    row. A record is yielded only once it is known whole, so a caller never sees a cut record. With `tabs`, fields
    are separated by tabs and never quoted (TSV).
    """
    where = str(path)
    row = 1
    lines: _Lines | None = None
    try:
        with _open_binary(path) as raw:
            lines = _Lines(raw)
            reader = (
                csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE, strict=True)
                if tabs
                else csv.reader(lines, strict=True)
            )
            header = next(reader, None)
            if header is None:
                raise ImportFileError(where, 1, None, "the file is empty")
            _check_header(where, header, columns, ordered)
            if not lines.ends_a_line():
                raise ImportFileError(where, 1, None, "the file ends after its header line without a line end")
            for fields in reader:
                row += 1
                if not lines.ends_a_line():
                    # Only the last line can lack a line end: the file was cut, maybe mid-field. Say so first.
                    raise ImportFileError(where, row, None, CUT_SHORT)
                if not fields:
                    continue  # a blank line
                if len(fields) != len(header):
                    raise ImportFileError(
                        where, row, None, f"{len(fields)} fields where the header has {len(header)} (truncated row?)"
                    )
                yield row, dict(zip(header, fields, strict=True))
    except csv.Error as exc:
        if lines is not None and not lines.ends_a_line():
            raise ImportFileError(where, row + 1, None, CUT_SHORT) from exc
        raise ImportFileError(where, row + 1, None, f"malformed CSV ({exc}); is the file truncated?") from exc
    except UnicodeDecodeError as exc:
        raise ImportFileError(where, row + 1, None, "the file is not UTF-8 text") from exc
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise ImportFileError(where, row + 1, None, f"the gzip file is damaged or truncated ({exc})") from exc
    except OSError as exc:
        raise ImportFileError(where, None, None, f"cannot be read ({exc.strerror or exc})") from exc


def _check_header(where: str, header: list[str], columns: Sequence[str], ordered: bool) -> None:
    if ordered:
        for index, expected in enumerate(columns):
            found = header[index].strip() if index < len(header) else None
            if found != expected:
                raise ImportFileError(where, 1, expected, f"expected header {expected!r}, found {found!r}")
    missing = [c for c in columns if c not in header]
    if missing:
        raise ImportFileError(where, 1, missing[0], f"missing column {missing[0]!r} (header: {', '.join(header)})")
    twice = [c for c in columns if header.count(c) > 1]
    if twice:
        raise ImportFileError(where, 1, twice[0], f"column {twice[0]!r} appears twice in the header")


def esco_uri(where: str, row: int, column: str, value: str, kind: str) -> str:
    """An ESCO occupation or skill URI (`kind`), checked whole: a cut URI such as 'http://da' is refused."""
    uri = value.strip()
    match = ESCO_URI.fullmatch(uri)
    if match is None or match["kind"] != kind:
        raise ImportFileError(
            where, row, column, f"{uri!r} is not an ESCO {kind} URI (http://data.europa.eu/esco/{kind}/<uuid>)"
        )
    return uri


def finite_number(where: str, row: int, column: str, raw: str) -> float:
    """A number written in the file; 'nan', 'inf' and text are refused with the file, row and column."""
    try:
        value = float(raw)
    except ValueError:
        raise ImportFileError(where, row, column, f"{raw!r} is not a number") from None
    if not math.isfinite(value):
        raise ImportFileError(where, row, column, f"{raw!r} is not a finite number")
    return value


def _open_binary(path: Path) -> IO[bytes]:
    """The file's bytes, decompressed when it is gzip."""
    if path.suffix == ".gz":
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")
