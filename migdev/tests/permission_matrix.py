"""The permission matrix: every page and every API operation, with the roles that may use it.

How to add a row for a new endpoint (the test names every endpoint that has none):

    API:   "METHOD /api/v1/<path as in the OpenAPI schema>": Row(may=<roles>, ...)
    Pages: "<namespace>:<url name>": Row(may=<roles>, ...)        (GET unless method="post")

Row fields:
    may      the roles that may use it: PUBLIC (everyone, signed in or not), SIGNED_IN, or a set of role names from
             permission_world.ROLES (anonymous, worker, other_worker, employer, other_employer, recruiter, agency,
             official = official of the object's country, official_origin, official_other, steward).
    hidden   True where the object's existence is private (a person's, an organisation's or a country's own
             record): refused roles must get 404, and the same status as for a missing id. Otherwise 403.
    sees     with `hidden`: the refused roles that may still see the object (the worker may read their placement
             but not record its departure): they get 403.
    params   path parameters that differ from the world's defaults (MatrixWorld.ids(), by parameter name),
             as {name: lambda world: value}.
    query    a query string, formatted with the world's ids ("employer={organisation_id}").
    body     fields laid over the body generated from the OpenAPI request schema (a dict, or lambda world: dict).
    refused  the status a signed-in role outside `may` gets when it is neither 403 nor 404 (e.g. 405).

Expected answers: roles in `may` get 200 for a read and, for a write, anything but 401/403/404/5xx (a domain
400/409/422 on a placeholder body still proves the permission check passed); anonymous visitors outside `may` get
401 (API) or a redirect to the sign-in page (pages); signed-in roles outside `may` get 403, or 404 when `hidden`.
No request may answer 5xx. Admin pages are checked as one group, from admin.site._registry.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from migdev.tests.permission_world import EVERYONE, SIGNED_IN

PUBLIC = EVERYONE
WORKER = frozenset({"worker"})
WORKERS = frozenset({"worker", "other_worker"})
EMPLOYER = frozenset({"employer"})
OFFICIAL = frozenset({"official"})
STEWARD = frozenset({"steward"})
OFFICIALS = frozenset({"official", "official_origin", "official_other"})
INVITATION_VIEWERS = frozenset({"employer", "official", "steward"})
# Who sees the worker's placement: the worker, the employer, the worker's sending agency, both countries' officials.
PLACEMENT_VIEWERS = frozenset({"worker", "employer", "agency", "official", "official_origin", "steward"})


@dataclass(frozen=True)
class Row:
    """Who may use one endpoint, and how to call it in the matrix's world."""

    may: frozenset[str]
    hidden: bool = False
    sees: frozenset[str] = frozenset()
    params: dict[str, Callable[[Any], Any]] = field(default_factory=dict)
    query: str = ""
    body: dict[str, Any] | Callable[[Any], dict[str, Any]] | None = None
    method: str = "get"
    refused: int | None = None
    ok: frozenset[int] = frozenset({200})


def public() -> Row:
    """Statistics, law, reference data and published listings: everyone reads them."""
    return Row(PUBLIC)


def signed_in(**options: Any) -> Row:
    """Anyone signed in (the answer is scoped to what each may see)."""
    return Row(SIGNED_IN, **options)


def roles(*named: str | frozenset[str]) -> frozenset[str]:
    names: set[str] = set()
    for role in named:
        names |= {role} if isinstance(role, str) else set(role)
    return frozenset(names)


def only(*named: str | frozenset[str], **options: Any) -> Row:
    """Only the named roles."""
    return Row(roles(*named), **options)


def placement_write(*named: str | frozenset[str]) -> Row:
    """A write on the worker's placement: roles that cannot see it get 404, the others who see it 403."""
    return Row(roles(*named), hidden=True, sees=PLACEMENT_VIEWERS)


# Bodies where a placeholder would be refused before the permission check (a real worker, vacancy or employer).
VACANCY = {
    "title": "Greenhouse worker",
    "destination": "CAN",
    "place": "Leamington, Ontario",
    "positions": 4,
    "wage_amount": "18.50",
    "wage_currency": "CAD",
    "wage_period": "hour",
    "weekly_hours": 40,
    "contract_months": 6,
    "start_date": "2031-04-01",
    "contract_languages": ["eng"],
    "skills": [],
}


def _vacancy(world: Any) -> dict[str, Any]:
    return {**VACANCY, "occupation": world.vacancy.occupation.uri, "employer": world.employer.pk}


def _offer(world: Any) -> dict[str, Any]:
    return {"vacancy_id": world.vacancy.pk, "worker": world.other_worker.pseudonym, "season": 2031}


def _recruiter(world: Any) -> int:
    return int(world.recruiter.pk)


def _national_work(world: Any) -> int:
    return int(world.national_work.pk)


NATIONAL: dict[str, Callable[[Any], Any]] = {"work_id": _national_work}
# diaspora: the worker is the expert, the employer the institution with the needs, the other worker runs the
# diaspora association (its registry entry and initiative)
EXPERT = frozenset({"worker"})
INSTITUTION = frozenset({"employer"})
ASSOCIATION = frozenset({"other_worker"})
PHL: dict[str, Callable[[Any], Any]] = {"code": lambda w: "PHL"}
# rcp: the employer's organisation is the Colombo Process's secretariat
SECRETARIAT = frozenset({"employer"})
RCP_MEETING = {"title": "Expert meeting", "start_date": "2031-04-01", "level": "expert"}
RCP_PRACTICE = {"title": "Practice", "summary": "What was done.", "themes": ["skills"], "countries": ["LKA"]}
RCP_FACT: dict[str, Callable[[Any], Any]] = {"field": lambda w: "chair_history"}
RCP_CORRECTION = {"value": "India (2024-2026)", "source": "Communiqué", "as_of": "2024-06-01"}
# partnerships: the employer's organisation is the pledging partner
PLEDGER = frozenset({"employer"})
PARTNER_REGISTRARS = frozenset({"other_worker", "other_employer", "recruiter", "agency", "steward"})


def _expert(world: Any) -> str:
    return str(world.expert.pseudonym)


def _expert_body(world: Any) -> dict[str, Any]:
    return {"occupation": world.expert.occupation.uri, "skills": [], "origin": "PHL", "residence": "CAN"}


def _need_body(world: Any) -> dict[str, Any]:
    return {"occupation": world.need.occupation.uri, "mode": "virtual", "organisation": world.employer.pk}


CORRIDOR = "sending=ARE&receiving=EGY&period=2011Q1"

