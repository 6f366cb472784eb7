"""National legislation: Spanish and French laws as Works of their country, one expression per consolidated version,
point in time, versions and differences, links to instruments, amendments by stewards, PDF export, bad input."""

import datetime
import io
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from pypdf import PdfReader

from migdev.accounts.models import User
from migdev.accounts.rules import service_permissions
from migdev.accounts.tests.factories import StewardFactory, UserFactory
from migdev.core.errors import DomainError, ImportFileError, PermissionDenied
from migdev.core.jobs import job_abandoned
from migdev.core.progress import SilentProgress
from migdev.core.tests.slow_jobs import run_waiting_jobs
from migdev.law import profiles
from migdev.law.apps import DATA_DIR
from migdev.law.models import AmendmentUpload, Expression, Implementation, NationalLaw, Work
from migdev.law.services import national as services

pytestmark = pytest.mark.django_db
FOLDER = DATA_DIR / "national"


def law(slug: str) -> NationalLaw:
    return NationalLaw.objects.select_related("work").get(slug=slug)


def test_shipped_laws_are_works_of_their_country_with_one_expression_per_version() -> None:
    spain, france = law("es-lo-4-2000"), law("fr-ceseda-livre-3")
    assert spain.work.country_id == "ESP" and france.work.country_id == "FRA"
    assert spain.work.frbr_uri == "/akn/es/act/lo/2000-01-11/4"
    dates = list(spain.work.expressions.order_by("date").values_list("date", "language"))
    assert dates == [("2000-01-12", "spa"), ("2009-12-12", "spa"), ("2025-03-19", "spa")]
    assert france.work.expressions.filter(language="fra").count() == 3
    assert {t.code for t in spain.themes.all()} >= {"migrant_rights", "trafficking"}


def test_point_in_time_shows_the_text_as_it_stood(client: Client) -> None:
    """LO 4/2000 art. 2 bis (immigration policy) was added by LO 2/2009 (BOE-A-2009-19949)."""
    work_id = law("es-lo-4-2000").work_id
    before = client.get(f"/en/law/documents/{work_id}/?on=2005-06-01").content.decode()
    assert "Text of the version in force from 2000-01-12." in before
    assert "La política inmigratoria" not in before and "Delimitación del ámbito" in before
    after = client.get(f"/en/law/documents/{work_id}/?on=2010-01-01").content.decode()
    assert "Text of the version in force from 2009-12-12." in after and "La política inmigratoria" in after
    assert 'id="art_2bis"' in after and "Artículo 2 bis" in after
    too_early = client.get(f"/en/law/documents/{work_id}/?on=1999-01-01")
    assert too_early.status_code == 404 and "the earliest is dated 2000-01-12" in too_early.content.decode()
    assert client.get(f"/en/law/documents/{work_id}/?on=2010-13-01").status_code == 400


def test_the_api_gives_the_version_on_a_date_and_refuses_bad_dates(client: Client) -> None:
    work_id = law("fr-ceseda-livre-3").work_id
    answer = client.get(f"/api/v1/law/works/{work_id}?on=2024-06-30").json()
    assert answer["version"]["date"] == "2024-01-28" and answer["national_law"]["country"] == "FRA"
    assert answer["work"]["country"] == "FRA"
    bad = client.get(f"/api/v1/law/works/{work_id}?on=yesterday")
    assert bad.status_code == 400 and bad.json()["error"]["field"] == "on"
    assert client.get(f"/api/v1/law/works/{work_id}?on=2020-01-01").status_code == 404
    xml = client.get(f"/api/v1/law/works/{work_id}/akn.xml?on=2021-06-01").content.decode()
    assert "/akn/fr/act/code/2005-01-19/ceseda-livre-3/fra@2021-05-01" in xml


