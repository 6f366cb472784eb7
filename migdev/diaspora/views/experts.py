"""Expert registry pages: register and edit a profile, my invitations and recommendations, needs, shortlists."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from migdev.accounts.rules import require_permission
from migdev.accounts.views import add_domain_error, domain_errors_as_http, signed_in
from migdev.core.errors import DomainError, NotFound
from migdev.core.input_limits import MAX_FILTER_LENGTH
from migdev.diaspora.forms import ExpertForm, InviteForm, NeedForm, OutcomeForm
from migdev.diaspora.models import ExpertProfile
from migdev.diaspora.selectors import experts as selectors
from migdev.diaspora.services import experts as services
from migdev.diaspora.services import personal_data


def _expert_initial(expert: ExpertProfile) -> dict[str, object]:
    initial: dict[str, object] = {
        "sex": expert.sex_id,
        "origin": expert.origin_id,
        "residence": expert.residence_id,
        "occupation": expert.occupation.preferred_label,
        "years_experience": expert.years_experience,
        "virtual": expert.virtual,
        "physical": expert.physical,
        "available_from": expert.available_from,
        "available_until": expert.available_until,
        "summary": expert.summary,
        "is_available": expert.is_available,
    }
    own = {skill.pk for skill, _essential in selectors.occupation_skills(expert.occupation)}
    initial["skills"] = [str(s.pk) for s in expert.skills.all() if s.pk in own]
    initial["other_skills"] = "\n".join(s.preferred_label for s in expert.skills.all() if s.pk not in own)
    for i, lang in enumerate(expert.languages.all()[:3], start=1):
        initial[f"language_{i}"] = lang.language_id
        initial[f"level_{i}"] = lang.get_level_display()
    return initial


def _expert_input(form: ExpertForm, default_skills: list) -> services.ExpertInput:
    data = form.cleaned_data
    occupation = selectors.occupation_by_label_or_uri(data["occupation"])
    skills = selectors.skills_by_label_or_uri(data.get("other_skills", "").splitlines(), field="other_skills")
    if "skills" in form.fields:
        chosen = {int(pk) for pk in data.get("skills") or []}
        skills += [s for s, _essential in selectors.occupation_skills(occupation) if s.pk in chosen]
    elif not skills:
        skills = [s for s, essential in selectors.occupation_skills(occupation) if essential] or default_skills
    return services.ExpertInput(
        sex=data["sex"],
        origin=data["origin"].pk,
        residence=data["residence"].pk,
        occupation=occupation,
        skills=list({s.pk: s for s in skills}.values()),
        languages=form.language_pairs(),
        years_experience=data["years_experience"] or 0,
        virtual=data["virtual"],
        physical=data["physical"],
        available_from=data["available_from"],
        available_until=data["available_until"],
        summary=data["summary"],
        is_available=data["is_available"],
    )


@login_required
def expert_home(request: HttpRequest) -> HttpResponse:
    """The expert's own page: profile, invitations (accept or decline), recommended needs, export and erase."""
    expert = selectors.expert_of(request.user)
    if expert is None:
        return redirect("diaspora:expert_register")
    context = {
        "expert": expert,
        "invitations": list(selectors.invitations_of_expert(expert)),
        "recommendations": selectors.recommendations(expert, limit=10),
    }
    return render(request, "diaspora/expert_home.html", context)


@login_required
def expert_register(request: HttpRequest) -> HttpResponse:
    """Register as a diaspora expert; the skills default to the occupation's essential ESCO skills."""
    if selectors.expert_of(request.user) is not None:
        return redirect("diaspora:expert_edit")
    form = ExpertForm(request.POST or None, initial={"residence": None})
    if request.method == "POST" and form.is_valid():
        try:
            services.register_expert(signed_in(request), _expert_input(form, []))
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request, _("You are registered as a diaspora expert. Check the skills of your occupation.")
            )
            return redirect("diaspora:expert_edit")
    return render(
        request, "diaspora/expert_form.html", {"form": form, "occupations": selectors.occupation_labels(), "new": True}
    )


