"""The room's records in words for the audit log ("Diaspora expert D-4KQ7…", "Invitation of D-… to …")."""

from django.utils.translation import gettext as _

from migdev.accounts.audit_records import register_record_namer
from migdev.diaspora.models import Assignment, ExpertInvitation, ExpertProfile


def _ids(ids: list[str]) -> list[int]:
    return [int(i) for i in ids if i.isdigit() and len(i) < 12]


def name_experts(ids: list[str]) -> dict[str, str]:
    return {
        str(pk): _("Diaspora expert %(pseudonym)s") % {"pseudonym": pseudonym}
        for pk, pseudonym in ExpertProfile.objects.filter(pk__in=_ids(ids)).values_list("pk", "pseudonym")
    }


def name_invitations(ids: list[str]) -> dict[str, str]:
    rows = ExpertInvitation.objects.filter(pk__in=_ids(ids)).values_list("pk", "expert__pseudonym", "need__title")
    return {str(pk): _("Invitation of %(expert)s to “%(need)s”") % {"expert": e, "need": n} for pk, e, n in rows}


def name_assignments(ids: list[str]) -> dict[str, str]:
    rows = Assignment.objects.filter(pk__in=_ids(ids)).values_list(
        "pk", "invitation__expert__pseudonym", "invitation__need__title"
    )
    return {str(pk): _("Assignment of %(expert)s to “%(need)s”") % {"expert": e, "need": n} for pk, e, n in rows}


def register() -> None:
    register_record_namer("diaspora.expertprofile", name_experts)
    register_record_namer("diaspora.expertinvitation", name_invitations)
    register_record_namer("diaspora.assignment", name_assignments)