def test_versions_and_diff_of_the_french_book(client: Client) -> None:
    """CESEDA L312-2 was amended in 2024-01-28 and 2025-05-03 (legalize-fr commits' affected articles)."""
    work_id = law("fr-ceseda-livre-3").work_id
    versions = client.get(f"/api/v1/law/works/{work_id}/versions").json()
    assert [(v["date"], v["valid_until"]) for v in versions] == [
        ("2021-05-01", "2024-01-27"),
        ("2024-01-28", "2025-05-02"),
        ("2025-05-03", ""),
    ]
    diff = client.get(f"/api/v1/law/works/{work_id}/diff?from_date=2021-05-01&to_date=2024-01-28").json()
    nums = {c["num"]: c for c in diff["changes"]}
    assert "L312-2" in nums and nums["L312-2"]["change"] == "changed"
    assert {p["kind"] for p in nums["L312-2"]["pieces"]} >= {"same", "ins"}
    assert diff["added"] >= 1 and diff["unchanged"] > 90
    missing = client.get(f"/api/v1/law/works/{work_id}/diff?from_date=2021-05-01&to_date=2030-01-01")
    assert missing.status_code == 404 and missing.json()["error"]["field"] == "to_date"
    page = client.get(f"/en/law/documents/{work_id}/diff/?from_date=2021-05-01&to_date=2024-01-28").content.decode()
    assert "Changes from 2021-05-01 to 2024-01-28" in page and "<ins>" in page
    listing = client.get(f"/en/law/documents/{work_id}/versions/").content.decode()
    assert "2024-01-28" in listing and "in force (latest held)" in listing


def test_a_country_lists_its_laws_and_the_instruments_they_implement(client: Client) -> None:
    laws = client.get("/api/v1/law/countries/ESP/laws").json()
    assert [law["slug"] for law in laws] == ["es-lo-4-2000"]
    links = {i["instrument"]: i for i in laws[0]["implements"]}
    assert links["stateless_1954"]["verified"] and links["stateless_1954"]["provisions"] == "art. 34.1"
    assert not links["untoc_trafficking"]["verified"]
    assert client.get("/api/v1/law/countries/XXX/laws").status_code == 404
    profile = profiles.profile("ESP")
    assert {link.implementation.instrument_id for link in profile.law_links} >= {"refugees_1951", "coe_cets197"}
    html = client.get("/en/law/countries/ESP/").content.decode()
    assert "National laws (1)" in html and "Ley Orgánica 4/2000" in html and "unverified" in html
    compare = client.get("/en/law/compare/?countries=ESP&countries=FRA").content.decode()
    assert "CESEDA Livre III" in compare and "Ley Orgánica 4/2000" in compare
    assert "CESEDA Livre III" in client.get("/en/law/national/").content.decode()


def test_pdf_export_parses_and_holds_the_article_text(client: Client) -> None:
    work_id = law("es-lo-4-2000").work_id
    response = client.get(f"/api/v1/law/works/{work_id}/text.pdf?on=2001-01-01")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Índice" in text and "Artículo 1 — Delimitación del ámbito." in text and "In force from 2000-01-12" in text
    assert "1. Se considera extranjero, a los efectos de la aplicación de la presente Ley" in text
    assert any(o.title.startswith("Título PRELIMINAR") for o in reader.outline if not isinstance(o, list))