# corridors: the demo's best-shown corridor, the Philippines to Canada
CORRIDOR_PAIR: dict[str, Callable[[Any], Any]] = {"origin": lambda w: "PHL", "destination": lambda w: "CAN"}

# impact: the employer's organisation proposes the world's project (in Canada), the other employer's reviews it,
# Canada's official decides; the parties see it while it is drafted (hidden from everyone else)
IMPACT_VIEWERS = frozenset({"employer", "other_employer", "official", "steward"})
IMPACT_PROPONENT = frozenset({"employer", "steward"})
IMPACT_PROPOSERS = frozenset({"employer", "other_employer", "recruiter", "agency", "other_worker", "steward"})
IMPACT: dict[str, Callable[[Any], Any]] = {"project_id": lambda w: w.impact_project.pk}


def impact_row(*named: str | frozenset[str], **options: Any) -> Row:
    """A step on the world's project: the parties that may not take it get 403, everyone else 404."""
    params = {**IMPACT, **options.pop("params", {})}
    return Row(roles(*named), hidden=True, sees=IMPACT_VIEWERS, params=params, **options)


# policy: Canada's official keeps its records; the other employer belongs to an international organisation that runs
# the world's capacity-building initiative; the world's self-assessment is published (drafts: migdev/policy/tests)
IGO_MEMBER = frozenset({"other_employer"})
SDG_1072_ANSWERS = {"answers": {f"{d}{letter}": 1 for d in range(1, 7) for letter in "abcde"}}
POLICY: dict[str, Callable[[Any], Any]] = {
    "self_assessment_id": lambda w: w.policy_assessment.pk,
    "working_group_id": lambda w: w.policy_group.pk,
    "plan_id": lambda w: w.policy_plan.pk,
    "cb_initiative_id": lambda w: w.policy_initiative.pk,
}


def policy_row(*named: str | frozenset[str], **options: Any) -> Row:
    """A policy endpoint on the world's Canadian records."""
    return Row(roles(*named), params={**POLICY, **options.pop("params", {})}, **options)


