"""Remittance prices: one row per quote (service, period, amount tier), the imports they came from, and the
World Bank's published corridor averages."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from migdev.core.models import UploadRecord


class ProviderType(models.TextChoices):
    BANK = "bank", _("Bank")
    MTO = "mto", _("Money transfer operator")
    POST = "post", _("Post office")
    MOBILE = "mobile", _("Mobile operator")
    OTHER = "other", _("Other")


class Speed(models.TextChoices):
    """RPW's delivery-time classes; all but 'six days or more' arrive within five days (a SmaRT condition)."""

    HOUR = "hour", _("Less than one hour")
    SAME_DAY = "same-day", _("Same day")
    NEXT_DAY = "next-day", _("Next day")
    TWO_DAYS = "2-days", _("2 days")
    THREE_TO_FIVE = "3-5-days", _("3–5 days")
    SIX_PLUS = "6-days", _("6 days or more")
    UNKNOWN = "unknown", _("Not stated")


WITHIN_FIVE_DAYS = (Speed.HOUR, Speed.SAME_DAY, Speed.NEXT_DAY, Speed.TWO_DAYS, Speed.THREE_TO_FIVE)


class PriceImport(models.Model):
    """One loaded file: which schema, its checksum (a file loaded twice is skipped), who loaded it and when."""

    class Schema(models.TextChoices):
        LEGACY = "legacy", _("RPW legacy CSV (2011–2016Q1)")
        WORKBOOK = "workbook", _("RPW workbook (from 2016Q2)")

    file_name = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    schema = models.CharField(_("schema"), max_length=10, choices=Schema.choices)
    periods = models.CharField(_("periods"), max_length=500, help_text=_("the quarters the file holds"))
    quotes = models.PositiveIntegerField(_("quotes"))
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = _("price import")
        verbose_name_plural = _("price imports")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.periods})"


class PriceQuote(models.Model):
    """The price of one service in one corridor and quarter for one amount (USD 200 or 500 in the sending currency).

    Fee %, FX margin and total cost are recomputed from the fee and rates; the published total is kept beside them
    and the indicators use it (as the World Bank does). Rows whose recomputed total differs from the published one
    by more than 0.05 percentage points are flagged, as are negative margins; neither is dropped.
    """

    price_import = models.ForeignKey(PriceImport, on_delete=models.CASCADE, related_name="quotes_set")
    rpw_id = models.PositiveBigIntegerField(_("RPW id"), null=True, blank=True)
    period = models.CharField(_("quarter"), max_length=6, help_text=_("e.g. 2014Q1"))
    sending = models.CharField(_("sending country"), max_length=3, help_text=_("ISO 3166-1 alpha-3"))
    receiving = models.CharField(_("receiving country"), max_length=3, help_text=_("ISO 3166-1 alpha-3"))
    firm = models.CharField(_("provider"), max_length=200)
    firm_type = models.CharField(_("provider type as published"), max_length=120)
    provider_type = models.CharField(_("provider type"), max_length=10, choices=ProviderType.choices)
    instrument = models.CharField(_("product or payment instrument"), max_length=200, blank=True)
    access_point = models.CharField(_("access point"), max_length=200, blank=True)
    pickup_method = models.CharField(_("pickup method"), max_length=200, blank=True)
    speed = models.CharField(_("speed"), max_length=10, choices=Speed.choices)
    coverage = models.CharField(_("receiving network coverage"), max_length=120, blank=True)
    tier = models.PositiveSmallIntegerField(_("amount (USD)"), help_text=_("200 or 500"))
    currency = models.CharField(_("sending currency"), max_length=3)
    amount = models.FloatField(_("amount sent (sending currency)"))
    fee = models.FloatField(_("fee (sending currency)"), null=True, blank=True)
    fx_rate = models.FloatField(_("exchange rate applied"), null=True, blank=True)
    interbank_rate = models.FloatField(_("interbank (mid-market) rate"))
    published_fx_margin = models.FloatField(_("published FX margin (%)"), null=True, blank=True)
    published_total = models.FloatField(_("published total cost (%)"), null=True, blank=True)
    fee_pct = models.FloatField(_("fee (%)"), null=True, blank=True)
    fx_margin = models.FloatField(_("FX margin (%)"), null=True, blank=True)
    total_cost = models.FloatField(_("recomputed total cost (%)"), null=True, blank=True)
    transparent = models.BooleanField(_("transparent"))
    total_mismatch = models.BooleanField(_("recomputed total differs from the published one"), default=False)
    negative_margin = models.BooleanField(_("negative FX margin"), default=False)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("price quote")
        verbose_name_plural = _("price quotes")
        indexes = [
            models.Index(fields=["period", "tier"], name="rem_quote_period_tier"),
            models.Index(fields=["sending", "receiving", "period"], name="rem_quote_corridor"),
            models.Index(fields=["receiving", "period"], name="rem_quote_receiving"),
        ]

    def __str__(self) -> str:
        return f"{self.firm} {self.sending}→{self.receiving} {self.period} USD {self.tier}"

    @property
    def amount_received_usd(self) -> float | None:
        """What the family receives per amount sent, in USD at the mid-market rate: tier × (1 − total cost)."""
        total = self.published_total if self.published_total is not None else self.total_cost
        return None if total is None else self.tier * (1 - total / 100)


class PublishedCorridorAverage(models.Model):
    """The World Bank's own corridor average (DataBank series ATCR.CORR), kept to check ours against."""

    sending = models.CharField(_("sending country"), max_length=3)
    receiving = models.CharField(_("receiving country"), max_length=3)
    period = models.CharField(_("quarter"), max_length=6)
    value = models.FloatField(_("average total cost (%)"))

    class Meta:
        ordering = ["sending", "receiving", "period"]
        verbose_name = _("published corridor average")
        verbose_name_plural = _("published corridor averages")
        constraints = [
            models.UniqueConstraint(fields=["sending", "receiving", "period"], name="rem_published_corridor_unique")
        ]

    def __str__(self) -> str:
        return f"{self.sending}→{self.receiving} {self.period}: {self.value:.2f}"


class PriceUpload(UploadRecord):
    """A price file a steward uploaded, checked and loaded by a background job (`tasks.load_price_upload`), so a
    large workbook never holds a web request and a restart never loses it: queued, checking, loaded or refused."""

    stored_as = models.CharField(_("stored as"), max_length=500, help_text=_("the copy the job reads"))
    price_import = models.ForeignKey(
        PriceImport, verbose_name=_("file loaded"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta(UploadRecord.Meta):
        verbose_name = _("price upload")
        verbose_name_plural = _("price uploads")
