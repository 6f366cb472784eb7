"""Reading the CSV files of a dataset: header checked, rows numbered, every fault an ImportFileError."""

import csv
import gzip
import io
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, cast

from migdev.core.errors import ImportFileError

# ESCO's descriptions are long; the default 128 KiB field limit is enough, but say so explicitly.
csv.field_size_limit(1024 * 1024)


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


def read_rows(path: Path, columns: Sequence[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (row number, record) for each record; row 1 is the header, so the first record is row 2.

    Every column in `columns` must be in the header; a record with fewer or more fields than the header, an unclosed
    quote, a truncated gzip stream or bytes that are not UTF-8 raise ImportFileError naming the file and row.
    """
    where = str(path)
    row = 1
    try:
        with _open_binary(path) as raw, io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as text:
            reader = csv.reader(text, strict=True)
            header = next(reader, None)
            if header is None:
                raise ImportFileError(where, 1, None, "the file is empty")
            missing = [c for c in columns if c not in header]
            if missing:
                raise ImportFileError(
                    where, 1, missing[0], f"missing column {missing[0]!r} (header: {', '.join(header)})"
                )
            for fields in reader:
                row += 1
                if len(fields) != len(header):
                    raise ImportFileError(
                        where, row, None, f"{len(fields)} fields where the header has {len(header)} (truncated row?)"
                    )
                yield row, dict(zip(header, fields, strict=True))
    except csv.Error as exc:
        raise ImportFileError(where, row + 1, None, f"malformed CSV ({exc}); is the file truncated?") from exc
    except UnicodeDecodeError as exc:
        raise ImportFileError(where, row + 1, None, "the file is not UTF-8 text") from exc
    except (EOFError, gzip.BadGzipFile) as exc:
        raise ImportFileError(where, row + 1, None, f"the gzip file is damaged or truncated ({exc})") from exc


def _open_binary(path: Path) -> IO[bytes]:
    """The file's bytes, decompressed when it is gzip."""
    if path.suffix == ".gz":
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")
