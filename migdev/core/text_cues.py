"""What in a CV or vacancy text is layout, not content (section headings, date ranges), and when a language named in
it is asked for as a skill; English, French and Spanish.

A heading such as "Missions :", "Profil recherché" or "Experiencia" names no skill and no occupation, yet alone on a
line its few words match ESCO labels by spelling ("missionnaire", "use experience map"); it is dropped, and stripped
from the start of a line that goes on ("Salaire : 1 950 €").
"""

import re
import unicodedata

HEADINGS = {
    "en": {
        "about the role",
        "about us",
        "about you",
        "apply",
        "benefits",
        "career history",
        "certificates",
        "certifications",
        "conditions",
        "contact",
        "contract",
        "duties",
        "education",
        "education and training",
        "employment history",
        "essential requirements",
        "experience",
        "hobbies",
        "hours",
        "how to apply",
        "interests",
        "job description",
        "key responsibilities",
        "key skills",
        "language skills",
        "languages",
        "licence",
        "licences",
        "license",
        "licenses",
        "location",
        "main duties",
        "mission",
        "missions",
        "objective",
        "pay",
        "personal details",
        "personal profile",
        "profile",
        "qualifications",
        "references",
        "requirements",
        "responsibilities",
        "salary",
        "skills",
        "start date",
        "summary",
        "tasks",
        "terms",
        "the role",
        "training",
        "wage",
        "we offer",
        "what we offer",
        "what you will do",
        "who we are",
        "work experience",
        "professional experience",
        "your profile",
        "your role",
    },
    "fr": {
        "a propos",
        "activites",
        "avantages",
        "centres d'interet",
        "competences",
        "competences requises",
        "conditions",
        "contact",
        "contrat",
        "description du poste",
        "diplomes",
        "experience",
        "experiences",
        "experience professionnelle",
        "experiences professionnelles",
        "formation",
        "formations",
        "horaires",
        "informations complementaires",
        "langues",
        "langues parlees",
        "le poste",
        "lieu",
        "loisirs",
        "mission",
        "missions",
        "missions principales",
        "nous offrons",
        "nous proposons",
        "permis",
        "poste",
        "profil",
        "profil recherche",
        "qui sommes-nous",
        "references",
        "remuneration",
        "salaire",
        "taches",
        "vos missions",
        "votre profil",
        "date de debut",
        "prise de poste",
    },
    "es": {
        "aficiones",
        "carne",
        "carnes",
        "competencias",
        "condiciones",
        "contacto",
        "contrato",
        "datos personales",
        "descripcion del puesto",
        "estudios",
        "experiencia",
        "experiencia laboral",
        "experiencia profesional",
        "formacion",
        "formacion academica",
        "funciones",
        "habilidades",
        "horario",
        "idiomas",
        "incorporacion",
        "intereses",
        "jornada",
        "lugar",
        "misiones",
        "ofrecemos",
        "perfil",
        "perfil buscado",
        "perfil profesional",
        "permisos",
        "referencias",
        "requisitos",
        "requisitos minimos",
        "responsabilidades",
        "salario",
        "se ofrece",
        "sobre nosotros",
        "sueldo",
        "tareas",
        "ubicacion",
    },
}
_ALL_HEADINGS = set().union(*HEADINGS.values())
_HEADING_PREFIX = re.compile(r"^\s*(?P<head>[^\W\d][^:：\n]{0,40}?)\s*[:：]\s*(?P<rest>.*)$", re.DOTALL)
_DATE_RANGE = re.compile(
    r"^\s*(?:(?:\d{1,2}/)?\d{4}\s*[-–—]\s*(?:(?:\d{1,2}/)?\d{4}|present|today|now|aujourd'hui|actuel|actualidad|"
    r"hoy|presente)|\d{4})\s*[:：,–—-]?\s*",
    re.IGNORECASE,
)


