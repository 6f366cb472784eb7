"""Protection services: the placement state machine, offers (eligibility, caps, licences, named workers), contracts and
substitution, the cost ledger, grievances and the flags they raise."""

from datetime import date
from decimal import Decimal

import pytest

from migdev.accounts.models import AuditEvent
from migdev.core.errors import DomainError, PermissionDenied
from migdev.core.models import Country
from migdev.labour.models import Contract, CostPayment, Grievance, Placement, RiskFlag, SchemeOriginCap
from migdev.labour.protection import C189Check, ForcedLabourIndicator
from migdev.labour.services import protection as services
from migdev.labour.services.protection import (
    CapReached,
    ContractTerms,
    CostDetails,
    IncoherentDate,
    OfferDetails,
    OfferRefused,
    TransitionNotAllowed,
)
from migdev.labour.tests.factories_protection import (
    LicenceFactory,
    PlacementFactory,
    RecruiterFactory,
    VacancyFactory,
    WorkerProfileFactory,
    World,
    contract_for,
    occupation,
)

State = Placement.State
pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> World:
    return World()


def offer(world: World, **changes: object) -> Placement:
    details = OfferDetails(season=2024, offered_on=date(2024, 2, 1), recruiter=world.recruiter)
    worker = changes.pop("worker", world.worker)
    return services.offer_placement(
        world.employer_member, world.vacancy, worker, details.__class__(**{**details.__dict__, **changes})
    )


def terms(world: World, stage: str, signed_on: date, **changes: object) -> ContractTerms:
    values: dict[str, object] = {
        "stage": stage,
        "employer": world.employer,
        "occupation": world.vacancy.occupation,
        "wage_amount": Decimal("17.20"),
        "wage_currency": "CAD",
        "wage_period": "hour",
        "weekly_hours": 40,
        "language": "eng",
        "signed_on": signed_on,
    }
    values.update(changes)
    return ContractTerms(**values)  # type: ignore[arg-type]


def through_season(world: World, placement: Placement, *, destination: dict[str, object] | None = None) -> Placement:
    """Take a placement from the offer to the return, as its actors would."""
    employer = world.employer_member
    services.accept_offer(world.worker_user, placement, date(2024, 2, 5))
    services.record_contract(employer, placement, terms(world, "origin", date(2024, 2, 20)))
    services.advance_placement(world.recruiter_member, placement, State.DEPARTED, date(2024, 4, 1))
    services.advance_placement(employer, placement, State.ARRIVED, date(2024, 4, 2))
    services.record_contract(employer, placement, terms(world, "destination", date(2024, 4, 3), **(destination or {})))
    services.advance_placement(employer, placement, State.COMPLETED, date(2024, 9, 30))
    services.advance_placement(employer, placement, State.RETURNED, date(2024, 10, 2))
    return placement


# --- the state machine ------------------------------------------------------------------------------------------------


def test_a_season_goes_from_offer_to_return_with_its_history(world: World) -> None:
    placement = through_season(world, offer(world))
    placement.refresh_from_db()
    assert placement.state == State.RETURNED
    assert [e.state for e in placement.events.all()] == [
        "offered",
        "accepted",
        "contract_origin",
        "departed",
        "arrived",
        "contract_destination",
        "completed",
        "returned",
    ]
    assert placement.departed_on == date(2024, 4, 1) and placement.returned_on == date(2024, 10, 2)
    assert placement.due_return_on == date(2024, 10, 1)  # start 1 April + 6 months
    assert placement.contracts.count() == 2
    assert not RiskFlag.objects.filter(placement=placement).exists()
    assert AuditEvent.objects.filter(
        subject=world.worker_user, object_type="labour.placement", action="create"
    ).exists()


def test_only_the_worker_accepts_or_declines_an_offer(world: World) -> None:
    placement = offer(world)
    with pytest.raises(PermissionDenied):
        services.accept_offer(world.employer_member, placement, date(2024, 2, 5))
    with pytest.raises(PermissionDenied):
        services.advance_placement(world.employer_member, placement, State.ACCEPTED, date(2024, 2, 5))
    for official in (world.official_origin, world.official_destination):  # officials do not answer for the worker
        with pytest.raises(PermissionDenied):
            services.accept_offer(official, placement, date(2024, 2, 5))
    services.decline_offer(world.worker_user, placement, date(2024, 2, 5), reason="family")
    assert placement.state == State.DECLINED


