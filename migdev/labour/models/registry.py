"""Tables of the labour registry: code lists, recruiter licences, schemes, agreements and standards, worker
profiles and consents, vacancies and invitations."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from migdev.accounts.models import Organisation
from migdev.core.models import Country, Currency, EscoOccupation, EscoSkill, IscoGroup, Language, Sex


class Cefr(models.IntegerChoices):
    """Common European Framework of Reference levels, ordered so that a higher number is a higher level."""

    A1 = 1, "A1"
    A2 = 2, "A2"
    B1 = 3, "B1"
    B2 = 4, "B2"
    C1 = 5, "C1"
    C2 = 6, "C2"


class Isced(models.IntegerChoices):
    """ISCED 2011 levels of education."""

    EARLY = 0, _("Early childhood education")
    PRIMARY = 1, _("Primary education")
    LOWER_SECONDARY = 2, _("Lower secondary education")
    UPPER_SECONDARY = 3, _("Upper secondary education")
    POST_SECONDARY = 4, _("Post-secondary non-tertiary education")
    SHORT_TERTIARY = 5, _("Short-cycle tertiary education")
    BACHELOR = 6, _("Bachelor's or equivalent")
    MASTER = 7, _("Master's or equivalent")
    DOCTORAL = 8, _("Doctoral or equivalent")


class WagePeriod(models.TextChoices):
    HOUR = "hour", _("per hour")
    WEEK = "week", _("per week")
    MONTH = "month", _("per month")
    YEAR = "year", _("per year")


class CostCategory(models.TextChoices):
    """Recruitment fees and related costs, after the ILO's General principles and operational guidelines (2019)."""

    RECRUITER_FEE = "recruiter_fee", _("Recruitment agency fee")
    TRAVEL = "travel", _("Travel (round trip)")
    VISA = "visa", _("Visa and work permit")
    MEDICAL = "medical", _("Medical examination")
    DOCUMENTS = "documents", _("Documents (passport, certificates)")
    TRAINING = "training", _("Pre-departure training and orientation")
    SKILLS_TEST = "skills_test", _("Skills and language tests")
    INSURANCE = "insurance", _("Insurance")
    LODGING = "lodging", _("Lodging before departure")
    OTHER = "other", _("Other cost")


class Payer(models.TextChoices):
    EMPLOYER = "employer", _("Employer")
    WORKER = "worker", _("Worker")
    RECRUITER = "recruiter", _("Recruitment agency")
    GOVERNMENT = "government", _("Government")


# ---------------------------------------------------------------------------------------------------------------------
# Actors