API: dict[str, Row] = {
    # core: reference data
    "GET /api/v1/core/countries": public(),
    "GET /api/v1/core/regions": public(),
    "GET /api/v1/core/isco08": public(),
    "GET /api/v1/core/esco/occupations": public(),
    "GET /api/v1/core/esco/occupations/{occupation_id}": public(),
    "GET /api/v1/core/esco/skills": public(),
    "GET /api/v1/core/esco/skills/{skill_id}": public(),
    # accounts
    "GET /api/v1/accounts/me": signed_in(),
    "GET /api/v1/accounts/me/export": signed_in(),
    "POST /api/v1/accounts/me/erase": signed_in(),
    "GET /api/v1/accounts/tokens": signed_in(),
    "POST /api/v1/accounts/tokens": signed_in(),
    "POST /api/v1/accounts/tokens/{token_id}/revoke": only("worker", hidden=True),
    "GET /api/v1/accounts/organisations": public(),
    "POST /api/v1/accounts/organisations": signed_in(),
    "POST /api/v1/accounts/organisations/{organisation_id}/approve": only(STEWARD),
    "POST /api/v1/accounts/organisations/{organisation_id}/reject": only(STEWARD),
    "GET /api/v1/accounts/persons/{person_id}": only("worker", "official_origin", STEWARD, hidden=True),
    # stats: public statistics
    "GET /api/v1/stats/indicators": public(),
    "GET /api/v1/stats/profiles/{code}": public(),
    "GET /api/v1/stats/map": public(),
    "GET /api/v1/stats/observations": public(),
    "GET /api/v1/stats/series/{indicator}.sdmx.csv": Row(PUBLIC, params={"indicator": lambda w: w.stats_indicator}),
    "GET /api/v1/stats/series/{indicator}.csv": Row(PUBLIC, params={"indicator": lambda w: w.stats_indicator}),
    # labour: the worker's own profile (anyone signed in may create one; the others have none: 404)
    "GET /api/v1/labour/workers/me": only(WORKERS, hidden=True),
    "POST /api/v1/labour/workers/me": signed_in(),
    "PUT /api/v1/labour/workers/me": only(WORKERS, hidden=True),
    "GET /api/v1/labour/workers/me/export": only(WORKERS, hidden=True),
    "POST /api/v1/labour/workers/me/erase": only(WORKERS, hidden=True),
    "POST /api/v1/labour/workers/me/consents": only(WORKERS, hidden=True),
    "POST /api/v1/labour/workers/me/consents/withdraw": only(WORKERS, hidden=True),
    "GET /api/v1/labour/workers/me/vacancies": only(WORKERS, hidden=True),
    "GET /api/v1/labour/workers/me/invitations": only(WORKERS, hidden=True),
    "GET /api/v1/labour/workers/me/recommendations": only(WORKERS, hidden=True),
    # a worker by pseudonym: pseudonymised to anyone signed in, named only where an invitation was accepted
    "GET /api/v1/labour/workers/{pseudonym}": signed_in(),
    "PUT /api/v1/labour/workers/{pseudonym}": only("worker", STEWARD),
    "GET /api/v1/labour/agencies/{agency_id}/pool": only("agency", STEWARD),
    # vacancies: published ones are public; the employer and the destination's officials manage them
    "GET /api/v1/labour/vacancies": public(),
    "POST /api/v1/labour/vacancies": only(EMPLOYER, STEWARD, body=_vacancy),
    "GET /api/v1/labour/vacancies/mine": signed_in(),
    "GET /api/v1/labour/vacancies/{vacancy_id}": public(),
    "PUT /api/v1/labour/vacancies/{vacancy_id}": only(EMPLOYER, STEWARD, body=_vacancy),
    "DELETE /api/v1/labour/vacancies/{vacancy_id}": only(EMPLOYER, STEWARD),
    "POST /api/v1/labour/vacancies/{vacancy_id}/submit": only(EMPLOYER, STEWARD),
    "POST /api/v1/labour/vacancies/{vacancy_id}/publish": only(OFFICIAL, STEWARD),
    "POST /api/v1/labour/vacancies/{vacancy_id}/close": only(EMPLOYER, OFFICIAL, STEWARD),
    "POST /api/v1/labour/vacancies/{vacancy_id}/fill": only(EMPLOYER, OFFICIAL, STEWARD),
    "GET /api/v1/labour/vacancies/{vacancy_id}/compliance": public(),
    "GET /api/v1/labour/vacancies/{vacancy_id}/candidates": only(EMPLOYER, OFFICIAL, STEWARD),
    "GET /api/v1/labour/vacancies/{vacancy_id}/invitations": only(EMPLOYER, OFFICIAL, STEWARD),
    "POST /api/v1/labour/vacancies/{vacancy_id}/invitations": only(
        EMPLOYER, STEWARD, body=lambda w: {"worker": w.other_worker.pseudonym}
    ),
    "GET /api/v1/labour/vacancies/{vacancy_id}/shortlist": only(EMPLOYER, OFFICIAL, STEWARD),
    "POST /api/v1/labour/invitations/{invitation_id}/accept": only("worker", hidden=True, sees=INVITATION_VIEWERS),
    "POST /api/v1/labour/invitations/{invitation_id}/decline": only("worker", hidden=True, sees=INVITATION_VIEWERS),
    # schemes and standards: public reads, the destination's officials and stewards write
    "GET /api/v1/labour/schemes": public(),
    "POST /api/v1/labour/schemes": only(OFFICIAL, STEWARD, body={"destination": "CAN"}),
    "GET /api/v1/labour/schemes/{scheme_id}": public(),
    "PUT /api/v1/labour/schemes/{scheme_id}": only(OFFICIAL, STEWARD),
    "DELETE /api/v1/labour/schemes/{scheme_id}": only(OFFICIAL, STEWARD),
    "GET /api/v1/labour/schemes/{scheme_id}/eligibility": only(
        "worker", EMPLOYER, OFFICIAL, STEWARD, query="worker={pseudonym}&vacancy={vacancy_id}"
    ),
    "GET /api/v1/labour/recruiters/{organisation_id}": Row(PUBLIC, params={"organisation_id": _recruiter}),
    "POST /api/v1/labour/recruiters/{organisation_id}/licences": only(
        "official_origin", STEWARD, params={"organisation_id": _recruiter}
    ),
    "GET /api/v1/labour/standards": public(),
    "POST /api/v1/labour/standards": only(STEWARD),
    # placements: the worker's, seen by the worker, the employer, the worker's agency, both countries' officials
    "GET /api/v1/labour/placements": signed_in(),
    "POST /api/v1/labour/placements": only(EMPLOYER, OFFICIAL, STEWARD, body=_offer),
    "GET /api/v1/labour/placements/returning-workers": only(EMPLOYER, STEWARD, query="employer={organisation_id}"),
    "GET /api/v1/labour/placements/{placement_id}": Row(PLACEMENT_VIEWERS, hidden=True),
    "POST /api/v1/labour/placements/{placement_id}/accept": placement_write("worker", STEWARD),
    "POST /api/v1/labour/placements/{placement_id}/decline": placement_write("worker", STEWARD),
    "POST /api/v1/labour/placements/{placement_id}/steps": placement_write(
        EMPLOYER, OFFICIAL, "official_origin", STEWARD
    ),
    "POST /api/v1/labour/placements/{placement_id}/contracts": placement_write(
        EMPLOYER, OFFICIAL, "official_origin", STEWARD
    ),
    "GET /api/v1/labour/placements/{placement_id}/costs": Row(PLACEMENT_VIEWERS, hidden=True),
    "POST /api/v1/labour/placements/{placement_id}/costs": placement_write(
        "worker", EMPLOYER, OFFICIAL, "official_origin", STEWARD
    ),
    # protection: flags and grievances are confidential
    "GET /api/v1/labour/flags": signed_in(),
    "POST /api/v1/labour/flags/recompute": only(STEWARD),
    # the worker and their agency see the flags on the worker's placement; the employer does not
    "POST /api/v1/labour/flags/{flag_id}/resolve": only(
        OFFICIAL, "official_origin", STEWARD, hidden=True, sees=frozenset({"worker", "agency"})
    ),
    "GET /api/v1/labour/grievances": signed_in(),
    "POST /api/v1/labour/grievances": only(WORKERS, body=lambda w: {"against_id": w.employer.pk}),
    "GET /api/v1/labour/grievances/against/{organisation_id}": only(EMPLOYER, STEWARD),
    "GET /api/v1/labour/grievances/{grievance_id}": only("worker", OFFICIAL, "official_origin", STEWARD, hidden=True),
    "POST /api/v1/labour/grievances/{grievance_id}/status": only(
        OFFICIAL, "official_origin", STEWARD, hidden=True, sees=WORKER
    ),
    # indicators and the labour market: public, small cells suppressed
    "GET /api/v1/labour/indicators/recruitment-cost": public(),
    "GET /api/v1/labour/indicators/circular": public(),
    "GET /api/v1/labour/indicators/protection-by-sex": public(),
    "GET /api/v1/labour/market/cells": public(),
    "GET /api/v1/labour/market/opportunities": public(),
    "GET /api/v1/labour/market/map": public(),
    "GET /api/v1/labour/market/cells.csv": public(),
    "GET /api/v1/labour/market/cells.sdmx.csv": public(),
    # matching runs: the destination's officials and stewards
    "POST /api/v1/labour/schemes/{scheme_id}/runs": only(OFFICIAL, STEWARD),
    "GET /api/v1/labour/runs/{run_id}": only(OFFICIAL, STEWARD, hidden=True),
    "POST /api/v1/labour/runs/{run_id}/assignments/{assignment_id}/remove": only(OFFICIAL, STEWARD, hidden=True),
    "POST /api/v1/labour/runs/{run_id}/rerun": only(OFFICIAL, STEWARD, hidden=True),
    "POST /api/v1/labour/runs/{run_id}/confirm": only(OFFICIAL, STEWARD, hidden=True),
    "POST /api/v1/labour/text-suggestions": signed_in(body={"text": "I picked apples for four seasons"}),
    "GET /api/v1/labour/esco-embeddings": only(STEWARD),
    "POST /api/v1/labour/esco-embeddings/runs": only(STEWARD, ok=frozenset({202})),
    # law: public
    "GET /api/v1/law/instruments": public(),
    "GET /api/v1/law/instruments/{instrument_id}": public(),
    "GET /api/v1/law/instruments/{instrument_id}/parties": public(),
    "GET /api/v1/law/instruments/{instrument_id}/parties.csv": public(),
    "GET /api/v1/law/instruments/{instrument_id}/actions": public(),
    "GET /api/v1/law/instruments/{instrument_id}/timeline": public(),
    "GET /api/v1/law/countries/{code}": public(),
    "GET /api/v1/law/compare": Row(PUBLIC, query="countries=CAN,PHL"),
    "GET /api/v1/law/works": public(),
    "GET /api/v1/law/works/{work_id}/akn.xml": public(),
    "GET /api/v1/law/works/{work_id}/text.html": public(),
    "GET /api/v1/law/glossary": public(),
    "GET /api/v1/law/glossary/{term_id}": public(),
    "GET /api/v1/law/learn/modules": public(),
    "GET /api/v1/law/learn/modules/{module_id}": public(),
    "GET /api/v1/law/learn/modules/{module_id}/lessons/{slug}": public(),
    "POST /api/v1/law/learn/modules/{module_id}/lessons/{slug}/attempts": signed_in(),
    "GET /api/v1/law/learn/progress": signed_in(),
    # law: national laws, their versions and search (public)
    "GET /api/v1/law/countries/{code}/laws": Row(PUBLIC, params={"code": lambda w: "ESP"}),
    "GET /api/v1/law/search": Row(PUBLIC, query="q=migra*"),
    "GET /api/v1/law/works/{work_id}": Row(PUBLIC, params=NATIONAL),
    "GET /api/v1/law/works/{work_id}/diff": Row(
        PUBLIC, params=NATIONAL, query="from_date={national_from}&to_date={national_to}"
    ),
    "GET /api/v1/law/works/{work_id}/text.pdf": Row(PUBLIC, params=NATIONAL),
    "GET /api/v1/law/works/{work_id}/versions": Row(PUBLIC, params=NATIONAL),
    # remittances: public prices and indicators (World Bank RPW)
    "GET /api/v1/remittances/categories": public(),
    "GET /api/v1/remittances/corridor": Row(PUBLIC, query=CORRIDOR),
    "GET /api/v1/remittances/corridor/services": Row(PUBLIC, query=CORRIDOR),
    "GET /api/v1/remittances/countries": public(),
    "GET /api/v1/remittances/downloads/quotes.csv": Row(PUBLIC, query="period=2011Q1&sending=ARE"),
    "GET /api/v1/remittances/downloads/{table}.csv": Row(PUBLIC, params={"table": lambda w: "global-average"}),
    "GET /api/v1/remittances/downloads/{table}.sdmx.csv": Row(PUBLIC, params={"table": lambda w: "smart"}),
    "GET /api/v1/remittances/global-average": Row(PUBLIC, query="period=2011Q1"),
    "GET /api/v1/remittances/global-average/series": public(),
    "GET /api/v1/remittances/periods": public(),
    "GET /api/v1/remittances/region": public(),
    "GET /api/v1/remittances/sdg": Row(PUBLIC, query="period=2011Q1"),
    "GET /api/v1/remittances/smart": Row(PUBLIC, query="period=2011Q1"),
    "GET /api/v1/remittances/weighted-average": public(),
    # diaspora: public map, registry, needs, GCM objectives and survey
    "GET /api/v1/diaspora/map/{code}": Row(PUBLIC, params=PHL),
    "GET /api/v1/diaspora/map/{code}.csv": Row(PUBLIC, params=PHL),
    "GET /api/v1/diaspora/gcm-objectives": public(),
    "GET /api/v1/diaspora/organisations": public(),
    "GET /api/v1/diaspora/organisations/{entry_id}": public(),
    "POST /api/v1/diaspora/organisations": only(
        ASSOCIATION, STEWARD, body=lambda w: {"organisation": w.diaspora_entry.organisation_id}
    ),
    "PUT /api/v1/diaspora/organisations/{entry_id}": only(ASSOCIATION, STEWARD),
    "POST /api/v1/diaspora/organisations/{entry_id}/initiatives": only(ASSOCIATION, STEWARD),
    "GET /api/v1/diaspora/initiatives": public(),
    "GET /api/v1/diaspora/initiatives/{initiative_id}": public(),
    "PUT /api/v1/diaspora/initiatives/{initiative_id}": only(ASSOCIATION, STEWARD),
    "DELETE /api/v1/diaspora/initiatives/{initiative_id}": only(ASSOCIATION, STEWARD),
    "GET /api/v1/diaspora/survey/questions": public(),
    "POST /api/v1/diaspora/survey/answers": public(),
    "GET /api/v1/diaspora/survey/results": public(),
    "GET /api/v1/diaspora/survey/results.csv": public(),
    # diaspora experts: the expert's own profile (the others have none: 404)
    "GET /api/v1/diaspora/experts/me": only(EXPERT, hidden=True),
    "POST /api/v1/diaspora/experts/me": signed_in(body=_expert_body),
    "PUT /api/v1/diaspora/experts/me": only(EXPERT, hidden=True, body=_expert_body),
    "GET /api/v1/diaspora/experts/me/export": only(EXPERT, hidden=True),
    "POST /api/v1/diaspora/experts/me/erase": only(EXPERT, hidden=True),
    "GET /api/v1/diaspora/experts/me/invitations": only(EXPERT, hidden=True),
    "GET /api/v1/diaspora/experts/me/recommendations": only(EXPERT, hidden=True),
    # pseudonymous to institutions until the expert accepts one of their invitations (the pseudonym is no secret:
    # shortlists show it, so the others get 403)
    "GET /api/v1/diaspora/experts/{pseudonym}": only(EXPERT, INSTITUTION, STEWARD, params={"pseudonym": _expert}),
    # needs: public while open; the institution's members (and stewards) manage them, rank and invite experts
    "GET /api/v1/diaspora/needs": public(),
    "GET /api/v1/diaspora/needs/mine": signed_in(),
    "POST /api/v1/diaspora/needs": only(INSTITUTION, STEWARD, body=_need_body),
    "GET /api/v1/diaspora/needs/{need_id}": public(),
    "PUT /api/v1/diaspora/needs/{need_id}": only(INSTITUTION, STEWARD, body=_need_body),
    "POST /api/v1/diaspora/needs/{need_id}/close": only(INSTITUTION, STEWARD),
    "GET /api/v1/diaspora/needs/{need_id}/shortlist": only(INSTITUTION, STEWARD),
    "GET /api/v1/diaspora/needs/{need_id}/invitations": only(INSTITUTION, STEWARD),
    "POST /api/v1/diaspora/needs/{need_id}/invitations": only(
        INSTITUTION, STEWARD, body=lambda w: {"expert": w.expert.pseudonym}
    ),
    # an invitation: the expert answers it; the institution sees it
    "POST /api/v1/diaspora/invitations/{expert_invitation_id}/accept": only(
        EXPERT, hidden=True, sees=roles(INSTITUTION, STEWARD)
    ),
    "POST /api/v1/diaspora/invitations/{expert_invitation_id}/decline": only(
        EXPERT, hidden=True, sees=roles(INSTITUTION, STEWARD)
    ),
    "POST /api/v1/diaspora/assignments/{expert_assignment_id}/outcome": only(EXPERT, INSTITUTION, STEWARD, hidden=True),
    # rcp: public processes, overlaps, meetings and practices; the process's secretariat and stewards write
    "GET /api/v1/rcp/processes": public(),
    "GET /api/v1/rcp/processes/{rcp_id}": public(),
    "GET /api/v1/rcp/processes/{rcp_id}/similar": public(),
    "GET /api/v1/rcp/overlaps": public(),
    "GET /api/v1/rcp/countries/{iso3}": public(),
    "GET /api/v1/rcp/meetings": public(),
    "POST /api/v1/rcp/processes/{rcp_id}/meetings": only(SECRETARIAT, STEWARD, body=RCP_MEETING),
    "PUT /api/v1/rcp/meetings/{meeting_id}": only(SECRETARIAT, STEWARD, body=RCP_MEETING),
    "DELETE /api/v1/rcp/meetings/{meeting_id}": only(SECRETARIAT, STEWARD),
    "GET /api/v1/rcp/good-practices": public(),
    "GET /api/v1/rcp/good-practices/{practice_id}": public(),
    "POST /api/v1/rcp/processes/{rcp_id}/good-practices": only(SECRETARIAT, STEWARD, body=RCP_PRACTICE),
    "PUT /api/v1/rcp/good-practices/{practice_id}": only(SECRETARIAT, STEWARD, body=RCP_PRACTICE),
    "GET /api/v1/rcp/countries": public(),
    "GET /api/v1/rcp/meetings/{meeting_id}": public(),
    # multipart without a file: the secretariat and stewards pass the permission check and get 400 (no file)
    "POST /api/v1/rcp/meetings/{meeting_id}/documents": only(SECRETARIAT, STEWARD),
    "POST /api/v1/rcp/good-practices/{practice_id}/evidence": only(SECRETARIAT, STEWARD),
    "GET /api/v1/rcp/processes/{rcp_id}/history": public(),
    "PUT /api/v1/rcp/processes/{rcp_id}/facts/{field}": only(
        SECRETARIAT, STEWARD, params=RCP_FACT, body=RCP_CORRECTION
    ),
    # partnerships: public registry, boards and dashboards; the employer's members pledge for it (and stewards)
    "GET /api/v1/partnerships/partners": public(),
    "GET /api/v1/partnerships/partners/{partner_id}": public(),
    "POST /api/v1/partnerships/partners": only(PLEDGER, STEWARD, body=lambda w: {"organisation": w.employer.pk}),
    "PUT /api/v1/partnerships/partners/{partner_id}": only(PLEDGER, STEWARD),
    "GET /api/v1/partnerships/commitments": public(),
    "GET /api/v1/partnerships/commitments.csv": public(),
    "GET /api/v1/partnerships/commitments/{commitment_id}": public(),
    "POST /api/v1/partnerships/commitments": only(PLEDGER, STEWARD, body=lambda w: {"pledger": w.partner.pk}),
    "PUT /api/v1/partnerships/commitments/{commitment_id}": only(PLEDGER, STEWARD),
    "GET /api/v1/partnerships/commitments/{commitment_id}/progress": public(),
    "POST /api/v1/partnerships/commitments/{commitment_id}/progress": only(PLEDGER, STEWARD),
    "GET /api/v1/partnerships/progress/{update_id}/evidence": public(),
    "GET /api/v1/partnerships/boards": public(),
    "GET /api/v1/partnerships/boards/{board_id}": public(),
    "GET /api/v1/partnerships/dashboard": public(),
    "GET /api/v1/partnerships/dashboard.csv": public(),
    "GET /api/v1/partnerships/frameworks": public(),
    "POST /api/v1/partnerships/commitments/import": only(STEWARD, body={"content": "title\n"}),
    "GET /api/v1/partnerships/commitments/imports/{import_id}": only(STEWARD),
    "POST /api/v1/partnerships/boards": only(STEWARD),
    # the board's secretaries (members of its secretariat: the employer's organisation in the world) and stewards
    "PUT /api/v1/partnerships/boards/{board_id}": only(PLEDGER, STEWARD),
    "POST /api/v1/partnerships/boards/{board_id}/members": only(PLEDGER, STEWARD),
    "DELETE /api/v1/partnerships/boards/{board_id}/members/{board_member_id}": only(PLEDGER, STEWARD),
    "POST /api/v1/partnerships/boards/{board_id}/meetings": only(PLEDGER, STEWARD),
    "PUT /api/v1/partnerships/boards/{board_id}/meetings/{board_meeting_id}": only(PLEDGER, STEWARD),
    "GET /api/v1/partnerships/meetings/{board_meeting_id}/minutes": public(),
    "POST /api/v1/partnerships/boards/{board_id}/recommendations": only(PLEDGER, STEWARD),
    "PUT /api/v1/partnerships/boards/{board_id}/recommendations/{recommendation_id}": only(PLEDGER, STEWARD),
    # corridors: public reads joining every domain room for one origin-destination pair
    "GET /api/v1/corridors/ranking": public(),
    "GET /api/v1/corridors/{origin}-{destination}": Row(PUBLIC, params=CORRIDOR_PAIR),
    # impact: projects are seen by their parties until decided; each step by the role it belongs to
    "GET /api/v1/impact/projects": public(),
    "POST /api/v1/impact/projects": only(IMPACT_PROPONENT, body=lambda w: {"proponent": w.employer.pk}),
    "GET /api/v1/impact/projects/{project_id}": impact_row(IMPACT_VIEWERS),
    "PUT /api/v1/impact/projects/{project_id}": impact_row(IMPACT_PROPONENT),
    "GET /api/v1/impact/projects/{project_id}/versions": impact_row(IMPACT_VIEWERS),
    "PUT /api/v1/impact/projects/{project_id}/screening": impact_row(IMPACT_PROPONENT),
    "PUT /api/v1/impact/projects/{project_id}/scoping": impact_row(IMPACT_PROPONENT),
    "POST /api/v1/impact/projects/{project_id}/baseline": impact_row(IMPACT_PROPONENT),
    "PUT /api/v1/impact/projects/{project_id}/prediction": impact_row(IMPACT_PROPONENT),
    "POST /api/v1/impact/projects/{project_id}/significance": impact_row(IMPACT_PROPONENT),
    "PUT /api/v1/impact/projects/{project_id}/mitigation": impact_row(IMPACT_PROPONENT),
    "PUT /api/v1/impact/projects/{project_id}/statement": impact_row(IMPACT_PROPONENT),
    "POST /api/v1/impact/projects/{project_id}/advance": impact_row(IMPACT_PROPONENT),
    "POST /api/v1/impact/projects/{project_id}/review": impact_row("other_employer", STEWARD),
    "POST /api/v1/impact/projects/{project_id}/decision": impact_row(OFFICIAL, STEWARD),
    "POST /api/v1/impact/projects/{project_id}/monitoring": impact_row(IMPACT_PROPONENT, OFFICIAL),
    "POST /api/v1/impact/projects/{project_id}/evidence": impact_row(IMPACT_PROPONENT, "other_employer"),
    "GET /api/v1/impact/library/measures": public(),
    "GET /api/v1/impact/library/indicators": public(),
    "GET /api/v1/impact/library/screening-items": public(),
    # policy: public reads and scoring; Canada's official (and stewards) write; an IGO's members run initiatives
    "POST /api/v1/policy/sdg-10-7-2/score": Row(PUBLIC, method="post", body=SDG_1072_ANSWERS),
    "GET /api/v1/policy/sdg-10-7-2/subcategories": public(),
    "GET /api/v1/policy/crosswalk": public(),
    "GET /api/v1/policy/self-assessments": public(),
    "POST /api/v1/policy/self-assessments": only(OFFICIAL, STEWARD, body={"country": "CAN", "year": 2024}),
    "GET /api/v1/policy/self-assessments/compare": public(),
    "GET /api/v1/policy/self-assessments/{self_assessment_id}": policy_row(PUBLIC),
    "PUT /api/v1/policy/self-assessments/{self_assessment_id}": policy_row(OFFICIAL, STEWARD),
    "POST /api/v1/policy/self-assessments/{self_assessment_id}/publish": policy_row(OFFICIAL, STEWARD),
    "GET /api/v1/policy/self-assessments/{self_assessment_id}/gaps": policy_row(PUBLIC),
    "GET /api/v1/policy/countries/{code}": public(),
    "PUT /api/v1/policy/countries/{code}/profile": only(OFFICIAL, STEWARD),
    "POST /api/v1/policy/countries/{code}/instruments": only(OFFICIAL, STEWARD),
    "POST /api/v1/policy/countries/{code}/working-groups": only(OFFICIAL, STEWARD),
    "GET /api/v1/policy/countries/{code}/results-framework": public(),
    "GET /api/v1/policy/working-groups/{working_group_id}": policy_row(PUBLIC),
    "POST /api/v1/policy/working-groups/{working_group_id}/members": policy_row(OFFICIAL, STEWARD),
    "POST /api/v1/policy/working-groups/{working_group_id}/meetings": policy_row(OFFICIAL, STEWARD),
    "GET /api/v1/policy/plans": public(),
    "POST /api/v1/policy/plans": only(OFFICIAL, STEWARD, body={"country": "CAN"}),
    "GET /api/v1/policy/plans/{plan_id}": policy_row(PUBLIC),
    "PUT /api/v1/policy/plans/{plan_id}/checklist": policy_row(OFFICIAL, STEWARD),
    "GET /api/v1/policy/capacity/requests": public(),
    "POST /api/v1/policy/capacity/requests": only(OFFICIAL, STEWARD, body={"country": "CAN"}),
    "GET /api/v1/policy/capacity/initiatives": public(),
    "POST /api/v1/policy/capacity/initiatives": only(
        IGO_MEMBER, STEWARD, body=lambda w: {"organisation": w.policy_igo.pk, "country": "CAN"}
    ),
    "PUT /api/v1/policy/capacity/initiatives/{cb_initiative_id}": policy_row(
        IGO_MEMBER, STEWARD, body={"country": "CAN"}
    ),
    "GET /api/v1/policy/capacity/overlaps": public(),
}

