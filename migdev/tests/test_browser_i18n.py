"""Every page's interface reads in French and Spanish, not English (issue 16, item 13), in headless Chromium.

Each main page (home, statistics, the labour hub and its public pages, and the signed-in pages of each demo role) is
opened in English, French and Spanish. The interface text of the page (navigation, headings, labels, buttons, column
headings, captions, paragraphs and list items: each element's own text, not that of the links or cells inside it,
which hold data) is compared element by element: a text with letters that reads the same in English and in French
or Spanish is an untranslated string, unless it is a proper noun, a code or a word both languages spell alike, kept
in SAME below, or data the demo shows in a heading (DATA). Text marked with a lang attribute (data without a French
or Spanish source, shown in English as such) is left out.
"""

from typing import Any

import pytest

pytestmark = pytest.mark.browser

WORKER = ("demo-worker", "demo-worker-local")
EMPLOYER = ("demo-employer", "demo-employer-local")
OFFICIAL = ("demo-official", "demo-official-local")
STEWARD = ("demo-steward", "demo-steward-local")
EXPERT = ("demo-expert", "demo-expert-local")
INSTITUTION = ("demo-institution", "demo-institution-local")
SECRETARIAT = ("demo-secretariat", "demo-secretariat-local")
IGO = ("demo-igo", "demo-igo-local")

PUBLIC = [
    "/",
    "/about/data/",
    "/stats/",
    "/stats/profiles/PHL/",
    "/stats/profiles/900/",
    "/labour/",
    "/labour/vacancies/",
    "/labour/schemes/",
    "/labour/standards/",
    "/labour/indicators/recruitment-cost/",
    "/labour/indicators/circular/",
    "/labour/market/",
    "/accounts/login/",
    "/accounts/register/",
    "/remittances/?period=2014Q1",
    "/remittances/corridor/?sending=USA&receiving=MEX&period=2014Q1",
    "/remittances/countries/MEX/",
    "/remittances/methodology/",
    "/diaspora/",
    "/diaspora/map/",
    "/diaspora/map/PHL/",
    "/diaspora/organisations/",
    "/diaspora/needs/",
    "/diaspora/survey/",
    "/diaspora/survey/results/",
    "/rcp/",
    "/rcp/processes/colombo/",
    "/rcp/processes/bali/",
    "/rcp/countries/",
    "/rcp/countries/LKA/",
    "/rcp/overlaps/",
    "/rcp/meetings/",
    "/rcp/good-practices/",
    "/partnerships/",
    "/partnerships/commitments/",
    "/partnerships/partners/",
    "/partnerships/boards/",
    "/impact/",
    "/impact/library/",
    # policy
    "/policy/",
    "/policy/crosswalk/",
    "/policy/countries/PHL/",
    "/policy/self-assessments/",
    "/policy/self-assessments/compare/",
    "/policy/plans/",
    "/policy/capacity/",
    # corridors
    "/corridors/",
    "/corridors/PHL-CAN/",
    "/corridors/ranking/",
]
SIGNED_IN = {
    WORKER: [
        "/accounts/me/",
        "/accounts/me/profile/",
        "/labour/worker/profile/",
        "/labour/worker/recommendations/",
        "/labour/worker/vacancies/",
        "/labour/worker/invitations/",
        "/labour/placements/",
        "/labour/grievances/",
    ],
    EMPLOYER: [
        "/accounts/me/",
        "/labour/employer/vacancies/",
        "/labour/vacancies/new/",
        "/labour/placements/",
        "/partnerships/commitments/new/",
    ],
    OFFICIAL: [
        "/accounts/me/",
        "/labour/official/",
        "/labour/flags/",
        "/labour/official/matching/",
        "/policy/self-assessments/new/",
    ],
    STEWARD: [
        "/accounts/me/",
        "/accounts/organisations/pending/",
        "/accounts/audit/",
        "/labour/official/schemes/",
        "/labour/official/schemes/new/",
        "/labour/standards/new/",
        "/remittances/upload/",
        "/labour/esco/embeddings/",
        "/partnerships/commitments/import/",
        "/partnerships/boards/new/",
    ],
    EXPERT: ["/diaspora/experts/me/", "/diaspora/experts/me/edit/"],
    INSTITUTION: ["/diaspora/needs/new/"],
    SECRETARIAT: [
        "/rcp/processes/colombo/meetings/new/",
        "/rcp/processes/colombo/good-practices/new/",
        "/rcp/processes/colombo/facts/chair_history/",
    ],
    IGO: ["/policy/capacity/", "/policy/capacity/initiatives/new/"],
}
# Interface texts French or Spanish rightly write as English does (compared without surrounding punctuation):
# names and codes, and words both languages spell alike (French: "Licence", "Version", "Population", "Placement").
SAME = {
    "MigDev",
    "English",  # the language menu names each language in itself
    "Français",
    "Español",
    "Attribution",
    "Contribution",  # French as in English (the diaspora room's score components)
    "Diaspora",
    "Expert",
    "Initiative",
    "Initiatives",
    "Institution",
    "Invitations",
    "Destination",
    "Expressions",  # Akoma Ntoso's FRBR term, French as in English
    "Instruments",
    "Destination (ISO3)",
    "ISCO-08",
    "Licence",
    "Message",
    "Observations",
    "Organisation",
    "Placement",
    "Placements",
    "Population",
    "Score",
    "Services",
    "Corridors",  # French, as in English
    "SmaRT",  # the World Bank's Smart Remitter Target, a name
    "SmaRT (%)",
    "Sexes",
    "Source",
    "Sources",  # French as in English
    "Dimension",
    "Instrument",
    "Migrants",
    "Protection",
    "Sector",
    "Total",
    "Type",
    "Version",
}
# Data the demo shows in headings and list items, the same in every language: names of places and demo records.
DATA = {
    *(account[0] for account in (WORKER, EMPLOYER, OFFICIAL, STEWARD, EXPERT, INSTITUTION, SECRETARIAT, IGO)),
    "Virtual mentoring of cardiac-care nurses (demo)",  # the user menu shows the user name
    "Philippines",
    "Canada",
    "Philippines → Canada",
    "Skills transfer in health care · 1 initiative",  # a demo kind and count ("initiative" in French too)
    "Demo Filipino Diaspora Association (demo)",
    "Live-out domestic workers 2026 · 2026",
    "Nurse assistants in long-term care 2027",
}