def _plain(text: str) -> str:
    """Lower case, accents off, punctuation and spaces squeezed: "Profil recherché :" → "profil recherche"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w'’ -]+", " ", letters).replace("’", "'").split())


def is_heading(phrase: str) -> bool:
    """Whether a phrase is only a section heading (in any of the three languages).

    >>> [is_heading(p) for p in ["Missions :", "Profil recherché", "EXPERIENCIA", "Welder"]]
    [True, True, True, False]
    """
    return _plain(phrase) in _ALL_HEADINGS


def content(phrase: str) -> str:
    """A phrase without its layout: "" for a heading, the rest after a heading and a colon, no leading date range.

    >>> [content(p) for p in ["Missions :", "Salaire : 1 950 € brut", "2019-2026: Enfermera en la UCI", "Cook"]]
    ['', '1 950 € brut', 'Enfermera en la UCI', 'Cook']
    """
    if is_heading(phrase):
        return ""
    found = _HEADING_PREFIX.match(phrase)
    if found and is_heading(found.group("head")):
        phrase = found.group("rest")
    return _DATE_RANGE.sub("", phrase, count=1).strip()


# Sections listing the languages a worker speaks: the forms have their own languages list (with CEFR levels), and
# language names and levels ("Yoruba (native)", "anglais (B1)") name no ESCO occupation.
LANGUAGE_HEADINGS = {"languages", "language skills", "langues", "langues parlees", "idiomas"}


def content_phrases(phrases: list[str]) -> list[str]:
    """The phrases that may name skills or occupations: without layout (see `content`) and without the lines of a
    languages section (up to the next heading).

    >>> content_phrases(["Profil :", "Soudeur", "Langues : arabe", "français (B2)", "Missions", "Souder"])
    ['Soudeur', 'Souder']
    """
    kept, in_languages = [], False
    for phrase in phrases:
        found = _HEADING_PREFIX.match(phrase)
        head = phrase if is_heading(phrase) else ""
        if found and is_heading(found.group("head")):
            head = found.group("head")
        if head:
            in_languages = _plain(head) in LANGUAGE_HEADINGS
        if in_languages:
            continue
        rest = content(phrase)
        if rest:
            kept.append(rest)
    return kept


# Words by which a text asks for a language as a skill ("Spanish required", "parler anglais", "dominio del inglés"),
# rather than only naming it (a CV's "Languages: English (fluent), Spanish (basic)").
_LANGUAGE_ASKED = re.compile(
    r"\b(?:speak|speaks|speaking|required|requirement|essential|must|mandatory|parler|parlé|parlée|maîtrise|"
    r"maîtriser|exigé|exigée|requis|requise|obligatoire|indispensable|hablar|habla|dominio|imprescindible|"
    r"requerido|requerida|se requiere|necesario|obligatorio)\b",
    re.IGNORECASE,
)
_LANGUAGE_SKILL = re.compile(r"^(?:interact verbally in|understand spoken|understand written|write) (?P<name>.+)$")


def language_names(skill_labels: list[str]) -> set[str]:
    """The languages ESCO has skills for, from its labels ("interact verbally in Spanish" → "Spanish")."""
    return {found.group("name") for label in skill_labels if (found := _LANGUAGE_SKILL.match(label))}


def is_language_skill(label: str, languages: set[str]) -> bool:
    """Whether an ESCO skill label is a language skill or knowledge ("write Spanish", "Spanish").

    >>> is_language_skill("understand spoken Polish", {"Polish"}), is_language_skill("weld metal", {"Polish"})
    (True, False)
    """
    found = _LANGUAGE_SKILL.match(label)
    return label in languages or (found is not None and found.group("name") in languages)


def asks_for_language(phrase: str) -> bool:
    """Whether a phrase asks for a language as a skill, not only names one.

    >>> asks_for_language("Fluent Spanish required"), asks_for_language("English (fluent), Spanish (basic)")
    (True, False)
    """
    return _LANGUAGE_ASKED.search(phrase) is not None
