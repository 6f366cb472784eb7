"""Uploaded documents (progress evidence, meeting minutes): what is accepted, checked by name, size and content, so
a file is stored only when it is what its name says and is served back as an attachment."""

from dataclasses import dataclass
from pathlib import PurePath

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from migdev.core.errors import DomainError

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
# The documents accepted: by name ending, the content type served, and the bytes the file must start with
# (None: UTF-8 text without NUL bytes).
DOCUMENT_TYPES: dict[str, tuple[str, bytes | None]] = {
    ".pdf": ("application/pdf", b"%PDF-"),
    ".png": ("image/png", b"\x89PNG\r\n\x1a\n"),
    ".jpg": ("image/jpeg", b"\xff\xd8\xff"),
    ".jpeg": ("image/jpeg", b"\xff\xd8\xff"),
    ".txt": ("text/plain; charset=utf-8", None),
    ".csv": ("text/csv; charset=utf-8", None),
}
ACCEPTED = ",".join(DOCUMENT_TYPES)


@dataclass(frozen=True)
class Document:
    """An uploaded file as received: its name and its bytes (read at most one byte past the limit)."""

    name: str
    content: bytes


def check_document(document: Document, field: str) -> tuple[str, str]:
    """The document's safe name and content type; anything too big or not what its name says is refused,
    naming `field`."""
    name = PurePath(document.name.replace("\\", "/")).name.strip()[:200]
    suffix = PurePath(name).suffix.lower()
    if suffix not in DOCUMENT_TYPES:
        raise DomainError(_("Attach a PDF, PNG, JPEG, text or CSV document."), field)
    if not document.content:
        raise DomainError(_("The document is empty."), field)
    if len(document.content) > MAX_DOCUMENT_BYTES:
        raise DomainError(
            _("The document is %(size)s; at most %(limit)s is accepted.")
            % {"size": filesizeformat(len(document.content)), "limit": filesizeformat(MAX_DOCUMENT_BYTES)},
            field,
        )
    content_type, magic = DOCUMENT_TYPES[suffix]
    if magic is not None and not document.content.startswith(magic):
        raise DomainError(_("The document is not the kind of file its name says."), field)
    if magic is None:
        try:
            text = document.content.decode("utf-8")
        except UnicodeDecodeError:
            raise DomainError(_("The document is not UTF-8 text."), field) from None
        if "\x00" in text:
            raise DomainError(_("The document is not UTF-8 text."), field)
    return name, content_type