OWN_TEXTS = """() => {
  const lang = document.documentElement.lang;
  const kinds = "nav a, h1, h2, h3, h4, label, button, th[scope=col], caption, legend, summary, dt, p, li";
  return Array.from(document.querySelectorAll(kinds))
    .filter(e => e.offsetParent !== null || e.closest("nav"))
    .filter(e => (e.closest("[lang]") || document.documentElement).lang === lang)
    .map(e => Array.from(e.childNodes).filter(n => n.nodeType === Node.TEXT_NODE)
               .map(n => n.textContent).join(" ").replace(/\\s+/g, " ").trim());
}"""


def log_in(page: Any, site_url: str, account: tuple[str, str]) -> None:
    page.goto(f"{site_url}/en/accounts/login/")
    page.fill("input[name=username]", account[0])
    page.fill("input[name=password]", account[1])
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".who").inner_text() == account[0]


LANGUAGES = ("en", "fr", "es")


def language_tabs(page: Any) -> dict[str, Any]:
    """A tab per language in the page's browser context (same sign-in), so the three load side by side."""
    others = [tab for tab in page.context.pages if tab is not page]
    while len(others) < len(LANGUAGES) - 1:
        others.append(page.context.new_page())
    return dict(zip(LANGUAGES, [page, *others], strict=False))


def interface_texts(page: Any, site_url: str, path: str) -> dict[str, list[str]]:
    """Each language's interface texts of the page at `path`, the three opened at once."""
    tabs = language_tabs(page)
    for language, tab in tabs.items():
        tab.goto(f"{site_url}/{language}{path}", wait_until="commit")
    texts = {}
    for language, tab in tabs.items():
        tab.wait_for_load_state("networkidle")  # charts, maps and their legends are drawn once their data has come
        texts[language] = list(tab.evaluate(OWN_TEXTS))
    return texts


def interface_text(text: str) -> str:
    """The text without surrounding punctuation ("(Philippines)", "Sexes:"); empty where it has no word."""
    text = text.strip(" .,:;·")
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    return text if sum(character.isalpha() for character in text) >= 3 and text not in SAME | DATA else ""


def untranslated(page: Any, site_url: str, path: str) -> list[str]:
    """The texts of the page at `path` that read the same in English as in French or Spanish, with the language."""
    texts = interface_texts(page, site_url, path)
    english = texts["en"]
    found = []
    for language in ("fr", "es"):
        other = texts[language]
        assert len(other) == len(english), f"{language}{path}: the page differs in shape from the English one"
        found += [
            f"{language}{path}: {text!r}"
            for text, translated in zip(english, other, strict=True)
            if text == translated and interface_text(text)
        ]
    return found


def test_public_pages_read_in_french_and_spanish(page: Any, site_url: str) -> None:
    found = [text for path in PUBLIC for text in untranslated(page, site_url, path)]
    assert not found, "\n".join(found)


def first_link(page: Any, site_url: str, path: str, link: str) -> str:
    """The path (without language) of the first link matching `link` on the English page at `path`."""
    page.goto(f"{site_url}/en{path}")
    return str(page.locator(f"main a{link}").first.get_attribute("href")).removeprefix("/en")


@pytest.mark.parametrize("account", list(SIGNED_IN), ids=[account[0] for account in SIGNED_IN])
def test_each_demo_roles_pages_read_in_french_and_spanish(page: Any, site_url: str, account: tuple[str, str]) -> None:
    log_in(page, site_url, account)
    paths = list(SIGNED_IN[account])
    if account == WORKER:  # one of her placements
        paths.append(first_link(page, site_url, "/labour/placements/", "[href*='/labour/placements/']"))
    if account == EMPLOYER:  # one of the employer's vacancies, and its form
        demo = ":text('Nurse assistants in long-term care 2027')"  # one of the demo's (other tests add drafts)
        vacancy = first_link(page, site_url, "/labour/employer/vacancies/", demo)
        paths += [vacancy, f"{vacancy}edit/"]
    if account == INSTITUTION:  # the demo need with its ranked experts
        paths.append(
            first_link(page, site_url, "/diaspora/needs/", ":text('Virtual mentoring of cardiac-care nurses')")
        )
    found = [text for path in paths for text in untranslated(page, site_url, path)]
    assert found == []
