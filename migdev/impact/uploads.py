"""Evidence documents: accepted by name ending, at most 5 MB, and only when their first bytes match the type the
name says (text must be UTF-8 without NUL bytes), so what is stored is served back as what it claims to be."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from migdev.core.errors import DomainError

MAX_EVIDENCE_BYTES = 5 * 1024 * 1024
ZIP_MAGIC = b"PK\x03\x04"
# name ending: (content type, leading bytes or None for UTF-8 text)
EVIDENCE_TYPES: dict[str, tuple[str, bytes | None]] = {
    "pdf": ("application/pdf", b"%PDF-"),
    "png": ("image/png", b"\x89PNG\r\n\x1a\n"),
    "jpg": ("image/jpeg", b"\xff\xd8\xff"),
    "jpeg": ("image/jpeg", b"\xff\xd8\xff"),
    "txt": ("text/plain; charset=utf-8", None),
    "csv": ("text/csv; charset=utf-8", None),
    "odt": ("application/vnd.oasis.opendocument.text", ZIP_MAGIC),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP_MAGIC),
}
ACCEPT = ",".join(f".{ending}" for ending in EVIDENCE_TYPES)


@dataclass(frozen=True)
class EvidenceFile:
    """An uploaded file as received: name and bytes (read at most one byte past the limit)."""

    filename: str
    content: bytes


def evidence_type(upload: EvidenceFile, field: str = "file") -> str:
    """The content type to store; DomainError naming `field` when the file is empty, too large or not its type."""
    data = upload.content
    if not data:
        raise DomainError(_("The file is empty."), field=field)
    if len(data) > MAX_EVIDENCE_BYTES:
        raise DomainError(_("The file is larger than 5 MB."), field=field)
    ending = upload.filename.rsplit(".", 1)[-1].lower() if "." in upload.filename else ""
    if ending not in EVIDENCE_TYPES:
        raise DomainError(_("Accepted files: PDF, PNG, JPEG, text, CSV, OpenDocument text and Word (.docx)."), field)
    content_type, magic = EVIDENCE_TYPES[ending]
    if magic is None:
        try:
            ok = "\x00" not in data.decode("utf-8")
        except UnicodeDecodeError:
            ok = False
    else:
        ok = data.startswith(magic)
    if not ok:
        raise DomainError(_("The file's content is not of the type its name says."), field=field)
    return content_type


def clean_filename(name: str) -> str:
    """The name's last part, keeping letters, digits, dots, dashes and underscores."""
    last = name.replace("\\", "/").split("/")[-1]
    kept = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in last).strip("._")
    return (kept or "evidence")[-120:]