POST_ONLY = 405  # a page that only takes a form (its GET is refused to everyone signed in)

PAGES: dict[str, Row] = {
    "set_language": Row(PUBLIC, ok=frozenset({302})),
    "favicon": Row(PUBLIC, ok=frozenset({302})),
    "core:home": public(),
    "core:about_data": public(),
    "accounts:login": public(),
    "accounts:logout": Row(PUBLIC, method="post", ok=frozenset({302})),
    "accounts:password_reset": public(),
    "accounts:password_reset_done": public(),
    "accounts:password_reset_confirm": Row(PUBLIC, params={"uidb64": lambda w: "MQ", "token": lambda w: "a-b"}),
    "accounts:password_reset_complete": public(),
    "accounts:register_worker": public(),
    "accounts:register_organisation": public(),
    "accounts:my_account": signed_in(),
    "accounts:edit_profile": signed_in(),
    "accounts:create_token": signed_in(method="post", ok=frozenset({200, 302})),
    "accounts:revoke_token": only("worker", hidden=True, method="post", ok=frozenset({302})),
    "accounts:export_my_data": signed_in(method="post"),
    "accounts:erase_my_account": signed_in(method="post", ok=frozenset({200, 302})),
    "accounts:organisation": signed_in(),
    "accounts:pending_organisations": only(STEWARD),
    "accounts:approve_organisation": only(STEWARD, method="post", ok=frozenset({302})),
    "accounts:reject_organisation": only(STEWARD, method="post", ok=frozenset({302})),
    "accounts:people": only(OFFICIALS, STEWARD),
    "accounts:person_record": only("worker", "official_origin", STEWARD, hidden=True),
    "accounts:audit_log": only(STEWARD),
    "stats:index": public(),
    "stats:search": Row(PUBLIC, query="q=Canada", ok=frozenset({200, 302})),
    "stats:profile": public(),
    "labour:index": public(),
    "labour:vacancy_list": public(),
    "labour:vacancy_detail": public(),
    "labour:vacancy_edit": only(EMPLOYER, STEWARD),
    "labour:vacancy_candidates": only(EMPLOYER, OFFICIAL, STEWARD),
    "labour:vacancy_action": only(
        EMPLOYER, STEWARD, method="post", params={"action": lambda w: "submit"}, ok=frozenset({200, 302})
    ),
    "labour:vacancy_new": only("employer", "other_employer"),
    "labour:scheme_list": public(),
    "labour:my_profile": signed_in(),
    "labour:my_consent": only(WORKERS, hidden=True, method="post", ok=frozenset({200, 302})),
    "labour:my_export": only(WORKERS, hidden=True),
    "labour:my_erase": only(WORKERS, hidden=True),
    "labour:my_vacancies": only(WORKERS, hidden=True),
    "labour:my_invitations": only(WORKERS, hidden=True),
    "labour:worker_detail": signed_in(),
    "labour:employer_vacancies": signed_in(),
    "labour:agency_pool": only("agency", STEWARD),
    "labour:official_home": signed_in(),
    "labour:scheme_manage": signed_in(),
    "labour:scheme_new": only(OFFICIALS, STEWARD),
    "labour:scheme_edit": only(OFFICIAL, STEWARD),
    "labour:pick": Row(PUBLIC, query="field=occupation_add&q=fruit"),
    "labour:pick_essential_skills": public(),
    "labour:suggest_from_text": signed_in(method="post", ok=frozenset({200, 400})),
    "labour:esco_embeddings": only(STEWARD),
    "labour:standard_list": public(),
    "labour:standard_new": only(STEWARD),
    "labour:standard_edit": only(STEWARD),
    "labour:protection_placements": signed_in(),
    "labour:protection_placement": Row(PLACEMENT_VIEWERS, hidden=True),
    "labour:protection_returning_workers": only(EMPLOYER, STEWARD),
    "labour:protection_grievances": signed_in(),
    "labour:protection_grievance": only("worker", OFFICIAL, "official_origin", STEWARD, hidden=True),
    "labour:protection_flags": signed_in(),
    "labour:protection_recruitment_cost": public(),
    "labour:protection_circular": public(),
    "labour:market": public(),
    "labour:market_country": public(),
    "labour:vacancy_shortlist": only(EMPLOYER, OFFICIAL, STEWARD),
    "labour:my_recommendations": only(WORKERS, refused=302),
    "labour:matching_home": signed_in(),
    "labour:match_runs": only(OFFICIAL, STEWARD),
    "labour:match_run": only(OFFICIAL, STEWARD, hidden=True),
    "labour:match_run_status": only(OFFICIAL, STEWARD, hidden=True),
    "labour:match_run_confirm": only(OFFICIAL, STEWARD, hidden=True, method="post", ok=frozenset({200, 302})),
    "labour:match_run_rerun": only(OFFICIAL, STEWARD, hidden=True, method="post", ok=frozenset({200, 302})),
    "labour:match_assignment": only(
        OFFICIAL, STEWARD, hidden=True, method="post", params={"action": lambda w: "remove"}, ok=frozenset({200, 302})
    ),
    "law:index": public(),
    "law:instrument": public(),
    "law:find_country": Row(PUBLIC, query="q=Canada", ok=frozenset({200, 302})),
    "law:country": public(),
    "law:compare": public(),
    "law:instrument_text": Row(PUBLIC, ok=frozenset({302})),
    "law:documents": public(),
    "law:document": public(),
    "law:glossary": public(),
    "law:glossary_csv": public(),
    "law:glossary_term": public(),
    "law:learn": public(),
    "law:learn_module": public(),
    "law:learn_lesson": public(),
    "law:national_laws": public(),
    "law:versions": Row(PUBLIC, params=NATIONAL),
    "law:diff": Row(PUBLIC, params=NATIONAL),
    "law:search": Row(PUBLIC, query="q=migra*"),
    "remittances:index": public(),
    "remittances:corridor": Row(PUBLIC, query=CORRIDOR),
    "remittances:country": Row(PUBLIC, params={"code": lambda w: "ARE"}),
    "remittances:methodology": public(),
    "remittances:upload": only(STEWARD),
    "diaspora:index": public(),
    "diaspora:map_index": public(),
    "diaspora:map": Row(PUBLIC, params=PHL),
    "diaspora:organisation_list": public(),
    "diaspora:organisation_detail": public(),
    # for members of a diaspora organisation not yet in the registry: the world has none (the other worker's is in)
    "diaspora:organisation_create": only(STEWARD),
    "diaspora:organisation_edit": only(ASSOCIATION, STEWARD),
    "diaspora:initiative_create": only(ASSOCIATION, STEWARD),
    "diaspora:initiative_edit": only(ASSOCIATION, STEWARD),
    "diaspora:survey": public(),
    "diaspora:survey_results": public(),
    # the expert's own pages: whoever is not an expert is sent to the registration form
    "diaspora:expert_home": only(EXPERT, refused=302),
    "diaspora:expert_register": Row(SIGNED_IN, ok=frozenset({200, 302})),
    "diaspora:expert_edit": only(EXPERT, refused=302),
    "diaspora:expert_export": only(EXPERT, hidden=True),
    "diaspora:expert_erase": only(EXPERT, hidden=True, method="post", ok=frozenset({200, 302})),
    "diaspora:answer_invitation": only(
        EXPERT,
        hidden=True,
        sees=roles(INSTITUTION, STEWARD),
        method="post",
        ok=frozenset({200, 302}),
        params={"invitation_id": lambda w: w.expert_invitation.pk},
    ),
    "diaspora:need_list": public(),
    "diaspora:need_create": only(INSTITUTION, "other_employer", STEWARD),
    "diaspora:need_detail": public(),
    "diaspora:need_edit": only(INSTITUTION, STEWARD),
    "diaspora:need_invite": only(INSTITUTION, STEWARD, method="post", ok=frozenset({200, 302})),
    "diaspora:need_close": only(INSTITUTION, STEWARD, method="post", ok=frozenset({200, 302})),
    "partnerships:index": public(),
    "partnerships:commitment_list": public(),
    "partnerships:commitment_detail": public(),
    "partnerships:commitment_create": only(PLEDGER, STEWARD),
    "partnerships:commitment_edit": only(PLEDGER, STEWARD),
    "partnerships:progress_add": only(PLEDGER, STEWARD),
    "partnerships:partner_list": public(),
    "partnerships:partner_detail": public(),
    # members of an approved organisation that is not a partner yet (every organisation but the employer's), stewards
    "partnerships:partner_create": only(PARTNER_REGISTRARS),
    "partnerships:board_list": public(),
    "partnerships:board_detail": public(),
    # the board's secretaries: members of its secretariat (the employer's organisation in the world)
    "partnerships:recommendation_create": only(PLEDGER, STEWARD),
    "partnerships:recommendation_edit": only(PLEDGER, STEWARD),
    "partnerships:board_create": only(STEWARD),
    "partnerships:board_edit": only(PLEDGER, STEWARD),
    "partnerships:member_add": only(PLEDGER, STEWARD),
    "partnerships:member_remove": only(PLEDGER, STEWARD, method="post", ok=frozenset({302})),
    "partnerships:meeting_create": only(PLEDGER, STEWARD),
    "partnerships:meeting_edit": only(PLEDGER, STEWARD),
    "partnerships:commitment_import": only(STEWARD),
    "diaspora:assignment_outcome": only(
        EXPERT,
        INSTITUTION,
        STEWARD,
        hidden=True,
        method="post",
        ok=frozenset({200, 302}),
        params={"assignment_id": lambda w: w.expert_assignment.pk},
    ),
    "rcp:index": public(),
    "rcp:process": public(),
    "rcp:process_meetings": public(),
    "rcp:process_ical": public(),
    "rcp:meeting_new": only(SECRETARIAT, STEWARD),
    "rcp:practice_new": only(SECRETARIAT, STEWARD),
    "rcp:country": public(),
    "rcp:overlaps": public(),
    "rcp:meetings": public(),
    "rcp:meetings_ical": public(),
    "rcp:meeting_edit": only(SECRETARIAT, STEWARD),
    "rcp:document": public(),
    "rcp:feed_atom": public(),
    "rcp:feed_rss": public(),
    "rcp:practices": public(),
    "rcp:practice": public(),
    "rcp:practice_edit": only(SECRETARIAT, STEWARD),
    "rcp:download": public(),
    "rcp:fact_correct": only(SECRETARIAT, STEWARD, params=RCP_FACT),
    "rcp:countries": public(),
    # corridors: public pages
    "corridors:index": public(),
    "corridors:go": Row(PUBLIC, ok=frozenset({302})),
    "corridors:ranking": public(),
    "corridors:ranking_csv": public(),
    "corridors:ranking_sdmx": public(),
    "corridors:corridor": Row(PUBLIC, params=CORRIDOR_PAIR),
    "corridors:brief": Row(PUBLIC, params=CORRIDOR_PAIR),
    # impact: the list, CSV and library are public; a project's pages are its parties'
    "impact:index": public(),
    "impact:projects_csv": public(),
    "impact:library": public(),
    "impact:project_new": only(IMPACT_PROPOSERS),
    "impact:project": impact_row(IMPACT_VIEWERS),
    "impact:project_edit": impact_row(IMPACT_PROPONENT),
    "impact:history": impact_row(IMPACT_VIEWERS),
    "impact:evidence_add": impact_row(IMPACT_PROPONENT, "other_employer"),
    "impact:evidence": Row(IMPACT_VIEWERS, hidden=True, params={"evidence_id": lambda w: w.impact_evidence.pk}),
    "impact:stage": impact_row(IMPACT_PROPONENT, params={"stage": lambda w: "screening"}),
    "impact:advance": impact_row(IMPACT_PROPONENT, method="post", ok=frozenset({200, 302})),
    "impact:review": impact_row("other_employer", STEWARD),
    "impact:decision": impact_row(OFFICIAL, STEWARD),
    "impact:monitoring": impact_row(IMPACT_PROPONENT, OFFICIAL),
    "impact:statement": impact_row(IMPACT_VIEWERS),
    "impact:statement_pdf": impact_row(IMPACT_VIEWERS),
    # policy
    "policy:index": public(),
    "policy:crosswalk": public(),
    "policy:download": Row(PUBLIC, params={"kind": lambda w: "crosswalk"}),
    "policy:country": public(),
    "policy:profile_edit": only(OFFICIAL, STEWARD),
    "policy:instrument_add": only(OFFICIAL, STEWARD),
    "policy:group_new": only(OFFICIAL, STEWARD),
    "policy:results_framework_csv": public(),
    "policy:working_group": policy_row(PUBLIC),
    "policy:member_add": policy_row(OFFICIAL, STEWARD),
    "policy:meeting_add": policy_row(OFFICIAL, STEWARD),
    "policy:assessment_list": public(),
    "policy:assessment_new": only(OFFICIALS, STEWARD),
    "policy:comparison": public(),
    "policy:assessment": policy_row(PUBLIC),
    "policy:assessment_edit": policy_row(OFFICIAL, STEWARD),
    "policy:assessment_publish": policy_row(OFFICIAL, STEWARD, method="post", ok=frozenset({302})),
    "policy:plan_list": public(),
    "policy:plan_new": only(OFFICIALS, STEWARD),
    "policy:plan": policy_row(PUBLIC),
    "policy:plan_assess": policy_row(OFFICIAL, STEWARD),
    "policy:capacity": public(),
    "policy:request_new": only(OFFICIALS, STEWARD),
    "policy:initiative_new": only(IGO_MEMBER, STEWARD),
    "policy:initiative_edit": policy_row(IGO_MEMBER, STEWARD),
}

