"""The end-of-test foreign key check on SQLite looks only at the tables a test touched, and still finds a row
pointing nowhere and a row left pointing at one deleted."""

import pytest
from django.db import IntegrityError, connection, transaction

from migdev.accounts.tests.factories import UserFactory
from migdev.core.models import Country

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL checks every deferred key at no cost"),
]


def test_a_row_pointing_nowhere_is_found() -> None:
    user = UserFactory()
    with pytest.raises(IntegrityError, match="accounts_user_official_countries"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO accounts_user_official_countries (user_id, country_id) VALUES (%s, 'XXX')", [user.pk]
            )
        connection.check_constraints()


def test_a_row_left_pointing_at_a_deleted_one_is_found() -> None:
    official = UserFactory()
    official.official_countries.add(Country.objects.get(pk="CAN"))
    connection.check_constraints()  # nothing wrong so far; the tables touched are forgotten
    with pytest.raises(IntegrityError, match="accounts_user_official_countries"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM core_country WHERE iso3 = 'CAN'")
        connection.check_constraints()


def test_only_the_tables_touched_are_checked() -> None:
    statements: list[str] = []

    def note(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        statements.append(sql)
        return execute(sql, params, many, context)

    UserFactory()
    with connection.execute_wrapper(note):
        connection.check_constraints()
    checked = {sql for sql in statements if sql.startswith("PRAGMA foreign_key_check")}
    assert checked and all("(" in sql for sql in checked), "a whole-database check ran"
    assert 'PRAGMA foreign_key_check("accounts_user")' in checked
