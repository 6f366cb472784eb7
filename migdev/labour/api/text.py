"""Labour exchange API: ESCO occupations and skills suggested by a CV or a vacancy text (EN/FR/ES), to confirm."""

from django.http import HttpRequest
from ninja import Field, Router, Schema

from migdev.accounts.api import AUTH
from migdev.core.esco_suggestions import MAX_TEXT_CHARS, SuggestionThrottle
from migdev.core.vacancy_terms import vacancy_terms
from migdev.labour.selectors import registry_reference as reference

router = Router(tags=["labour"])


class TextIn(Schema):
    text: str = Field(..., description=f"A CV or a vacancy text, at most {MAX_TEXT_CHARS} characters")
    max_skills: int = Field(20, ge=1, le=100)
    max_occupations: int = Field(5, ge=1, le=50)
    exclude_skills: list[str] = Field(default_factory=list, description="ESCO skill URIs already listed")
    exclude_occupations: list[str] = Field(default_factory=list, description="ESCO occupation URIs already listed")


class SuggestedSkillOut(Schema):
    uri: str
    label: str
    score: float
    phrase: str = Field(..., description="The line or sentence of the text that named it")
    likely: bool = Field(..., description="Likely enough to be ticked by default in the forms")


class SuggestedOccupationOut(Schema):
    uri: str
    label: str
    isco_code: str
    score: float
    phrase: str = Field(..., description="The line naming it outright, or empty")
    essential_found: int
    essential_total: int
    likely: bool = Field(..., description="Named and backed by a second signal: ticked by default")
    title_words: list[str] = Field(
        default_factory=list, description="The words of the job title (or of the line naming it) that led to it"
    )
    reading: str = Field("", description="How a bare job title was read, e.g. 'sales executive' for 'SALES EXEC'")


class VacancyTermOut(Schema):
    name: str = Field(..., description="wage, weekly_hours, contract_months or start_date")
    fields: dict[str, str] = Field(..., description="The vacancy fields it fills, e.g. wage_amount, wage_currency")
    phrase: str = Field(..., description="The line of the text it was read from")


class SuggestionsOut(Schema):
    phrases: int
    cross_lingual: bool = Field(..., description="Embeddings took part (French and Spanish text reach ESCO skills)")
    job_title: bool = Field(False, description="The text was read as a bare job title: ranked by the title first")
    skills: list[SuggestedSkillOut]
    occupations: list[SuggestedOccupationOut]
    terms: list[VacancyTermOut] = Field(
        default_factory=list, description="A vacancy text's wage, hours, length and start, to confirm"
    )


@router.post(
    "/text-suggestions",
    response=SuggestionsOut,
    auth=AUTH,
    throttle=[SuggestionThrottle()],
    summary="ESCO occupations and skills suggested by a CV or vacancy text (the text is not stored)",
)
def text_suggestions(request: HttpRequest, payload: TextIn) -> SuggestionsOut:
    found = reference.text_suggestions(
        payload.text, payload.exclude_skills, payload.exclude_occupations, payload.max_skills, payload.max_occupations
    )
    suggestions = SuggestionsOut.model_validate(found, from_attributes=True)
    suggestions.terms = [
        VacancyTermOut(name=t.name, fields=t.fields, phrase=t.phrase) for t in vacancy_terms(payload.text)
    ]
    return suggestions
