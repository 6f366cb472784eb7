"""The labour exchange in headless Chromium, against a site set up by `migdev setup` with the demo: the demo worker's
profile, recommendations and three seasons with their fee-free terms; the demo official's flags, SDG 10.7.1 and the
supply and demand map (see README "Demo accounts" and migdev/labour/demo.py)."""

from typing import Any

import pytest

pytestmark = pytest.mark.browser

WORKER = ("demo-worker", "demo-worker-local")
OFFICIAL = ("demo-official", "demo-official-local")  # an official of the Philippines


def log_in(page: Any, site_url: str, account: tuple[str, str]) -> None:
    page.goto(f"{site_url}/en/accounts/login/")
    page.fill("input[name=username]", account[0])
    page.fill("input[name=password]", account[1])
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".who").inner_text() == account[0]


def cells(row: Any) -> list[str]:
    return [text.strip() for text in row.locator("th, td").all_inner_texts()]


def rows_of(page: Any, caption: str) -> list[list[str]]:
    """The body rows of the table with this caption, as lists of cell texts."""
    table = page.locator("table", has=page.locator("caption", has_text=caption))
    assert table.count() == 1, caption
    return [cells(row) for row in table.locator("tbody tr").all()]


def test_demo_worker_opens_the_exchange_her_profile_and_recommendations(page: Any, site_url: str) -> None:
    log_in(page, site_url, WORKER)
    page.goto(f"{site_url}/en/labour/")
    assert page.locator("main h1").inner_text() == "Labour mobility exchange"
    for link in ("My profile", "Vacancies recommended for me, and why", "My placements, contracts and costs"):
        assert page.locator("main a", has_text=link).count() == 1, link

    page.click("main a:text-is('My profile')")
    page.wait_for_url(f"{site_url}/en/labour/worker/profile/")
    assert page.locator("main h1").inner_text() == "My worker profile"
    lead = page.locator("main", has_text="Employers see you as W-").locator("p", has_text="Employers see you as")
    assert "without your name" in lead.first.inner_text()

    page.goto(f"{site_url}/en/labour/")
    page.click("main a:text-is('Vacancies recommended for me, and why')")
    page.wait_for_url(f"{site_url}/en/labour/worker/recommendations/")
    assert page.locator("main h1").inner_text() == "Recommended vacancies"
    # She is abroad for her 2026 season and looks for the next one from the day it ends: her employer's 2027
    # vacancy is recommended.
    recommended = [row[0] for row in rows_of(page, "Best matches first")]
    assert "Live-out domestic workers 2027" in recommended


def test_demo_worker_follows_her_three_seasons_and_reads_the_fee_free_terms(page: Any, site_url: str) -> None:
    log_in(page, site_url, WORKER)
    page.goto(f"{site_url}/en/labour/placements/")
    rows = rows_of(page, "Placements")
    # Season, worker, vacancy, employer, destination, state, named request.
    seasons = {row[0]: row for row in rows}
    assert sorted(seasons) == ["2024", "2025", "2026"]
    assert len({row[1] for row in rows}) == 1 and rows[0][1].startswith("W-")  # her pseudonym, on every row
    assert {row[3] for row in rows} == {"Demo Household Employers Cooperative (demo)"}
    assert {row[4] for row in rows} == {"Canada"}
    assert (seasons["2024"][5], seasons["2024"][6]) == ("Returned", "no")
    assert (seasons["2025"][5], seasons["2025"][6]) == ("Returned", "yes")  # named as a returning worker
    assert seasons["2026"][6] == "yes"

    page.locator("main tbody tr", has_text="Live-out domestic workers 2025").locator("a").click()
    page.wait_for_load_state()
    assert page.locator("main h1").inner_text() == "Live-out domestic workers 2025 · 2025"
    assert "named returning worker" in page.locator("main p.lead").inner_text()
    contracts = rows_of(page, "Contracts signed at origin and at destination")
    assert [row[0] for row in contracts] == ["Signed at origin", "Signed at destination"]
    # Stage apart, the two contracts are the same: employer, occupation, wage, hours, rest days, language.
    assert contracts[0][1:7] == contracts[1][1:7]
    assert page.locator("[role=alert]", has_text="differs from the one signed at origin").count() == 0
    history = page.locator("main section", has_text="History").locator("li").all_inner_texts()
    assert [item.split(": ", 1)[1] for item in history][-2:] == ["Completed", "Returned"]

    page.locator("main a", has_text="The vacancy's terms").click()
    page.wait_for_load_state()
    assert page.locator("main h1").inner_text() == "Live-out domestic workers 2025"
    payers = rows_of(page, "Recruitment costs by ILO category")
    assert len(payers) == 10 and {row[1] for row in payers} == {"Employer"}


