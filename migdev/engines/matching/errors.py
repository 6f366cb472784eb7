"""Typed errors of the matching engine; each names the parameter, field or row at fault."""


class MatchingError(ValueError):
    """Base class: every failure of the matching engine is one of these."""


class InvalidParameter(MatchingError):
    """A declared parameter is out of range."""

    def __init__(self, parameter: str, value: object, reason: str) -> None:
        self.parameter = parameter
        self.value = value
        self.reason = reason
        super().__init__(f"parameter {parameter}={value!r}: {reason}")


class InvalidInput(MatchingError):
    """An input array has the wrong shape, type or a value outside its domain."""

    def __init__(self, field: str, reason: str, row: int | None = None) -> None:
        self.field = field
        self.row = row
        self.reason = reason
        where = f"{field}[{row}]" if row is not None else field
        super().__init__(f"{where}: {reason}")


class EmptySkillSet(InvalidInput):
    """A worker or vacancy has no skill at all, so there is nothing to match on."""

    def __init__(self, field: str, row: int) -> None:
        super().__init__(field, "has no skills", row)


class UnknownSkill(InvalidInput):
    """A skill index is outside the skill space (0 <= index < n_skills)."""

    def __init__(self, field: str, row: int, index: int, n_skills: int) -> None:
        self.index = index
        super().__init__(field, f"skill index {index} is not in 0..{n_skills - 1}", row)


class InfeasibleCaps(MatchingError):
    """Allocation caps are inconsistent (negative, or shaped unlike the exchange)."""

    def __init__(self, cap: str, reason: str, row: int | None = None) -> None:
        self.cap = cap
        self.row = row
        where = f"{cap}[{row}]" if row is not None else cap
        super().__init__(f"{where}: {reason}")
