"""Benchmark of the statistics pages: a country profile against the home page, rendered in the same run."""

from typing import Any

from django.test import Client

from migdev.core.benchmarks import Benchmark, Stopwatch, register_benchmark

PROFILES = ["USA", "DEU", "MEX", "IND", "KEN", "PHL", "FRA", "BRA", "ZAF", "AUS"]


def render_profiles() -> dict[str, Any]:
    """Median time of the profile page and the profile API, against the home page (the baseline)."""
    client = Client()

    def get(url: str) -> None:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    home = Stopwatch().time(lambda: get("/en/"), repeat=20)
    pages = Stopwatch()
    api = Stopwatch()
    for code in PROFILES:
        pages.time(lambda code=code: get(f"/en/stats/profiles/{code}/"), repeat=3)  # type: ignore[misc]
        api.time(lambda code=code: get(f"/api/v1/stats/profiles/{code}"), repeat=3)  # type: ignore[misc]
    return {
        "seconds": pages.median,
        "baseline_seconds": home,
        "ratio": round(home / pages.median, 3),
        "api_profile_s": round(api.median, 4),
        "profiles": len(PROFILES),
    }


register_benchmark(
    Benchmark("stats-profile", "country profile page vs home page (median of renders)", render_profiles, order=50)
)
