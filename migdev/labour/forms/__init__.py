"""Forms of the labour exchange, one module per part (registry, protection); they parse input into the services'
inputs, the services decide.

A worker's occupations, skills and languages, and a vacancy's skills and languages, are edited as rows (one hidden
key, one value, a "remove" box each) plus the picks of a searchable picker; other lists are typed as short lines
("PHL 40", ISO codes separated by commas). The services validate every code and name the field at fault.
"""

from migdev.labour.forms.protection import (
    AnswerForm,
    ContractForm,
    CostForm,
    GrievanceForm,
    GrievanceStatusForm,
    IndicatorFilterForm,
    OfferForm,
    ResolveFlagForm,
    StepForm,
)
from migdev.labour.forms.registry import (
    InviteForm,
    LabourStandardForm,
    SchemeForm,
    VacancyForm,
    WorkerProfileForm,
)
from migdev.labour.forms.rows import (
    Row,
    RowsField,
    RowsWidget,
    add_domain_error,
)

__all__ = [
    "AnswerForm",
    "ContractForm",
    "CostForm",
    "GrievanceForm",
    "GrievanceStatusForm",
    "IndicatorFilterForm",
    "InviteForm",
    "LabourStandardForm",
    "OfferForm",
    "ResolveFlagForm",
    "Row",
    "RowsField",
    "RowsWidget",
    "SchemeForm",
    "StepForm",
    "VacancyForm",
    "WorkerProfileForm",
    "add_domain_error",
]