def test_the_worker_does_not_record_departure_and_strangers_do_nothing(world: World) -> None:
    placement = offer(world)
    services.accept_offer(world.worker_user, placement, date(2024, 2, 5))
    services.record_contract(world.recruiter_member, placement, terms(world, "origin", date(2024, 2, 20)))
    for stranger in (world.worker_user, world.other_member, world.official_other, world.agency_member):
        with pytest.raises(PermissionDenied):
            services.advance_placement(stranger, placement, State.DEPARTED, date(2024, 4, 1))
    services.advance_placement(world.official_origin, placement, State.DEPARTED, date(2024, 4, 1))
    services.advance_placement(world.official_destination, placement, State.ARRIVED, date(2024, 4, 2))
    services.advance_placement(world.steward, placement, State.ABSCONDED, date(2024, 5, 2), reason="left the farm")
    assert placement.state == State.ABSCONDED and placement.ended_reason == "left the farm"


def test_states_cannot_be_skipped(world: World) -> None:
    placement = offer(world)
    with pytest.raises(TransitionNotAllowed) as caught:
        services.advance_placement(world.employer_member, placement, State.DEPARTED, date(2024, 4, 1))
    assert caught.value.field == "state"
    with pytest.raises(TransitionNotAllowed):
        services.record_contract(world.employer_member, placement, terms(world, "destination", date(2024, 4, 3)))


def test_termination_needs_a_reason(world: World) -> None:
    placement = offer(world)
    services.accept_offer(world.worker_user, placement, date(2024, 2, 5))
    with pytest.raises(DomainError) as caught:
        services.advance_placement(world.employer_member, placement, State.TERMINATED, date(2024, 3, 1), reason=" ")
    assert caught.value.field == "ended_reason"
    assert Placement.objects.get(pk=placement.pk).state == State.ACCEPTED


def test_return_before_departure_is_refused_naming_the_field(world: World) -> None:
    placement = offer(world)
    services.accept_offer(world.worker_user, placement, date(2024, 2, 5))
    services.record_contract(world.employer_member, placement, terms(world, "origin", date(2024, 2, 20)))
    with pytest.raises(IncoherentDate) as caught:
        services.advance_placement(world.employer_member, placement, State.DEPARTED, date(2024, 2, 10))
    assert caught.value.field == "departed_on"
    services.advance_placement(world.employer_member, placement, State.DEPARTED, date(2024, 4, 1))
    with pytest.raises(IncoherentDate) as caught:
        services.advance_placement(world.employer_member, placement, State.ARRIVED, date(2024, 3, 30))
    assert caught.value.field == "arrived_on"
    services.advance_placement(world.employer_member, placement, State.TERMINATED, date(2024, 4, 1), reason="ill")
    with pytest.raises(IncoherentDate) as caught:
        services.advance_placement(world.employer_member, placement, State.RETURNED, date(2024, 3, 1))
    assert caught.value.field == "returned_on"
    assert "departure" in str(caught.value.message)
    assert Placement.objects.get(pk=placement.pk).returned_on is None


def test_a_date_in_the_future_is_refused(world: World) -> None:
    placement = offer(world)
    with pytest.raises(IncoherentDate):
        services.accept_offer(world.worker_user, placement, date(2999, 1, 1))


# --- offers -----------------------------------------------------------------------------------------------------------


def test_an_ineligible_worker_is_refused_with_the_reason(world: World) -> None:
    foreigner = WorkerProfileFactory(nationality=Country.objects.get(pk="FRA"))
    with pytest.raises(OfferRefused) as caught:
        offer(world, worker=foreigner)
    assert caught.value.field == "worker"
    assert caught.value.reasons
    assert not Placement.objects.filter(worker=foreigner).exists()


def test_an_over_cap_placement_is_refused_naming_the_cap(world: World) -> None:
    world.scheme.cap_per_season = 1
    world.scheme.save()
    offer(world)
    with pytest.raises(CapReached) as caught:
        offer(world, worker=world.other_worker)
    assert caught.value.field == "cap_per_season"
    assert "(1 workers)" in str(caught.value.message)
    # Another season has its own cap.
    assert offer(world, worker=world.other_worker, season=2025, offered_on=date(2025, 2, 1)).season == 2025


def test_the_origin_cap_and_the_positions_are_caps_too(world: World) -> None:
    SchemeOriginCap.objects.create(scheme=world.scheme, origin_id="PHL", cap=1)
    offer(world)
    with pytest.raises(CapReached) as caught:
        offer(world, worker=world.other_worker)
    assert caught.value.field == "origin_cap"
    world.vacancy.positions = 1
    world.vacancy.save()
    mexican = WorkerProfileFactory(nationality=Country.objects.get(pk="MEX"))
    with pytest.raises(CapReached) as caught:
        offer(world, worker=mexican)
    assert caught.value.field == "positions"


