"""The registry API's schemas: worker profiles, vacancies, invitations, schemes, licences, labour standards.

Input fields take their limits (length, integer range, decimal digits) from the model field they fill.
"""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from ninja import Field, Schema

from migdev.core.input_limits import column
from migdev.core.models import Country, EscoOccupation, EscoSkill, IscoGroup, Language
from migdev.labour.models import (
    Consent,
    LabourStandard,
    RecruiterLicence,
    Scheme,
    SchemeOriginCap,
    Vacancy,
    VacancyCostTerm,
    WorkerOccupation,
    WorkerProfile,
)

CountryCode = Annotated[str, column(Country, "iso3")]
LanguageCode = Annotated[str, column(Language, "code")]
OccupationUri = Annotated[str, column(EscoOccupation, "uri")]
SkillUri = Annotated[str, column(EscoSkill, "uri")]


class LanguageLevelIO(Schema):
    language: LanguageCode
    level: Annotated[str, Field(max_length=2)]


class OccupationIO(Schema):
    esco: OccupationUri
    years_experience: Annotated[int, column(WorkerOccupation, "years_experience")] = 0


class WorkerIn(Schema):
    sex: Annotated[str, column(WorkerProfile, "sex")]
    nationality: CountryCode
    residence: CountryCode
    date_of_birth: date | None = None
    education: Annotated[int | None, column(WorkerProfile, "education")] = None
    available_from: date | None = None
    available_to: date | None = None
    is_available: bool = True
    preferred_destinations: list[CountryCode] = []
    preferred_schemes: list[Annotated[str, column(Scheme, "code")]] = []
    sending_agency: Annotated[int | None, column(WorkerProfile, "sending_agency")] = None
    languages: list[LanguageLevelIO] = []
    occupations: list[OccupationIO] = []
    skills: list[SkillUri] = []


class WorkerOccupationOut(Schema):
    esco: str
    label: str
    isco: str
    years_experience: int


class PseudonymousOut(Schema):
    pseudonym: str
    region: str
    education: int | None
    occupations: list[WorkerOccupationOut]
    skills: list[str]
    languages: list[LanguageLevelIO]
    full: bool = False


class ConsentOut(Schema):
    purpose: str
    organisation: str | None
    given_at: datetime
    withdrawn_at: datetime | None


class WorkerOut(PseudonymousOut):
    name: str
    email: str
    sex: str
    date_of_birth: date | None
    nationality: str
    residence: str
    available_from: date | None
    available_to: date | None
    is_available: bool
    preferred_destinations: list[str]
    preferred_schemes: list[str]
    sending_agency: int | None
    registered_on: date
    erased_at: datetime | None
    consents: list[ConsentOut]


class ConsentIn(Schema):
    purpose: Annotated[str, column(Consent, "purpose")]


class SkillIO(Schema):
    esco: SkillUri
    essential: bool = True


class CostTermIO(Schema):
    category: Annotated[str, column(VacancyCostTerm, "category")]
    payer: Annotated[str, column(VacancyCostTerm, "payer")]
    amount: Annotated[Decimal | None, column(VacancyCostTerm, "amount")] = None
    currency: Annotated[str | None, column(VacancyCostTerm, "currency")] = None


class VacancyIn(Schema):
    employer: Annotated[int | None, column(Vacancy, "employer")] = None
    title: Annotated[str, column(Vacancy, "title")]
    occupation: OccupationUri
    destination: CountryCode
    place: Annotated[str, column(Vacancy, "place")]
    positions: Annotated[int, column(Vacancy, "positions")]
    wage_amount: Annotated[Decimal, column(Vacancy, "wage_amount")]
    wage_currency: Annotated[str, column(Vacancy, "wage_currency")]
    wage_period: Annotated[str, column(Vacancy, "wage_period")]
    weekly_hours: Annotated[int, column(Vacancy, "weekly_hours")]
    contract_months: Annotated[int, column(Vacancy, "contract_months")]
    start_date: date
    rest_days_per_week: Annotated[int, column(Vacancy, "rest_days_per_week")] = 1
    scheme: Annotated[str | None, column(Scheme, "code")] = None
    recruiter: Annotated[int | None, column(Vacancy, "recruiter")] = None
    min_education: Annotated[int | None, column(Vacancy, "min_education")] = None
    min_experience_years: Annotated[int, column(Vacancy, "min_experience_years")] = 0
    contract_languages: list[LanguageCode] = []
    written_contract: bool = True
    retains_documents: bool = False
    housing_terms: str = ""
    travel_terms: str = ""
    skills: list[SkillIO] | None = None
    languages: list[LanguageLevelIO] = []
    cost_terms: list[CostTermIO] | None = None


