"""Reads of the expert registry: profiles (own, or pseudonymous to institutions), needs, invitations, assignments."""

from typing import Any

import rules
from django.db.models import Prefetch, QuerySet

from migdev.accounts.models import Organisation, User
from migdev.core.errors import NotFound, PermissionDenied
from migdev.core.models import EscoOccupation, EscoSkill
from migdev.diaspora import adapters
from migdev.diaspora.models import Assignment, ExpertInvitation, ExpertProfile, Need, NeedSkill


def _experts() -> QuerySet[ExpertProfile]:
    return ExpertProfile.objects.select_related("origin", "residence", "occupation", "sex", "user").prefetch_related(
        "skills", "languages__language"
    )


def expert_of(user: Any) -> ExpertProfile | None:
    """The signed-in user's own expert profile, if any (erased profiles are gone for their owner)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return _experts().filter(user=user, erased_at__isnull=True).first()


def expert_by_pseudonym(user: Any, pseudonym: str) -> ExpertProfile:
    """A profile by pseudonym, for those who may view it in full (the expert, stewards, accepted institutions)."""
    found = _experts().filter(pseudonym=pseudonym[:12], erased_at__isnull=True).first()
    if found is None:
        raise NotFound(f"No expert {pseudonym!r}", field="pseudonym")
    if not rules.has_perm("diaspora.view_expertprofile", user, found):
        raise PermissionDenied("You may see this expert's pseudonymous profile only, through a need's shortlist.")
    return found


def _needs() -> QuerySet[Need]:
    return Need.objects.select_related("organisation", "country", "occupation").prefetch_related(
        Prefetch("skills", queryset=NeedSkill.objects.select_related("skill").order_by("skill__preferred_label")),
        "languages__language",
    )


def open_needs(country: str = "", query: str = "") -> QuerySet[Need]:
    """Open needs of home institutions (public), newest first."""
    found = _needs().filter(state=Need.State.OPEN, organisation__status=Organisation.Status.APPROVED)
    if country:
        found = found.filter(country_id=country.upper()[:3])
    if query:
        found = found.filter(title__icontains=query[:100])
    return found


def need_by_id(need_id: int) -> Need:
    found = _needs().filter(pk=need_id).first() if 0 < need_id < 2**31 else None
    if found is None:
        raise NotFound(f"No need {need_id}", field="need_id")
    return found


def needs_of_user(user: User) -> QuerySet[Need]:
    """Needs of the institutions the user is a member of."""
    return _needs().filter(organisation__memberships__user=user).distinct()


# Home institutions that post needs (ministries, agencies, hospitals, universities, NGOs, employers), and the kind of
# organisation the diaspora registry lists.
NEED_POSTERS = (
    Organisation.Kind.GOVERNMENT,
    Organisation.Kind.IGO,
    Organisation.Kind.RESEARCH,
    Organisation.Kind.CIVIL_SOCIETY,
    Organisation.Kind.EMPLOYER,
)
REGISTRY_KINDS = (Organisation.Kind.DIASPORA,)


def institutions_of(user: Any, kinds: tuple[str, ...] = NEED_POSTERS) -> list[Organisation]:
    """The approved organisations of these kinds the user acts for (every approved one for a steward)."""
    if not getattr(user, "is_authenticated", False):
        return []
    found = Organisation.objects.filter(status=Organisation.Status.APPROVED, kind__in=kinds).select_related("country")
    if not user.is_steward:
        found = found.filter(memberships__user=user)
    return list(found.distinct().order_by("name"))


def organisation_by_id(organisation_id: int, field: str = "organisation") -> Organisation:
    found = Organisation.objects.filter(pk=organisation_id).first() if 0 < organisation_id < 2**31 else None
    if found is None:
        raise NotFound(f"No organisation {organisation_id}", field=field)
    return found


def shortlist(user: Any, need: Need, limit: int = 20) -> list[adapters.RankedExpert]:
    """Experts ranked for a need, for its institution (and stewards); experts stay pseudonymous."""
    if not rules.has_perm("diaspora.view_need_shortlist", user, need):
        raise PermissionDenied("Only the institution that posted the need sees its shortlist.")
    return adapters.shortlist_for_need(need, limit)


def recommendations(expert: ExpertProfile, limit: int = 20) -> list[adapters.RankedExpert]:
    """Open needs ranked for the expert."""
    return adapters.needs_for_expert(expert, list(open_needs()), limit)


def _invitations() -> QuerySet[ExpertInvitation]:
    return ExpertInvitation.objects.select_related(
        "need__organisation", "need__country", "need__occupation", "expert__occupation", "expert__origin", "assignment"
    )


def invitations_of_expert(expert: ExpertProfile) -> QuerySet[ExpertInvitation]:
    return _invitations().filter(expert=expert)


def invitations_of_need(need: Need) -> QuerySet[ExpertInvitation]:
    return _invitations().filter(need=need)


def invitation_by_id(user: Any, invitation_id: int) -> ExpertInvitation:
    """An invitation, for its expert, its institution's members and stewards."""
    found = _invitations().filter(pk=invitation_id).first() if 0 < invitation_id < 2**31 else None
    if found is None:
        raise NotFound(f"No invitation {invitation_id}", field="invitation_id")
    allowed = rules.has_perm("diaspora.answer_expertinvitation", user, found) or rules.has_perm(
        "diaspora.add_expertinvitation", user, found
    )
    if not allowed:
        raise NotFound(f"No invitation {invitation_id}", field="invitation_id")
    return found


def assignment_by_id(user: Any, assignment_id: int) -> Assignment:
    found = (
        Assignment.objects.select_related("invitation__need__organisation", "invitation__expert__user")
        .filter(pk=assignment_id)
        .first()
        if 0 < assignment_id < 2**31
        else None
    )
    if found is None or not rules.has_perm("diaspora.change_assignment", user, found):
        raise NotFound(f"No assignment {assignment_id}", field="assignment_id")
    return found


def occupation_by_label_or_uri(text: str, field: str = "occupation") -> EscoOccupation:
    """An ESCO occupation by its URI or its preferred label (any case)."""
    text = text.strip()[:255]
    found = (
        EscoOccupation.objects.filter(uri=text).first()
        or EscoOccupation.objects.filter(preferred_label__iexact=text).order_by("pk").first()
    )
    if found is None:
        raise NotFound(f"No ESCO occupation {text!r} (give its label or URI)", field=field)
    return found


def skills_by_label_or_uri(texts: list[str], field: str = "skills") -> list[EscoSkill]:
    """ESCO skills by URI or preferred label; the first unknown one is named in the error."""
    found = []
    for text in (t.strip()[:255] for t in texts):
        if not text:
            continue
        skill = (
            EscoSkill.objects.filter(uri=text).first()
            or EscoSkill.objects.filter(preferred_label__iexact=text).order_by("pk").first()
        )
        if skill is None:
            raise NotFound(f"No ESCO skill {text!r} (give its label or URI)", field=field)
        found.append(skill)
    return found


def occupation_skills(occupation: EscoOccupation) -> list[tuple[EscoSkill, bool]]:
    """The occupation's ESCO skills (skill, essential), essential first, by label."""
    relations = occupation.skill_relations.select_related("skill").order_by("relation", "skill__preferred_label")
    return [(r.skill, r.relation == "essential") for r in relations]


def occupation_labels() -> list[str]:
    """Every ESCO occupation label, for the pickers' suggestion lists."""
    return list(EscoOccupation.objects.order_by("preferred_label").values_list("preferred_label", flat=True))