def test_a_declined_offer_frees_its_place_under_the_cap(world: World) -> None:
    world.scheme.cap_per_season = 1
    world.scheme.save()
    services.decline_offer(world.worker_user, offer(world), date(2024, 2, 3))
    assert offer(world, worker=world.other_worker).state == State.OFFERED


def test_an_agency_without_a_valid_licence_cannot_place(world: World) -> None:
    unlicensed = RecruiterFactory(name="No licence (test)")
    expired = RecruiterFactory(name="Expired (test)")
    LicenceFactory(organisation=expired, valid_from=date(2015, 1, 1), valid_to=date(2020, 1, 1))
    for agency in (unlicensed, expired):
        with pytest.raises(OfferRefused) as caught:
            offer(world, recruiter=agency)
        assert caught.value.field == "recruiter"


def test_only_a_published_vacancy_and_only_its_employer_or_officials_offer(world: World) -> None:
    with pytest.raises(PermissionDenied):
        services.offer_placement(world.other_member, world.vacancy, world.worker, OfferDetails(2024, date(2024, 2, 1)))
    draft = VacancyFactory(employer=world.employer, scheme=world.scheme, state="draft")
    with pytest.raises(OfferRefused) as caught:
        services.offer_placement(world.employer_member, draft, world.worker, OfferDetails(2024, date(2024, 2, 1)))
    assert caught.value.field == "vacancy"
    assert services.offer_placement(
        world.official_destination, world.vacancy, world.worker, OfferDetails(2024, date(2024, 2, 1))
    ).pk


def test_a_bad_season_or_due_date_is_refused(world: World) -> None:
    with pytest.raises(DomainError) as caught:
        offer(world, season=24)
    assert caught.value.field == "season"
    with pytest.raises(IncoherentDate) as caught:
        offer(world, due_return_on=date(2024, 1, 1))
    assert caught.value.field == "due_return_on"


def test_a_worker_comes_back_season_after_season_and_can_be_named(world: World) -> None:
    with pytest.raises(OfferRefused) as caught:
        offer(world, named_request=True)
    assert caught.value.field == "named_request"
    assert "not completed a season" in str(caught.value.message)
    through_season(world, offer(world))
    again = offer(world, season=2025, offered_on=date(2025, 1, 15), named_request=True)
    assert again.named_request and again.season == 2025
    assert world.worker.placements.count() == 2


def test_named_requests_are_refused_where_the_scheme_does_not_allow_them(world: World) -> None:
    through_season(world, offer(world))
    world.scheme.named_returning_allowed = False
    world.scheme.save()
    with pytest.raises(OfferRefused) as caught:
        offer(world, season=2025, offered_on=date(2025, 1, 15), named_request=True)
    assert caught.value.field == "named_request"
    assert "does not let employers name" in str(caught.value.message)


# --- contracts --------------------------------------------------------------------------------------------------------


def test_a_substituted_contract_raises_a_flag_with_the_differences(world: World) -> None:
    placement = through_season(world, offer(world), destination={"wage_amount": Decimal("15.00"), "weekly_hours": 55})
    flag = RiskFlag.objects.get(placement=placement, kind=RiskFlag.Kind.CONTRACT_SUBSTITUTION)
    assert flag.organisation == world.employer
    assert flag.details["differences"] == {
        "wage_amount": {"origin": "17.2", "destination": "15"},
        "weekly_hours": {"origin": 40, "destination": 55},
    }
    # A lower wage at destination is deception, one of the ILO indicators.
    assert RiskFlag.objects.filter(placement=placement, indicator=ForcedLabourIndicator.DECEPTION).exists()


