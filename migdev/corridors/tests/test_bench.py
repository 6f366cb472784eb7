"""`migdev bench_corridors` runs end to end on a tiny sample and prints its figures as JSON (no timing asserted)."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

PAGE = {"pairs", "sampled_pairs", "load_average", "p50_ms", "p95_ms", "max_ms", "cold_p50_ms", "cold_p95_ms"}
QUERIES = {"goal_p95_ms", "meets_goal", "queries_max", "queries_by_page", "blocks_uncached_ms", "slowest_block"}
BASELINES = {"baseline_p50_ms", "baseline_p95_ms", "ratio", "ranking_naive_estimate_s", "ranking_ratio"}
RANKING = {"ranking_pairs", "ranking_cold_s", "ranking_cached_s"}
KEYS = PAGE | QUERIES | BASELINES | RANKING


def test_the_benchmark_prints_its_figures_as_json(demo: None) -> None:
    out = StringIO()
    call_command("bench_corridors", "--sample", "1", "--repeat", "1", "--json", stdout=out)
    figures = json.loads(out.getvalue())
    assert set(figures) >= KEYS
    # The four corridors, the pair without data and one random pair with a stock.
    assert figures["pairs"] == 6
    assert figures["sampled_pairs"][:5] == ["PHL-CAN", "MEX-USA", "NPL-QAT", "IND-ARE", "ISL-TUV"]
    assert set(figures["blocks_uncached_ms"]) == {"people", "rights", "work", "money", "diaspora", "cooperation"}
    assert figures["queries_max"] > 0 and figures["ranking_pairs"] > 0


def test_the_benchmark_prints_a_readable_summary(demo: None) -> None:
    out = StringIO()
    call_command("bench_corridors", "--sample", "0", "--repeat", "1", stdout=out)
    assert "corridor page: p50" in out.getvalue() and "ranking of" in out.getvalue()
