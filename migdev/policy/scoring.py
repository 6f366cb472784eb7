"""The official SDG 10.7.2 score of an answer set, or an InvalidAnswer (422) naming the sub-category at fault: the one
check the stateless API, the pages and the services share."""

from collections.abc import Mapping

from django.utils.translation import gettext as _

from migdev.engines import sdg_10_7_2
from migdev.policy.errors import InvalidAnswer


def checked_score(codes: Mapping[str, object]) -> sdg_10_7_2.Score:
    """The official score, or InvalidAnswer naming the sub-category at fault (its id is the field)."""
    try:
        return sdg_10_7_2.score(codes)
    except sdg_10_7_2.AnswerError as error:
        if error.problem == "missing":
            message = _("No answer for the sub-category %(id)s: all 30 are needed.")
        elif error.problem == "unknown":
            message = _("%(id)s is not an SDG 10.7.2 sub-category (1a to 6e).")
        elif error.sub_id.startswith("1"):
            message = _("The answer to %(id)s must be 1, 0.5 or 0.")
        else:
            message = _("The answer to %(id)s must be 1 (yes) or 0 (no).")
        raise InvalidAnswer(message % {"id": error.sub_id}, field=error.sub_id) from None