def test_a_different_employer_or_occupation_is_substitution_too(world: World) -> None:
    placement = through_season(
        world, offer(world), destination={"employer": world.other_employer, "occupation": occupation("9111")}
    )
    flag = RiskFlag.objects.get(placement=placement, kind=RiskFlag.Kind.CONTRACT_SUBSTITUTION)
    assert set(flag.details["differences"]) == {"employer", "occupation"}
    assert not RiskFlag.objects.filter(placement=placement, indicator=ForcedLabourIndicator.DECEPTION).exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"wage_amount": Decimal("-1")}, "wage_amount"),
        ({"wage_amount": Decimal("0")}, "wage_amount"),
        ({"wage_currency": "XXY"}, "wage_currency"),
        ({"wage_period": "fortnight"}, "wage_period"),
        ({"weekly_hours": 0}, "weekly_hours"),
        ({"weekly_hours": 200}, "weekly_hours"),
        ({"language": "zzz"}, "language"),
        ({"signed_on": date(2024, 1, 1)}, "signed_on"),
        ({"stage": "transit"}, "stage"),
    ],
)
def test_bad_contract_terms_are_refused_naming_the_field(world: World, change: dict[str, object], field: str) -> None:
    placement = offer(world)
    services.accept_offer(world.worker_user, placement, date(2024, 2, 5))
    with pytest.raises(DomainError) as caught:
        origin = {"stage": "origin", "signed_on": date(2024, 2, 20), **change}
        services.record_contract(world.employer_member, placement, terms(world, **origin))  # type: ignore[arg-type]
    assert caught.value.field == field
    assert not Contract.objects.filter(placement=placement).exists()
    assert Placement.objects.get(pk=placement.pk).state == State.ACCEPTED


def test_retained_documents_and_excessive_hours_are_forced_labour_indicators(world: World) -> None:
    placement = through_season(world, offer(world), destination={"retains_documents": True, "weekly_hours": 61})
    indicators = set(
        RiskFlag.objects.filter(placement=placement, kind=RiskFlag.Kind.FORCED_LABOUR).values_list(
            "indicator", flat=True
        )
    )
    assert {ForcedLabourIndicator.RETENTION_OF_DOCUMENTS, ForcedLabourIndicator.EXCESSIVE_OVERTIME} <= indicators


def test_the_legal_weekly_limit_of_the_destination_counts_when_recorded(world: World) -> None:
    from migdev.labour.models import LabourStandard

    LabourStandard.objects.create(
        country_id="CAN",
        valid_from=date(2023, 1, 1),
        minimum_wage=15,
        currency_id="CAD",
        max_weekly_hours=48,
        source="t",
    )
    placement = through_season(world, offer(world), destination={"weekly_hours": 50})
    flag = RiskFlag.objects.get(placement=placement, indicator=ForcedLabourIndicator.EXCESSIVE_OVERTIME)
    assert flag.details["limit"] == 48


def test_domestic_work_gets_the_c189_checks(world: World) -> None:
    domestic = VacancyFactory(employer=world.employer, scheme=world.scheme, isco="9111", written_contract=False)
    # Such a vacancy fails the registry's compliance checks; the placement is made directly to test the flags.
    placement = PlacementFactory(worker=world.worker, vacancy=domestic, state=State.ACCEPTED)
    services.record_contract(
        world.employer_member,
        placement,
        terms(
            world,
            "origin",
            date(2024, 2, 20),
            occupation=domestic.occupation,
            rest_days_per_week=0,
            retains_documents=True,
            language="ara",
        ),
    )
    checks = set(
        RiskFlag.objects.filter(placement=placement, kind=RiskFlag.Kind.C189).values_list("details__check", flat=True)
    )
    assert checks == {
        C189Check.WRITTEN_CONTRACT,
        C189Check.WEEKLY_REST,
        C189Check.DOCUMENTS_KEPT_BY_WORKER,
        C189Check.CONTRACT_LANGUAGE,
    }


def test_other_occupations_get_no_c189_flags(world: World) -> None:
    placement = through_season(world, offer(world), destination={"rest_days_per_week": 0})
    assert not RiskFlag.objects.filter(placement=placement, kind=RiskFlag.Kind.C189).exists()


# --- the ledger -------------------------------------------------------------------------------------------------------


def cost(world: World, **changes: object) -> CostDetails:
    values: dict[str, object] = {
        "category": "recruiter_fee",
        "amount": Decimal("500"),
        "currency": "CAD",
        "paid_by": "worker",
        "paid_on": date(2024, 2, 10),
        "paid_to": world.recruiter,
    }
    values.update(changes)
    return CostDetails(**values)  # type: ignore[arg-type]


def test_a_fee_the_worker_paid_raises_a_flag_against_who_received_it(world: World) -> None:
    placement = offer(world)
    payment = services.record_cost_payment(world.worker_user, placement, cost(world))
    assert payment.reported_by == CostPayment.Reporter.WORKER
    flag = RiskFlag.objects.get(placement=placement, kind=RiskFlag.Kind.WORKER_PAID_FEE)
    assert flag.organisation == world.recruiter
    assert flag.details["total_in_wage_currency"] == "500.00"


