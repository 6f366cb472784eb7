"""The 2017 bilateral remittance matrix in the statistics store (ref area = receiving, counterpart = sending)."""

import pytest

from migdev.stats.models import Observation
from migdev.stats.selectors import bilateral_values

pytestmark = pytest.mark.django_db


def test_reference_values_of_the_matrix() -> None:
    """World Bank/KNOMAD, Bilateral Remittance Estimates for 2017 (April 2018): USA -> Mexico 30,019;
    UAE -> India 13,823; USA -> Philippines 11,099 (US$ millions)."""
    flows = bilateral_values("remittance-flow-2017", "2017")
    assert flows[("MEX", "USA")] == pytest.approx(30_019, abs=1)
    assert flows[("IND", "ARE")] == pytest.approx(13_823, abs=1)
    assert flows[("PHL", "USA")] == pytest.approx(11_099, abs=1)


def test_stored_with_source_licence_and_unit() -> None:
    observation = Observation.objects.filter(indicator__code="remittance-flow-2017").select_related(
        "indicator", "source"
    )[0]
    assert (observation.period, observation.sex_id, observation.indicator.bilateral) == ("2017", "_T", True)
    assert observation.source.licence == "CC BY 4.0"
    assert "KNOMAD" in observation.source.attribution
    assert observation.indicator.unit == "USD_M"