@login_required
@domain_errors_as_http
def expert_edit(request: HttpRequest) -> HttpResponse:
    expert = selectors.expert_of(request.user)
    if expert is None:
        return redirect("diaspora:expert_register")
    require_permission(services.update_expert, request.user, expert)
    skills = selectors.occupation_skills(expert.occupation)
    choices = [(str(s.pk), s.preferred_label) for s, _essential in skills]
    essential_ids = {str(s.pk) for s, essential in skills if essential}
    form = ExpertForm(request.POST or None, initial=_expert_initial(expert), skill_choices=choices)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_expert(signed_in(request), expert, _expert_input(form, list(expert.skills.all())))
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Your profile has been saved."))
            return redirect("diaspora:expert_home")
    return render(
        request,
        "diaspora/expert_form.html",
        {
            "form": form,
            "occupations": selectors.occupation_labels(),
            "new": False,
            "expert": expert,
            "essential_ids": essential_ids,
        },
    )


@login_required
@domain_errors_as_http
def expert_export(request: HttpRequest) -> HttpResponse:
    from django.http import JsonResponse

    expert = selectors.expert_of(request.user)
    if expert is None:
        raise NotFound(_("You are not registered as an expert."))
    response = JsonResponse(personal_data.export_expert(signed_in(request), expert), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = 'attachment; filename="my-diaspora-expert-data.json"'
    return response


@login_required
@require_POST
@domain_errors_as_http
def expert_erase(request: HttpRequest) -> HttpResponse:
    expert = selectors.expert_of(request.user)
    if expert is None:
        raise NotFound(_("You are not registered as an expert."))
    personal_data.erase_expert(signed_in(request), expert)
    messages.success(request, _("Your expert profile has been erased."))
    return redirect("diaspora:index")


@login_required
@require_POST
@domain_errors_as_http
def answer_invitation(request: HttpRequest, invitation_id: int) -> HttpResponse:
    invitation = selectors.invitation_by_id(request.user, invitation_id)
    require_permission(services.answer_invitation, request.user, invitation)  # the institution sees it: 403
    accept = request.POST.get("answer") == "accept"
    try:
        services.answer_invitation(signed_in(request), invitation, accept=accept)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(
            request, _("Invitation accepted: the assignment has started.") if accept else _("Invitation declined.")
        )
    return redirect("diaspora:expert_home")


# --- needs ---------------------------------------------------------------------------------------------------------


def need_list(request: HttpRequest) -> HttpResponse:
    """Open needs of home institutions (public); the signed-in member's own needs first."""
    country = request.GET.get("country", "")[:MAX_FILTER_LENGTH]
    query = request.GET.get("q", "")[:MAX_FILTER_LENGTH]
    mine = list(selectors.needs_of_user(request.user)) if request.user.is_authenticated else []
    context = {
        "needs": list(selectors.open_needs(country, query)[:200]),
        "mine": mine,
        "can_post": bool(selectors.institutions_of(request.user)),
        "q": query,
    }
    return render(request, "diaspora/need_list.html", context)


def _need_input(form: NeedForm) -> services.NeedInput:
    data = form.cleaned_data
    skills = selectors.skills_by_label_or_uri(data.get("essential_skills", "").splitlines(), field="essential_skills")
    return services.NeedInput(
        title=data["title"],
        description=data["description"],
        occupation=selectors.occupation_by_label_or_uri(data["occupation"]),
        mode=data["mode"],
        duration_weeks=data["duration_weeks"],
        start_date=data["start_date"],
        min_experience_years=data["min_experience_years"] or 0,
        skills=[(s, True) for s in skills],
        languages=form.language_pairs(),
    )


@login_required
@domain_errors_as_http
def need_create(request: HttpRequest) -> HttpResponse:
    institutions = selectors.institutions_of(request.user)
    if not institutions:
        require_permission(services.post_need, request.user, None)
    form = NeedForm(request.POST or None, institutions=institutions)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = selectors.organisation_by_id(form.cleaned_data["organisation"])
            need = services.post_need(signed_in(request), organisation, _need_input(form))
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The need has been posted. Here are the experts ranked for it."))
            return redirect("diaspora:need_detail", need_id=need.pk)
    return render(request, "diaspora/need_form.html", {"form": form, "occupations": selectors.occupation_labels()})


@login_required
@domain_errors_as_http
def need_edit(request: HttpRequest, need_id: int) -> HttpResponse:
    """Change an open need (its institution's members, stewards)."""
    need = selectors.need_by_id(need_id)
    require_permission(services.update_need, request.user, need)
    initial: dict[str, object] = {
        "title": need.title,
        "description": need.description,
        "occupation": need.occupation.preferred_label,
        "essential_skills": "\n".join(s.skill.preferred_label for s in need.skills.all() if s.essential),
        "mode": need.mode,
        "duration_weeks": need.duration_weeks,
        "start_date": need.start_date,
        "min_experience_years": need.min_experience_years,
    }
    for i, lang in enumerate(need.languages.all()[:3], start=1):
        initial[f"language_{i}"] = lang.language_id
        initial[f"level_{i}"] = lang.get_min_level_display()
    form = NeedForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_need(signed_in(request), need, _need_input(form))
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("diaspora:need_detail", need_id=need.pk)
    context = {"form": form, "occupations": selectors.occupation_labels(), "need": need}
    return render(request, "diaspora/need_form.html", context)


@domain_errors_as_http
def need_detail(request: HttpRequest, need_id: int) -> HttpResponse:
    """A need; for its institution also the ranked experts (pseudonymous, explained), invitations and outcomes."""
    need = selectors.need_by_id(need_id)
    is_institution = rules.has_perm("diaspora.view_need_shortlist", request.user, need)
    invitations = list(selectors.invitations_of_need(need)) if is_institution else []
    invited = {i.expert_id for i in invitations}
    context = {
        "need": need,
        "is_institution": is_institution,
        "can_edit": rules.has_perm("diaspora.change_need", request.user, need),
        "shortlist": selectors.shortlist(request.user, need) if is_institution else [],
        "invitations": invitations,
        "invited": invited,
        "invite_form": InviteForm(),
        "outcome_form": OutcomeForm(),
    }
    return render(request, "diaspora/need_detail.html", context)


@login_required
@require_POST
@domain_errors_as_http
def need_invite(request: HttpRequest, need_id: int) -> HttpResponse:
    need = selectors.need_by_id(need_id)
    require_permission(services.invite_expert, request.user, need)
    form = InviteForm(request.POST)
    if form.is_valid():
        ranked = {r.expert.pseudonym: r for r in selectors.shortlist(request.user, need, limit=500)}
        chosen = ranked.get(form.cleaned_data["expert"])
        try:
            if chosen is None:
                raise DomainError(_("Invite an expert from the need's shortlist."), field="expert")
            services.invite_expert(
                signed_in(request), need, chosen.expert, form.cleaned_data["message"], round(chosen.score, 4)
            )
        except DomainError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("Invitation sent to %(expert)s.") % {"expert": chosen.expert.pseudonym})
    return redirect("diaspora:need_detail", need_id=need.pk)


@login_required
@require_POST
@domain_errors_as_http
def need_close(request: HttpRequest, need_id: int) -> HttpResponse:
    need = selectors.need_by_id(need_id)
    require_permission(services.close_need, request.user, need)  # a refusal is a 403, not a message
    try:
        services.close_need(signed_in(request), need)
    except DomainError as error:
        messages.error(request, str(error.message))
    return redirect("diaspora:need_detail", need_id=need_id)


@login_required
@require_POST
@domain_errors_as_http
def assignment_outcome(request: HttpRequest, assignment_id: int) -> HttpResponse:
    assignment = selectors.assignment_by_id(request.user, assignment_id)
    form = OutcomeForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.report_outcome(
                signed_in(request),
                assignment,
                data["status"],
                data["outcome"],
                data["report"],
                data["hours_contributed"],
            )
        except DomainError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("The outcome has been recorded."))
    else:
        messages.error(request, _("Check the outcome form."))
    if rules.has_perm("diaspora.change_need", request.user, assignment.invitation.need):
        return redirect("diaspora:need_detail", need_id=assignment.invitation.need_id)
    return redirect("diaspora:expert_home")