def test_costs_the_employer_paid_raise_no_flag_and_reporters_are_told_apart(world: World) -> None:
    placement = offer(world)
    by_recruiter = services.record_cost_payment(world.recruiter_member, placement, cost(world, paid_by="employer"))
    by_inspector = services.record_cost_payment(world.official_destination, placement, cost(world, paid_by="employer"))
    assert (by_recruiter.reported_by, by_inspector.reported_by) == ("recruiter", "inspector")
    assert not RiskFlag.objects.filter(placement=placement).exists()


def test_debt_bondage_when_the_worker_paid_more_than_a_month_of_earnings(world: World) -> None:
    """17.20 CAD/h × 40 h × 52/12 = 2,981.33 CAD a month."""
    placement = offer(world)
    services.record_cost_payment(world.worker_user, placement, cost(world, amount=Decimal("2900")))
    assert not RiskFlag.objects.filter(indicator=ForcedLabourIndicator.DEBT_BONDAGE).exists()
    services.record_cost_payment(world.worker_user, placement, cost(world, amount=Decimal("100"), category="visa"))
    flag = RiskFlag.objects.get(placement=placement, indicator=ForcedLabourIndicator.DEBT_BONDAGE)
    assert flag.details["monthly_earnings"] == "2981.33"
    assert flag.organisation == world.recruiter


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"amount": Decimal("-5")}, "amount"),
        ({"amount": "abc"}, "amount"),
        ({"currency": "ABC"}, "currency"),
        ({"currency": "PHP"}, "amount_in_wage_currency"),
        ({"currency": "PHP", "amount_in_wage_currency": Decimal("-1")}, "amount_in_wage_currency"),
        ({"category": "bribe"}, "category"),
        ({"paid_by": "nobody"}, "paid_by"),
        ({"paid_on": date(2999, 1, 1)}, "paid_on"),
    ],
)
def test_bad_costs_are_refused_naming_the_field(world: World, change: dict[str, object], field: str) -> None:
    placement = offer(world)
    with pytest.raises(DomainError) as caught:
        services.record_cost_payment(world.worker_user, placement, cost(world, **change))
    assert caught.value.field == field
    assert not CostPayment.objects.exists()


def test_a_cost_in_another_currency_carries_its_converted_amount(world: World) -> None:
    placement = offer(world)
    payment = services.record_cost_payment(
        world.worker_user,
        placement,
        cost(world, currency="PHP", amount=Decimal("20000"), amount_in_wage_currency=Decimal("480")),
    )
    assert (payment.currency_id, payment.amount_in_wage_currency) == ("PHP", Decimal("480.00"))


def test_who_may_record_a_cost(world: World) -> None:
    placement = offer(world)
    for stranger in (world.other_member, world.official_other, world.other_worker.user):
        with pytest.raises(PermissionDenied):
            services.record_cost_payment(stranger, placement, cost(world))


# --- grievances and flags ---------------------------------------------------------------------------------------------


def test_a_grievance_raises_its_indicator_and_closing_needs_a_resolution(world: World) -> None:
    placement = offer(world)
    grievance = services.file_grievance(
        world.worker_user, world.worker, world.employer, "withholding_of_wages", "No pay for 2 months", placement
    )
    flag = RiskFlag.objects.get(details__rule=f"grievance:{grievance.pk}")
    assert (flag.indicator, flag.organisation, flag.placement) == ("withholding_of_wages", world.employer, placement)
    assert "worker" not in flag.details
    with pytest.raises(DomainError) as caught:
        services.update_grievance(world.official_origin, grievance, "resolved")
    assert caught.value.field == "resolution"
    services.update_grievance(world.official_destination, grievance, "resolved", "Wages paid after inspection.")
    flag.refresh_from_db()
    assert grievance.resolved_at is not None and flag.resolved_at is not None


def test_a_dismissed_grievance_no_longer_flags(world: World) -> None:
    grievance = services.file_grievance(world.worker_user, world.worker, world.recruiter, "deception", "Lies")
    flag = RiskFlag.objects.get(details__rule=f"grievance:{grievance.pk}")
    assert flag.placement is None and flag.resolved_at is None
    services.update_grievance(world.steward, grievance, "dismissed", "Not substantiated.")
    flag.refresh_from_db()
    assert flag.resolved_at is not None


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"indicator": "rudeness"}, "indicator"),
        ({"description": "  "}, "description"),
        ({"against": "agency"}, "against"),
    ],
)
def test_bad_grievances_are_refused_naming_the_field(world: World, change: dict[str, str], field: str) -> None:
    values = {"indicator": "isolation", "description": "Locked in", "against": "employer"}
    values.update(change)
    against = world.agency if values["against"] == "agency" else world.employer
    with pytest.raises(DomainError) as caught:
        services.file_grievance(world.worker_user, world.worker, against, values["indicator"], values["description"])
    assert caught.value.field == field
    assert not Grievance.objects.exists()


