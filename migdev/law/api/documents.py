"""Migration law API: documents in Akoma Ntoso (works, expressions) as XML and HTML."""

from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema

from migdev.law import selectors
from migdev.law.akn_html import standalone_html
from migdev.law.models import Work
from migdev.law.selectors import national

router = Router()


class ExpressionOut(Schema):
    frbr_uri: str
    language: str
    date: str
    source: str


class WorkOut(Schema):
    id: int
    frbr_uri: str
    title: str
    doctype: str
    naming_compliant: bool
    instrument: str | None
    country: str | None
    expressions: list[ExpressionOut]


def work_out(item: Work) -> WorkOut:
    return WorkOut(
        id=item.pk,
        frbr_uri=item.frbr_uri,
        title=item.title,
        doctype=item.doctype,
        naming_compliant=item.naming_compliant,
        instrument=item.instrument_id,
        country=item.country_id,
        expressions=[
            ExpressionOut(frbr_uri=e.frbr_uri, language=e.language, date=e.date, source=e.source)
            for e in item.expressions.all()
        ],
    )


@router.get("/works", response=list[WorkOut], summary="Documents in Akoma Ntoso (instrument texts and imported AKN)")
def list_works(request: HttpRequest) -> list[WorkOut]:
    return [work_out(w) for w in selectors.works()]


@router.get("/works/{work_id}/akn.xml", summary="A document as Akoma Ntoso 3.0 XML (schema-valid)")
def work_akn(request: HttpRequest, work_id: int, language: str = "eng", on: str | None = None) -> HttpResponse:
    found = national.expression_on(selectors.work(work_id), national.parse_on(on), language)
    response = HttpResponse(found.xml, content_type="application/akn+xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="work-{work_id}-{found.language}.akn.xml"'
    return response


@router.get("/works/{work_id}/text.html", summary="A document as a standalone HTML page with a table of contents")
def work_html(request: HttpRequest, work_id: int, language: str = "eng", on: str | None = None) -> HttpResponse:
    item = selectors.work(work_id)
    found = national.expression_on(item, national.parse_on(on), language)
    page = standalone_html(item.title, selectors.rendered(found), found.language[:2])
    return HttpResponse(page, content_type="text/html; charset=utf-8")