def test_demo_official_reads_the_flags_by_sex_and_sdg_10_7_1(page: Any, site_url: str) -> None:
    log_in(page, site_url, OFFICIAL)
    page.goto(f"{site_url}/en/labour/flags/")
    assert page.locator("main h1").inner_text() == "Risk flags"
    by_sex = {row[0]: [int(n) for n in row[1:]] for row in rows_of(page, "Open flags by sex of the worker")}
    assert by_sex["Worker paid a recruitment cost"][2] > 0
    assert all(women + men <= total for women, men, total in by_sex.values())
    flags = rows_of(page, "Open risk flags you may see")
    assert flags and all(row[4].startswith("W-") for row in flags)  # placements by pseudonym, never by name

    page.goto(f"{site_url}/en/labour/indicators/recruitment-cost/")
    assert "SDG indicator 10.7.1" in page.locator("main h1").inner_text()
    assert "proportion of monthly income" in page.locator("main p.source").inner_text()
    # The official of the Philippines starts from her country, chosen by name; then looks at every corridor.
    assert page.locator("#id_origin option:checked").inner_text() == "Philippines"
    page.select_option("#id_origin", "")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("#id_origin option:checked").inner_text() == "All countries"
    figures = dict(
        zip(
            page.locator("main .card h2").all_inner_texts(),
            page.locator("main .card .figure").all_inner_texts(),
            strict=True,
        )
    )
    assert int(figures["Workers"]) > 100 and float(figures["Mean"]) >= 0
    by_sex = {row[0]: row[1:] for row in rows_of(page, "By sex")}
    assert sorted(by_sex) == ["Men", "Women"]
    assert int(by_sex["Women"][0]) + int(by_sex["Men"][0]) == int(figures["Workers"])
    assert float(by_sex["Women"][1]) > 0  # the demo's domestic workers paid recruiters: the mean share is not 0


def test_demo_official_sees_the_supply_and_demand_map_drawn(page: Any, site_url: str) -> None:
    log_in(page, site_url, OFFICIAL)
    page.goto(f"{site_url}/en/labour/market/")
    assert page.locator("main h1").inner_text() == "Labour supply and demand"
    page.wait_for_selector("#market-map svg path")
    assert page.locator("#market-map svg path").count() > 150
    coloured = page.eval_on_selector_all(
        "#market-map svg path", "paths => paths.filter(p => p.getAttribute('fill') !== '#e0e0e0').length"
    )
    assert coloured >= 10  # destinations in shortage, origins in surplus
    assert page.locator("#market-legend li .swatch").count() == 4
    rows = {row[0]: row for row in rows_of(page, "Supply and demand of")}
    # Country; supply F M T; open, new positions; filled F M T; tightness; class; fill rate; median days.
    assert rows["Canada"][10] == "Shortage" and int(rows["Canada"][4]) > 0
    assert rows["Philippines"][10] == "Surplus"


def test_demo_worker_describes_her_work_and_ticks_the_suggested_skills(page: Any, site_url: str) -> None:
    log_in(page, site_url, WORKER)
    page.goto(f"{site_url}/en/labour/worker/profile/")
    page.fill("#id_free_text", "Fruit and vegetable picker\n- driving a tractor\n- packing fruit for export")
    page.click("button[name=suggest_text]")
    skills = page.locator("#suggested-skills")
    skills.wait_for()
    assert page.url == f"{site_url}/en/labour/worker/profile/"  # htmx: the page stays, nothing is saved yet
    tractor = skills.locator("label", has_text="operate tractor").locator("input")
    assert tractor.is_checked()
    assert "from “driving a tractor”" in skills.inner_text()
    occupation = page.locator("#suggested-occupations label", has_text="fruit and vegetable picker")
    assert occupation.count() == 1
    page.click("button[name=save]")
    page.wait_for_load_state()
    assert "Your worker profile is saved." in page.locator("main").inner_text()
    assert page.locator("#skills-editor tbody th", has_text="operate tractor").count() == 1
