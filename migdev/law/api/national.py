"""Migration law API: national legislation (a country's laws), a document on a date, its versions, the changes
between two versions, and PDF export of any document."""

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field

from migdev.law import profiles, selectors
from migdev.law.akn_pdf import document_pdf
from migdev.law.api.documents import ExpressionOut, WorkOut, work_out
from migdev.law.models import Expression, NationalLaw
from migdev.law.selectors import national

router = Router()


class ImplementationOut(Schema):
    instrument: str
    instrument_title: str
    provisions: str
    source: str
    verified: bool
    note: str


class NationalLawOut(Schema):
    slug: str
    short_title: str
    country: str
    work: WorkOut
    themes: list[str]
    source_url: str
    licence: str
    implements: list[ImplementationOut]


class WorkOnDateOut(Schema):
    work: WorkOut
    on: str | None = Field(description="The date asked (YYYY-MM-DD), or null for the latest version")
    version: ExpressionOut = Field(description="The expression that stood on that date")
    national_law: NationalLawOut | None


class VersionOut(ExpressionOut):
    valid_until: str = Field(description="The day before the next version; empty for the latest held")


class PieceOut(Schema):
    kind: str = Field(description="same, ins (added words) or del (removed words)")
    text: str


class ArticleChangeOut(Schema):
    num: str
    heading: str
    change: str = Field(description="added, removed or changed")
    pieces: list[PieceOut]


class DiffOut(Schema):
    work_id: int
    from_date: str
    to_date: str
    changed: int
    added: int
    removed: int
    unchanged: int
    changes: list[ArticleChangeOut]


class DiffQuery(Schema):
    from_date: str = Field(description="Date of the older version (YYYY-MM-DD)")
    to_date: str = Field(description="Date of the newer version (YYYY-MM-DD)")


def expression_out(item: Expression) -> ExpressionOut:
    return ExpressionOut(frbr_uri=item.frbr_uri, language=item.language, date=item.date, source=item.source)


def law_out(item: NationalLaw) -> NationalLawOut:
    return NationalLawOut(
        slug=item.slug,
        short_title=item.short_title,
        country=item.work.country_id or "",
        work=work_out(item.work),
        themes=[t.code for t in item.themes.all()],
        source_url=item.source_url,
        licence=item.licence,
        implements=[
            ImplementationOut(
                instrument=i.instrument_id,
                instrument_title=i.instrument.short_title,
                provisions=i.provisions,
                source=i.source,
                verified=i.verified,
                note=i.note,
            )
            for i in item.implementations.all()
        ],
    )


@router.get("/countries/{code}/laws", response=list[NationalLawOut], summary="A country's national laws")
def country_laws(request: HttpRequest, code: str) -> list[NationalLawOut]:
    """The national laws MigDev holds for a country (ISO3), with subjects and the instruments they implement."""
    who = profiles.participant(code)
    return [law_out(law) for law in national.country_laws(who.code)]


@router.get("/works/{work_id}", response=WorkOnDateOut, summary="A document and the version in force on a date")
def work_on(request: HttpRequest, work_id: int, on: str | None = None, language: str = "") -> WorkOnDateOut:
    """Point in time: `on=YYYY-MM-DD` gives the latest version dated on or before that day (404 if none)."""
    item = selectors.work(work_id)
    found = national.expression_on(item, national.parse_on(on), language)
    law = national.national_law(item)
    return WorkOnDateOut(
        work=work_out(item), on=on, version=expression_out(found), national_law=law_out(law) if law else None
    )


@router.get("/works/{work_id}/versions", response=list[VersionOut], summary="The versions of a document")
def work_versions(request: HttpRequest, work_id: int) -> list[VersionOut]:
    """Every expression of the document, oldest first, with the day before the next version."""
    return [
        VersionOut(**expression_out(v.expression).dict(), valid_until=v.valid_until)
        for v in national.versions(selectors.work(work_id))
    ]


@router.get("/works/{work_id}/diff", response=DiffOut, summary="What changed between two versions")
def work_diff(request: HttpRequest, work_id: int, query: Query[DiffQuery]) -> DiffOut:
    """Articles added, removed and changed (matched by number), with the words added and removed."""
    found = national.diff(selectors.work(work_id), query.from_date, query.to_date)
    return DiffOut(
        work_id=work_id,
        from_date=query.from_date,
        to_date=query.to_date,
        changed=found.count_changed,
        added=found.count_added,
        removed=found.count_removed,
        unchanged=found.unchanged,
        changes=[
            ArticleChangeOut(
                num=c.num,
                heading=c.heading,
                change=c.change,
                pieces=[PieceOut(kind=p.kind, text=p.text) for p in c.pieces],
            )
            for c in found.changes
        ],
    )


@router.get("/works/{work_id}/text.pdf", summary="A document as PDF (contents with page numbers, bookmarks)")
def work_pdf(request: HttpRequest, work_id: int, on: str | None = None, language: str = "") -> HttpResponse:
    item = selectors.work(work_id)
    found = national.expression_on(item, national.parse_on(on), language)
    facts = [
        (_("Expression"), found.frbr_uri),
        (_("In force from"), found.date),
        (_("Source"), found.source or item.frbr_uri),
    ]
    pdf = document_pdf(found.xml, item.title, facts)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="work-{work_id}-{found.language}-{found.date}.pdf"'
    return response