def test_only_the_worker_files_a_grievance_and_only_officials_handle_it(world: World) -> None:
    for someone in (world.employer_member, world.agency_member, world.official_origin, world.other_worker.user):
        with pytest.raises(PermissionDenied):
            services.file_grievance(someone, world.worker, world.employer, "isolation", "x")
    grievance = services.file_grievance(world.worker_user, world.worker, world.employer, "isolation", "x")
    for someone in (world.worker_user, world.employer_member, world.official_other, world.agency_member):
        with pytest.raises(PermissionDenied):
            services.update_grievance(someone, grievance, "investigating")
    assert services.update_grievance(world.official_origin, grievance, "investigating").status == "investigating"


def test_recomputing_flags_is_idempotent(world: World) -> None:
    placement = through_season(world, offer(world), destination={"wage_amount": Decimal("15.00")})
    services.record_cost_payment(world.worker_user, placement, cost(world, amount=Decimal("4000")))
    before = sorted(RiskFlag.objects.values_list("pk", "kind", "indicator", "details"))
    assert services.recompute_flags(world.official_origin, placement) == len(before)
    assert services.recompute_flags(world.steward) == len(before)
    assert sorted(RiskFlag.objects.values_list("pk", "kind", "indicator", "details")) == before


def test_recomputing_brings_back_deleted_flags_and_only_officials_may(world: World) -> None:
    placement = offer(world)
    services.record_cost_payment(world.worker_user, placement, cost(world))
    RiskFlag.objects.all().delete()
    with pytest.raises(PermissionDenied):
        services.recompute_flags(world.employer_member, placement)
    with pytest.raises(PermissionDenied):
        services.recompute_flags(world.official_origin)  # all placements: stewards only
    assert services.recompute_flags(world.official_destination, placement) == 1


def test_a_resolved_flag_stays_resolved_on_recomputation(world: World) -> None:
    placement = offer(world)
    services.record_cost_payment(world.worker_user, placement, cost(world))
    flag = RiskFlag.objects.get()
    with pytest.raises(DomainError) as caught:
        services.resolve_flag(world.official_origin, flag, "")
    assert caught.value.field == "note"
    services.resolve_flag(world.official_origin, flag, "Fee refunded by the agency.")
    services.recompute_flags(world.steward, placement)
    flag.refresh_from_db()
    assert flag.resolved_at is not None and flag.details["note"] == "Fee refunded by the agency."


def test_a_placement_made_directly_can_be_flagged_by_recomputation(world: World) -> None:
    placement = PlacementFactory(worker=world.worker, vacancy=world.vacancy, state=State.CONTRACT_DESTINATION)
    contract_for(placement, "origin")
    contract_for(placement, "destination", weekly_hours=45)
    assert services.recompute_flags(world.steward, placement) == 1
    assert RiskFlag.objects.get().kind == RiskFlag.Kind.CONTRACT_SUBSTITUTION


def test_a_worker_abroad_is_not_available_at_home_and_is_again_after_returning(world: World) -> None:
    """Supply counts available workers: one who departed is abroad, one who returned looks for the next season."""
    placement = offer(world)
    services.accept_offer(world.worker_user, placement, date(2024, 2, 5))
    services.record_contract(world.recruiter_member, placement, terms(world, "origin", date(2024, 2, 20)))
    services.advance_placement(world.recruiter_member, placement, State.DEPARTED, date(2024, 4, 1))
    world.worker.refresh_from_db()
    assert world.worker.is_available is False
    services.advance_placement(world.official_destination, placement, State.ARRIVED, date(2024, 4, 2))
    services.record_contract(world.employer_member, placement, terms(world, "destination", date(2024, 4, 3)))
    services.advance_placement(world.employer_member, placement, State.COMPLETED, date(2024, 9, 30))
    services.advance_placement(world.employer_member, placement, State.RETURNED, date(2024, 10, 2))
    world.worker.refresh_from_db()
    assert world.worker.is_available is True