def test_every_work_exports_as_pdf_including_treaties(client: Client) -> None:
    treaty = Work.objects.filter(instrument_id="ilo_c097").first()
    assert treaty is not None
    reader = PdfReader(io.BytesIO(client.get(f"/api/v1/law/works/{treaty.pk}/text.pdf").content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Contents" in text and "migrant for employment" in " ".join(text.split())


def test_a_pdf_is_laid_out_once_per_text_and_language(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    from migdev.law import akn_pdf

    laid_out: list[str] = []
    render = akn_pdf.render_pdf

    def counted(root: Any, title: str, facts: list[tuple[str, str]]) -> bytes:
        laid_out.append(facts[1][0])
        return render(root, title, facts)

    monkeypatch.setattr(akn_pdf, "render_pdf", counted)
    work_id = law("es-lo-4-2000").work_id
    url = f"/api/v1/law/works/{work_id}/text.pdf?on=2001-01-01"
    first, again = client.get(url), client.get(url)
    assert first.content == again.content and laid_out == ["In force from"]
    french = client.get(url, HTTP_ACCEPT_LANGUAGE="fr")
    later = client.get(f"/api/v1/law/works/{work_id}/text.pdf?on=2025-06-01")
    assert french.status_code == later.status_code == 200 and later.content != first.content
    assert laid_out[1:] == ["En vigueur à partir du", "In force from"]


@pytest.fixture
def steward() -> User:
    return StewardFactory()


AMENDED_FR = """Livre III : ENTRÉE EN FRANCE

Titre I : CONDITIONS D'ADMISSION

Article L311-1

Pour entrer en France, tout étranger doit être muni d'un visa (texte d'essai).
"""


def test_a_steward_records_an_amendment_as_a_new_expression(steward: User, client: Client) -> None:
    item = law("fr-ceseda-livre-3")
    expression = services.add_amendment(
        steward,
        item,
        date=datetime.date(2026, 1, 1),
        data=AMENDED_FR.encode(),
        text_format="legalize-fr",
        amending_act="Test amendment",
        source="",
    )
    assert expression.frbr_uri.endswith("/fra@2026-01-01") and "Test amendment" in expression.source
    page = client.get(f"/en/law/documents/{item.work_id}/?on=2026-02-01").content.decode()
    assert "(texte d&#x27;essai)" in page or "(texte d'essai)" in page
    with pytest.raises(DomainError, match="already has a version dated 2026-01-01"):
        services.add_amendment(
            steward,
            item,
            date=datetime.date(2026, 1, 1),
            data=AMENDED_FR.encode(),
            text_format="legalize-fr",
            amending_act="Again",
            source="",
        )
    assert service_permissions(services)["add_amendment"] == "law.add_expression"


def test_only_stewards_record_amendments_and_bad_text_writes_nothing(steward: User) -> None:
    item = law("fr-ceseda-livre-3")
    someone = UserFactory()
    kwargs = {"date": datetime.date(2026, 1, 1), "text_format": "legalize-fr", "amending_act": "X", "source": ""}
    with pytest.raises(PermissionDenied):
        services.add_amendment(someone, item, data=AMENDED_FR.encode(), **kwargs)
    count = Expression.objects.count()
    with pytest.raises(DomainError, match="no article found"):
        services.add_amendment(steward, item, data=b"Just words", **kwargs)
    hostile = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><akomaNtoso>&e;</akomaNtoso>'
    with pytest.raises(DomainError, match="DTDs and entity declarations are not accepted"):
        services.add_amendment(steward, item, data=hostile, **{**kwargs, "text_format": "akn"})
    assert Expression.objects.count() == count


@pytest.fixture
def uploads_in_tmp(settings: Any, tmp_path: Path) -> None:
    settings.VAR_DIR = tmp_path / "var"


def amendment_form(text: bytes, date: str = "2026-02-01", name: str = "livre3.txt") -> dict[str, Any]:
    upload = io.BytesIO(text)
    upload.name = name
    return {"date": date, "amending_act": "Loi test", "source": "", "text_format": "legalize-fr", "text": upload}


def test_admin_queues_an_amendment_and_the_job_records_it(steward: User, client: Client, uploads_in_tmp: None) -> None:
    """The upload is queued as a job (the request converts nothing); the worker records the version; the page
    shows the outcome and stops reloading."""
    client.force_login(steward, backend="django.contrib.auth.backends.ModelBackend")
    item = law("fr-ceseda-livre-3")
    changelist = client.get("/en/admin/law/nationallaw/").content.decode()
    assert "CESEDA Livre III" in changelist
    assert "Record an amendment" in client.get(f"/en/admin/law/nationallaw/{item.pk}/change/").content.decode()
    url = f"/en/admin/law/nationallaw/{item.pk}/amend/"
    assert "Record an amendment" in client.get(url).content.decode()
    response = client.post(url, amendment_form(AMENDED_FR.encode()), follow=True)
    page = response.content.decode()
    assert "ivre3.txt is being converted and validated" in page and 'http-equiv="refresh"' in page
    queued = AmendmentUpload.objects.get(law=item)
    assert queued.status == AmendmentUpload.Status.QUEUED and Path(queued.stored_as).is_file()
    assert not item.work.expressions.filter(date="2026-02-01").exists()

    run_waiting_jobs()
    done = AmendmentUpload.objects.get(pk=queued.pk)
    assert done.status == AmendmentUpload.Status.DONE and done.expression is not None
    assert done.expression.date == "2026-02-01" and "Loi test" in done.expression.source
    assert not Path(done.stored_as).exists(), "the uploaded copy is deleted once read"
    page = client.get(url).content.decode()
    assert "Version 2026-02-01 recorded." in page and 'http-equiv="refresh"' not in page


def test_a_refused_amendment_says_why_and_stores_nothing(steward: User, client: Client, uploads_in_tmp: None) -> None:
    client.force_login(steward, backend="django.contrib.auth.backends.ModelBackend")
    item = law("fr-ceseda-livre-3")
    url = f"/en/admin/law/nationallaw/{item.pk}/amend/"
    count = Expression.objects.count()
    client.post(url, amendment_form(b"Just words", name="words.txt"))
    run_waiting_jobs()
    refused = AmendmentUpload.objects.get(file_name="words.txt")
    assert refused.status == AmendmentUpload.Status.FAILED and "no article found" in refused.message
    assert "uploads" not in refused.message and Expression.objects.count() == count
    assert "no article found" in client.get(url).content.decode()
    # a date that already has a version is refused at once, on the form, and nothing is queued
    existing = item.work.expressions.order_by("date").first()
    assert existing is not None
    page = client.post(url, amendment_form(AMENDED_FR.encode(), date=existing.date, name="dup.txt")).content.decode()
    assert "already has a version dated" in page and not AmendmentUpload.objects.filter(file_name="dup.txt").exists()


def _queued_amendment(steward: User, item: NationalLaw) -> AmendmentUpload:
    return services.queue_amendment(
        steward,
        item,
        date=datetime.date(2026, 3, 1),
        chunks=[AMENDED_FR.encode()],
        file_name="x.txt",
        text_format="legalize-fr",
        amending_act="X",
        source="",
    )


def test_an_amendment_whose_worker_died_is_refused_with_a_reason(steward: User, uploads_in_tmp: None) -> None:
    item = law("fr-ceseda-livre-3")
    upload = _queued_amendment(steward, item)
    job_abandoned.send(sender=services.AMENDMENT_JOB, job_id=upload.job_id, args=[upload.pk], kwargs={}, reason="gone")
    upload.refresh_from_db()
    assert upload.status == AmendmentUpload.Status.FAILED and "Upload it again" in upload.message
    with pytest.raises(PermissionDenied):
        services.queue_amendment(
            UserFactory(),
            item,
            date=datetime.date(2026, 3, 2),
            chunks=[b""],
            file_name="y.txt",
            text_format="legalize-fr",
            amending_act="X",
            source="",
        )
    assert service_permissions(services)["queue_amendment"] == "law.add_expression"


def test_an_amendment_that_breaks_unexpectedly_is_refused_not_left_converting(
    steward: User, uploads_in_tmp: None
) -> None:
    from unittest import mock

    item = law("fr-ceseda-livre-3")
    upload = _queued_amendment(steward, item)
    count = Expression.objects.count()
    broken = mock.patch.object(services, "_record_amendment", side_effect=RuntimeError("bug"))
    with broken, pytest.raises(RuntimeError):
        services.run_amendment_upload(upload.pk)
    upload.refresh_from_db()
    assert upload.status == AmendmentUpload.Status.FAILED and "unexpected error" in upload.message
    assert upload.finished_at is not None and Expression.objects.count() == count


def copy_folder(tmp_path: Path) -> Path:
    target = tmp_path / "national"
    shutil.copytree(FOLDER, target)
    return target


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("laws.csv", "ESP,/akn", "XXX,/akn", "laws.csv, row 2, column country: 'XXX' is not a known ISO3 country code"),
        ("laws.csv", "/akn/es/act/lo/2000-01-11/4", "https://example.org/x", "column frbr_uri"),
        ("versions.csv", "es-lo-4-2000,2009-12-12", "es-lo-4-2000,2009-13-12", "row 3, column date"),
        ("versions.csv", "es-lo-4-2000/2000-01-12.md", "../../apps.py", "row 2, column file"),
        ("implements.csv", "stateless_1954", "no_such_treaty", "row 2, column instrument"),
        ("implements.csv", "https://www.boe.es/eli/es/lo/2000/01/11/4", "boe", "column source"),
    ],
)
def test_bad_national_folder_names_the_row_and_writes_nothing(
    tmp_path: Path, file: str, old: str, new: str, message: str
) -> None:
    folder = copy_folder(tmp_path)
    path = folder / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    Implementation.objects.all().delete()
    with pytest.raises(ImportFileError, match=re.escape(message)):
        services.load_national_laws(folder, SilentProgress())
    assert Implementation.objects.count() == 0


def test_a_text_that_is_not_a_law_is_refused_by_file(tmp_path: Path) -> None:
    folder = copy_folder(tmp_path)
    (folder / "es-lo-4-2000" / "2009-12-12.md").write_text("---\ntitle: x\n---\nNada.\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match=r"2009-12-12\.md: no artículo found"):
        services.load_national_laws(folder, SilentProgress())


def test_reimport_is_idempotent() -> None:
    before = Expression.objects.count()
    summary = services.load_national_laws(FOLDER, SilentProgress())
    assert "0 new or changed" in summary and Expression.objects.count() == before


def test_amendments_in_akn_and_in_bluebell_text(steward: User, client: Client) -> None:
    """A steward can upload Akoma Ntoso (here a stored version re-dated) or bluebell structured text."""
    item = law("es-lo-4-2000")
    xml = client.get(f"/api/v1/law/works/{item.work_id}/akn.xml?on=2025-03-19").content.decode()
    redated = xml.replace("2025-03-19", "2026-06-01")
    expression = services.add_amendment(
        steward,
        item,
        date=datetime.date(2026, 6, 1),
        data=redated.encode(),
        text_format="akn",
        amending_act="Re-dated copy",
        source="https://www.boe.es/eli/es/lo/2000/01/11/4",
    )
    assert expression.frbr_uri == "/akn/es/act/lo/2000-01-11/4/spa@2026-06-01"
    with pytest.raises(DomainError, match="are not spa, 2026-07-01"):
        services.add_amendment(
            steward,
            item,
            date=datetime.date(2026, 7, 1),
            data=redated.encode(),
            text_format="akn",
            amending_act="Wrong date",
            source="",
        )
    bluebell = "BODY\nTITLE I - Disposiciones\n  ART 1 - Ámbito\n    Texto de prueba.\n"
    services.add_amendment(
        steward,
        item,
        date=datetime.date(2026, 8, 1),
        data=bluebell.encode(),
        text_format="bluebell",
        amending_act="Prueba",
        source="",
    )
    page = client.get(f"/en/law/documents/{item.work_id}/?on=2026-08-02").content.decode()
    assert "Texto de prueba." in page and "Text of the version in force from 2026-08-01." in page