class VacancyOut(Schema):
    id: int
    state: str
    employer: int
    employer_name: str
    title: str
    occupation: str
    occupation_label: str
    isco: str
    destination: str
    place: str
    positions: int
    wage_amount: Decimal
    wage_currency: str
    wage_period: str
    weekly_hours: int
    rest_days_per_week: int
    contract_months: int
    start_date: date
    scheme: str | None
    recruiter: int | None
    min_education: int | None
    min_experience_years: int
    contract_languages: list[str]
    written_contract: bool
    retains_documents: bool
    housing_terms: str
    travel_terms: str
    skills: list[SkillIO]
    languages: list[LanguageLevelIO]
    cost_terms: list[CostTermIO]


class FailureOut(Schema):
    code: str
    field: str
    message: str


class ComplianceOut(Schema):
    compliant: bool
    failures: list[FailureOut]


class ReasonOut(Schema):
    code: str
    message: str


class EligibilityOut(Schema):
    eligible: bool
    reasons: list[ReasonOut]


class VacancyForWorkerOut(Schema):
    vacancy: VacancyOut
    eligible: bool
    reasons: list[ReasonOut]


class CandidateOut(Schema):
    profile: PseudonymousOut
    essential_held: int
    essential_total: int
    coverage: float
    invitation: str


class InvitationIn(Schema):
    worker: Annotated[str, column(WorkerProfile, "pseudonym")]
    message: str = ""


class InvitationOut(Schema):
    id: int
    vacancy: int
    vacancy_title: str
    employer_name: str
    worker: str
    status: str
    message: str
    created_at: datetime
    answered_at: datetime | None


class SchemeIn(Schema):
    code: Annotated[str, column(Scheme, "code")]
    name: Annotated[str, column(Scheme, "name")]
    kind: Annotated[str, column(Scheme, "kind")]
    destination: CountryCode
    eligible_origins: list[CountryCode]
    description: str = ""
    agreement: Annotated[int | None, column(Scheme, "agreement")] = None
    eligible_occupations: list[Annotated[str, column(IscoGroup, "code")]] = []
    season_start_month: Annotated[int | None, column(Scheme, "season_start_month")] = None
    season_end_month: Annotated[int | None, column(Scheme, "season_end_month")] = None
    max_stay_months: Annotated[int | None, column(Scheme, "max_stay_months")] = None
    max_stay_window_months: Annotated[int | None, column(Scheme, "max_stay_window_months")] = None
    min_weekly_hours: Annotated[int | None, column(Scheme, "min_weekly_hours")] = None
    cap_per_season: Annotated[int | None, column(Scheme, "cap_per_season")] = None
    origin_caps: dict[CountryCode, Annotated[int, column(SchemeOriginCap, "cap")]] = {}
    cooling_off_days: Annotated[int, column(Scheme, "cooling_off_days")] = 0
    named_returning_allowed: bool = False
    employer_pays_travel: bool = True
    cost_sharing_notes: str = ""
    source_url: Annotated[str, column(Scheme, "source_url")] = ""
    is_active: bool = True


class SchemeOut(SchemeIn):
    id: int


class LicenceIn(Schema):
    issuing_country: CountryCode
    number: Annotated[str, column(RecruiterLicence, "number")]
    valid_from: date
    valid_to: date
    certification: Annotated[str, column(RecruiterLicence, "certification")] = "none"
    certification_expires: date | None = None


class LicenceOut(Schema):
    number: str
    issuing_country: str
    valid_from: date
    valid_to: date
    certification: str
    certification_expires: date | None


class RecruiterOut(Schema):
    organisation: int
    may_place: bool
    reasons: list[str]
    licences: list[LicenceOut]


class PoolMemberOut(Schema):
    profile: PseudonymousOut
    may_edit: bool


class Done(Schema):
    done: bool


class StandardIn(Schema):
    country: CountryCode
    valid_from: date
    source: Annotated[str, column(LabourStandard, "source")]
    minimum_wage: Annotated[Decimal | None, column(LabourStandard, "minimum_wage")] = None
    currency: Annotated[str | None, column(LabourStandard, "currency")] = None
    wage_period: Annotated[str, column(LabourStandard, "wage_period")] = "hour"
    max_weekly_hours: Annotated[int | None, column(LabourStandard, "max_weekly_hours")] = None
    source_url: Annotated[str, column(LabourStandard, "source_url")] = ""
    verified: bool = False


class StandardOut(StandardIn):
    id: int
    country_name: str
    in_force: bool
