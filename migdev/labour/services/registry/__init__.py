"""Writes of the labour registry, one module per part: worker profiles and consents, vacancies and invitations,
schemes, licences and standards.

Every service declares its permission (checked first) and runs in one transaction; inputs carry codes that are
resolved and checked before anything is written, naming the field of the first bad one.
"""

from migdev.labour.services.registry.references import (
    MAX_CONTRACT_MONTHS,
    MAX_WEEKLY_HOURS,
    MINIMUM_AGE,
    PSEUDONYM_ALPHABET,
)
from migdev.labour.services.registry.schemes import (
    SchemeInput,
    create_scheme,
    delete_scheme,
    record_labour_standard,
    record_recruiter_licence,
    update_scheme,
)
from migdev.labour.services.registry.vacancies import (
    CostTermInput,
    VacancyInput,
    answer_invitation,
    close_vacancy,
    create_vacancy,
    delete_vacancy,
    invite_worker,
    publish_vacancy,
    submit_vacancy,
    update_vacancy,
)
from migdev.labour.services.registry.workers import (
    WorkerProfileInput,
    create_worker_profile,
    give_consent,
    update_worker_profile,
    withdraw_consent,
)

__all__ = [
    "MAX_CONTRACT_MONTHS",
    "MAX_WEEKLY_HOURS",
    "MINIMUM_AGE",
    "PSEUDONYM_ALPHABET",
    "CostTermInput",
    "SchemeInput",
    "VacancyInput",
    "WorkerProfileInput",
    "answer_invitation",
    "close_vacancy",
    "create_scheme",
    "create_vacancy",
    "create_worker_profile",
    "delete_scheme",
    "delete_vacancy",
    "give_consent",
    "invite_worker",
    "publish_vacancy",
    "record_labour_standard",
    "record_recruiter_licence",
    "submit_vacancy",
    "update_scheme",
    "update_vacancy",
    "update_worker_profile",
    "withdraw_consent",
]
