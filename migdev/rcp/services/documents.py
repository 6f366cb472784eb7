"""Checking an uploaded document: its size, and that its bytes are of the type its name says."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from migdev.core.errors import DomainError

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
ZIP = b"PK\x03\x04"
# extension: (content type, first bytes)
TYPES: dict[str, tuple[str, bytes | None]] = {
    "pdf": ("application/pdf", b"%PDF-"),
    "txt": ("text/plain; charset=utf-8", None),
    "odt": ("application/vnd.oasis.opendocument.text", ZIP),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP),
}


@dataclass(frozen=True)
class Upload:
    filename: str
    content: bytes


def checked_type(upload: Upload, field: str = "file") -> str:
    """The content type of an acceptable upload; DomainError naming `field` for an empty, too big or mistyped one."""
    if not upload.content:
        raise DomainError(_("The file is empty."), field=field)
    if len(upload.content) > MAX_DOCUMENT_BYTES:
        raise DomainError(_("The file is larger than 5 MB."), field=field)
    extension = upload.filename.rsplit(".", 1)[-1].lower() if "." in upload.filename else ""
    if extension not in TYPES:
        raise DomainError(_("Only PDF, text, OpenDocument text and Word (.docx) files are accepted."), field=field)
    content_type, magic = TYPES[extension]
    if magic is not None and not upload.content.startswith(magic):
        raise DomainError(_("The file's content is not of the type its name says."), field=field)
    if magic is None:
        try:
            text = upload.content.decode("utf-8")
        except UnicodeDecodeError:
            raise DomainError(_("A text file must be UTF-8."), field=field) from None
        if "\x00" in text:
            raise DomainError(_("The file's content is not of the type its name says."), field=field)
    return content_type


def safe_filename(name: str) -> str:
    """The last part of the name, with only letters, digits, dots, dashes and underscores."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    clean = "".join(c if c.isalnum() or c in "._-" else "_" for c in base).strip("._") or "document"
    return clean[-120:]
