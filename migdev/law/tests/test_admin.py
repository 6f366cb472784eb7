"""The law admin: stewards edit instruments (language tabs) and record treaty actions; other staff may not."""

import pytest
from django.test import Client

from migdev.accounts.models import User
from migdev.accounts.tests.factories import StewardFactory, UserFactory
from migdev.law.models import TreatyAction

pytestmark = pytest.mark.django_db


def admin_client(user: User) -> Client:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.mark.parametrize("model", ["instrument", "treatyaction", "theme", "work"])
def test_stewards_see_the_law_models(model: str) -> None:
    assert admin_client(StewardFactory()).get(f"/en/admin/law/{model}/").status_code == 200


def test_other_staff_do_not_see_the_law_admin() -> None:
    user = UserFactory(is_staff=True)
    assert admin_client(user).get("/en/admin/law/treatyaction/").status_code == 403


def test_instrument_admin_has_language_tabs() -> None:
    page = admin_client(StewardFactory()).get("/en/admin/law/instrument/icrmw/change/").content.decode()
    assert 'name="title_fr"' in page and 'name="title_es"' in page


def test_steward_records_a_treaty_action() -> None:
    response = admin_client(StewardFactory()).post(
        "/en/admin/law/treatyaction/add/",
        {
            "instrument": "ilo_c181",
            "participant": "FRA",
            "country": "FRA",
            "participant_name": "France",
            "action": "ratification",
            "date": "2001-05-01",
            "date_precision": "day",
            "source": "https://example.org/normlex",
            "as_of": "2020",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert TreatyAction.objects.filter(instrument_id="ilo_c181", participant="FRA").exists()