# Lists open to anyone signed in, scoped to what each may see: (list, the world's object it holds, roles that see it).
# A role outside the set must not find the object in the list (it would learn what the detail endpoint hides).
SCOPED_LISTS: list[tuple[str, Callable[[Any], int], frozenset[str]]] = [
    ("/api/v1/labour/placements", lambda w: w.placement.pk, PLACEMENT_VIEWERS),
    ("/api/v1/labour/grievances", lambda w: w.grievance.pk, roles("worker", OFFICIAL, "official_origin", STEWARD)),
    ("/api/v1/labour/flags", lambda w: w.flag.pk, roles("worker", "agency", OFFICIAL, "official_origin", STEWARD)),
    ("/api/v1/impact/projects", lambda w: w.impact_project.pk, IMPACT_VIEWERS),
]
# Who reads the worker's full (named) record at GET /api/v1/labour/workers/{pseudonym}; the others get the pseudonym.
NAMED_RECORD = roles("worker", STEWARD)

# Objects that only some roles may know exist: (what, address with {id}, its id in the world, roles that see it).
# Every other role gets 404 (or, signed out, the sign-in page), the same answer as for a missing id.
PRIVATE_OBJECTS: list[tuple[str, str, Callable[[Any], int], frozenset[str]]] = [
    ("a draft vacancy", "/api/v1/labour/vacancies/{id}", lambda w: w.draft.pk, roles(EMPLOYER, OFFICIAL, STEWARD)),
    ("a draft vacancy", "/en/labour/vacancies/{id}/", lambda w: w.draft.pk, roles(EMPLOYER, OFFICIAL, STEWARD)),
    (
        "a draft's compliance",
        "/api/v1/labour/vacancies/{id}/compliance",
        lambda w: w.draft.pk,
        roles(EMPLOYER, OFFICIAL, STEWARD),
    ),
    ("a pending organisation", "/en/accounts/organisations/{id}/", lambda w: w.pending.pk, STEWARD),
    ("a pending recruiter", "/api/v1/labour/recruiters/{id}", lambda w: w.pending.pk, frozenset()),
]