class RecruiterLicence(models.Model):
    """A recruitment agency's licence and ethical-recruitment certification; an expired licence blocks placements."""

    class Certification(models.TextChoices):
        NONE = "none", _("None")
        APPLIED = "applied", _("Applied")
        CERTIFIED = "certified", _("Certified")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="recruiter_licences")
    number = models.CharField(_("licence number"), max_length=60)
    issuing_country = models.ForeignKey(
        Country, verbose_name=_("issuing country"), on_delete=models.PROTECT, related_name="+"
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"))
    certification = models.CharField(
        _("ethical recruitment certification (e.g. IRIS)"),
        max_length=10,
        choices=Certification.choices,
        default=Certification.NONE,
    )
    certification_expires = models.DateField(_("certification expires"), null=True, blank=True)

    class Meta:
        ordering = ["organisation", "-valid_to"]
        verbose_name = _("recruitment licence")
        verbose_name_plural = _("recruitment licences")
        constraints = [models.UniqueConstraint(fields=["issuing_country", "number"], name="uniq_licence_number")]

    def __str__(self) -> str:
        return f"{self.organisation} {self.number}"


# ---------------------------------------------------------------------------------------------------------------------
# Schemes


class LabourAgreement(models.Model):
    """A bilateral labour agreement or memorandum of understanding between an origin and a destination country."""

    class Kind(models.TextChoices):
        BLA = "bla", _("Bilateral labour agreement")
        MOU = "mou", _("Memorandum of understanding")

    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=3, choices=Kind.choices)
    destination = models.ForeignKey(Country, verbose_name=_("destination"), on_delete=models.PROTECT, related_name="+")
    origins = models.ManyToManyField(Country, verbose_name=_("origin countries"), related_name="+")
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    source_url = models.URLField(_("source"), blank=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("labour agreement")
        verbose_name_plural = _("labour agreements")

    def __str__(self) -> str:
        return self.title


class Scheme(models.Model):
    """A labour migration scheme of a destination country: who may come, for which work, when, how long, how many."""

    class Kind(models.TextChoices):
        SEASONAL = "seasonal", _("Seasonal")
        TEMPORARY = "temporary", _("Temporary")
        CIRCULAR = "circular", _("Circular")
        LONG_TERM = "long_term", _("Long-term")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    destination = models.ForeignKey(
        Country, verbose_name=_("destination"), on_delete=models.PROTECT, related_name="labour_schemes"
    )
    agreement = models.ForeignKey(
        LabourAgreement,
        verbose_name=_("agreement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="schemes",
    )
    eligible_origins = models.ManyToManyField(Country, verbose_name=_("eligible origin countries"), related_name="+")
    eligible_occupations = models.ManyToManyField(  # type: ignore[var-annotated]
        IscoGroup, verbose_name=_("eligible occupations (ISCO-08 groups, any level)"), blank=True, related_name="+"
    )
    season_start_month = models.PositiveSmallIntegerField(_("season starts (month)"), null=True, blank=True)
    season_end_month = models.PositiveSmallIntegerField(_("season ends (month)"), null=True, blank=True)
    max_stay_months = models.PositiveSmallIntegerField(_("maximum stay (months)"), null=True, blank=True)
    max_stay_window_months = models.PositiveSmallIntegerField(
        _("in any period of (months)"), null=True, blank=True, help_text=_("E.g. 7 months in any 11.")
    )
    min_weekly_hours = models.PositiveSmallIntegerField(_("minimum weekly hours"), null=True, blank=True)
    cap_per_season = models.PositiveIntegerField(_("cap per season"), null=True, blank=True)
    cooling_off_days = models.PositiveSmallIntegerField(_("cooling-off period (days)"), default=0)
    named_returning_allowed = models.BooleanField(_("employers may name returning workers"), default=False)
    employer_pays_travel = models.BooleanField(_("employer pays round-trip travel"), default=True)
    cost_sharing_notes = models.TextField(_("cost-sharing rules"), blank=True)
    source_url = models.URLField(_("source of the rules"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("scheme")
        verbose_name_plural = _("schemes")

    def __str__(self) -> str:
        return self.name

    @property
    def country(self) -> Country:
        """The country whose officials manage the scheme (for the object-level rules)."""
        return self.destination

    @property
    def country_id(self) -> str:
        return self.destination_id


class SchemeOriginCap(models.Model):
    """The most workers one origin country may send under a scheme in one season."""

    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="origin_caps")
    origin = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+")
    cap = models.PositiveIntegerField(_("cap per season"))

    class Meta:
        verbose_name = _("origin cap")
        verbose_name_plural = _("origin caps")
        constraints = [models.UniqueConstraint(fields=["scheme", "origin"], name="uniq_scheme_origin_cap")]


class LabourStandard(models.Model):
    """A destination's minimum wage and legal working-hours limit, with its source and date; stewards maintain it."""

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="labour_standards")
    valid_from = models.DateField(_("valid from"))
    minimum_wage = models.DecimalField(_("minimum wage"), max_digits=12, decimal_places=2, null=True, blank=True)
    currency = models.ForeignKey(Currency, on_delete=models.PROTECT, related_name="+", null=True, blank=True)
    wage_period = models.CharField(_("wage period"), max_length=5, choices=WagePeriod.choices, default=WagePeriod.HOUR)
    max_weekly_hours = models.PositiveSmallIntegerField(_("legal maximum weekly hours"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300)
    source_url = models.URLField(_("source URL"), blank=True)
    verified = models.BooleanField(_("verified against the source"), default=False)

    class Meta:
        ordering = ["country", "-valid_from"]
        verbose_name = _("labour standard")
        verbose_name_plural = _("labour standards")

    def __str__(self) -> str:
        return f"{self.country} {self.valid_from}"


# ---------------------------------------------------------------------------------------------------------------------
# Workers


class WorkerProfile(models.Model):
    """A migrant worker's profile, owned by the worker; employers see a pseudonym until an invitation is accepted."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="worker_profile")
    pseudonym = models.CharField(_("pseudonym"), max_length=12, unique=True)
    sex = models.ForeignKey(Sex, verbose_name=_("sex"), on_delete=models.PROTECT, related_name="+")
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    nationality = models.ForeignKey(Country, verbose_name=_("nationality"), on_delete=models.PROTECT, related_name="+")
    residence = models.ForeignKey(
        Country, verbose_name=_("country of residence"), on_delete=models.PROTECT, related_name="+"
    )
    education = models.PositiveSmallIntegerField(
        _("education (ISCED level)"), choices=Isced.choices, null=True, blank=True
    )
    available_from = models.DateField(_("available from"), null=True, blank=True)
    available_to = models.DateField(_("available until"), null=True, blank=True)
    preferred_destinations = models.ManyToManyField(
        Country, verbose_name=_("preferred destinations"), blank=True, related_name="+"
    )
    preferred_schemes = models.ManyToManyField(  # type: ignore[var-annotated]
        Scheme, verbose_name=_("preferred schemes"), blank=True, related_name="+"
    )
    sending_agency = models.ForeignKey(
        Organisation,
        verbose_name=_("sending agency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="worker_pool",
    )
    is_available = models.BooleanField(_("looking for work"), default=True)
    registered_on = models.DateField(_("registered on"))
    erased_at = models.DateTimeField(_("erased at"), null=True, blank=True)

    class Meta:
        verbose_name = _("worker profile")
        verbose_name_plural = _("worker profiles")

    def __str__(self) -> str:
        return self.pseudonym

    @property
    def country_id(self) -> str:
        """Officials of the worker's country of nationality see this record (object-level rules)."""
        return self.nationality_id


class WorkerLanguage(models.Model):
    worker = models.ForeignKey(WorkerProfile, on_delete=models.CASCADE, related_name="languages")
    language = models.ForeignKey(Language, on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(_("CEFR level"), choices=Cefr.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["worker", "language"], name="uniq_worker_language")]


class WorkerOccupation(models.Model):
    worker = models.ForeignKey(WorkerProfile, on_delete=models.CASCADE, related_name="occupations")
    occupation = models.ForeignKey(EscoOccupation, on_delete=models.PROTECT, related_name="+")
    years_experience = models.PositiveSmallIntegerField(_("years of experience"), default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["worker", "occupation"], name="uniq_worker_occupation")]


class WorkerSkill(models.Model):
    worker = models.ForeignKey(WorkerProfile, on_delete=models.CASCADE, related_name="skills")
    skill = models.ForeignKey(EscoSkill, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["worker", "skill"], name="uniq_worker_skill")]


class Consent(models.Model):
    """A worker's consent for a purpose, with when it was given and withdrawn."""

    class Purpose(models.TextChoices):
        MATCHING = "matching", _("Be matched with vacancies")
        AGENCY_EDIT = "agency_edit", _("Let my sending agency edit my profile")
        SHARE_WITH_EMPLOYER = "share_employer", _("Share my full profile with an employer who invited me")
        STATISTICS = "statistics", _("Count me in anonymous statistics")

    worker = models.ForeignKey(WorkerProfile, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    given_at = models.DateTimeField(_("given at"))
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        ordering = ["-given_at"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")


# ---------------------------------------------------------------------------------------------------------------------
# Vacancies


class Vacancy(models.Model):
    """A job offer of an employer, for a number of positions, under a scheme or not."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        PUBLISHED = "published", _("Published")
        FILLED = "filled", _("Filled")
        CLOSED = "closed", _("Closed")

    employer = models.ForeignKey(
        Organisation, verbose_name=_("employer"), on_delete=models.PROTECT, related_name="vacancies"
    )
    title = models.CharField(_("title"), max_length=200)
    occupation = models.ForeignKey(
        EscoOccupation, verbose_name=_("ESCO occupation"), on_delete=models.PROTECT, related_name="+"
    )
    isco_group = models.ForeignKey(
        IscoGroup, verbose_name=_("ISCO-08 unit group"), on_delete=models.PROTECT, related_name="+"
    )
    destination = models.ForeignKey(
        Country, verbose_name=_("destination country"), on_delete=models.PROTECT, related_name="+"
    )
    place = models.CharField(_("place of work"), max_length=200)
    positions = models.PositiveIntegerField(_("positions"))
    wage_amount = models.DecimalField(_("wage"), max_digits=12, decimal_places=2)
    wage_currency = models.ForeignKey(Currency, verbose_name=_("currency"), on_delete=models.PROTECT, related_name="+")
    wage_period = models.CharField(_("wage period"), max_length=5, choices=WagePeriod.choices)
    weekly_hours = models.PositiveSmallIntegerField(_("weekly hours"))
    rest_days_per_week = models.PositiveSmallIntegerField(_("rest days per week"), default=1)
    contract_months = models.PositiveSmallIntegerField(_("contract length (months)"))
    start_date = models.DateField(_("start date"))
    scheme = models.ForeignKey(
        Scheme, verbose_name=_("scheme"), null=True, blank=True, on_delete=models.PROTECT, related_name="vacancies"
    )
    recruiter = models.ForeignKey(
        Organisation,
        verbose_name=_("recruitment agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="recruited_vacancies",
        help_text=_("The licensed agency recruiting for this vacancy, if any."),
    )
    min_education = models.PositiveSmallIntegerField(
        _("minimum education (ISCED)"), choices=Isced.choices, null=True, blank=True
    )
    min_experience_years = models.PositiveSmallIntegerField(_("minimum experience (years)"), default=0)
    contract_languages = models.ManyToManyField(Language, verbose_name=_("contract languages"), related_name="+")
    written_contract = models.BooleanField(_("written contract"), default=True)
    retains_documents = models.BooleanField(_("employer keeps the worker's identity documents"), default=False)
    housing_terms = models.TextField(_("housing terms"), blank=True)
    travel_terms = models.TextField(_("travel terms"), blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("filled or closed at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")

    def __str__(self) -> str:
        return self.title

    @property
    def organisation_id(self) -> int:
        return self.employer_id

    @property
    def country_id(self) -> str:
        return self.destination_id


class VacancySkill(models.Model):
    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="skills")
    skill = models.ForeignKey(EscoSkill, on_delete=models.PROTECT, related_name="+")
    essential = models.BooleanField(_("essential"), default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["vacancy", "skill"], name="uniq_vacancy_skill")]


class VacancyLanguage(models.Model):
    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="languages")
    language = models.ForeignKey(Language, on_delete=models.PROTECT, related_name="+")
    min_level = models.PositiveSmallIntegerField(_("minimum CEFR level"), choices=Cefr.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["vacancy", "language"], name="uniq_vacancy_language")]


class VacancyCostTerm(models.Model):
    """Who pays one recruitment cost item under the vacancy's terms (the Employer Pays Principle wants the employer)."""

    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="cost_terms")
    category = models.CharField(_("cost"), max_length=20, choices=CostCategory.choices)
    payer = models.CharField(_("paid by"), max_length=10, choices=Payer.choices)
    amount = models.DecimalField(_("expected amount"), max_digits=12, decimal_places=2, null=True, blank=True)
    currency = models.ForeignKey(Currency, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["vacancy", "category"], name="uniq_vacancy_cost_term")]


class Invitation(models.Model):
    """An employer invites a (pseudonymous) worker to a vacancy; accepting reveals the worker's profile to it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="invitations")
    worker = models.ForeignKey(WorkerProfile, on_delete=models.CASCADE, related_name="invitations")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["vacancy", "worker"], name="uniq_invitation")]
