"""Typed errors shared by every room: each names the field, row or parameter at fault."""

from django.utils.functional import Promise


class DomainError(Exception):
    """A rule of the domain was broken; `field` names the input at fault."""

    code = "invalid"
    status = 400

    def __init__(self, message: str | Promise, field: str | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field


class NotFound(DomainError):
    """The object asked for does not exist."""

    code = "not_found"
    status = 404


class PermissionDenied(DomainError):
    """The user may not do this to this object."""

    code = "forbidden"
    status = 403


class Conflict(DomainError):
    """The request clashes with the current state (e.g. a run of the same job is already under way)."""

    code = "conflict"
    status = 409


class ImportFileError(DomainError):
    """A data file is malformed: the message names the file, row and column."""

    code = "bad_file"

    def __init__(self, path: str, row: int | None, column: str | None, problem: str) -> None:
        where = path
        if row is not None:
            where += f", row {row}"
        if column is not None:
            where += f", column {column}"
        super().__init__(f"{where}: {problem}", field=column)
        self.path = path
        self.row = row
        self.column = column
        self.problem = problem
