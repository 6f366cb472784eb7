"""Every protection write service declares a permission that exists in the rules; the 11 ILO indicators are there."""

import rules

from migdev.accounts.rules import service_permissions
from migdev.labour.protection import TRANSITIONS, ForcedLabourIndicator
from migdev.labour.services import protection as services

# Reads the services use (no writes).
INTERNAL = {"default_due_return", "returning_worker_refusal", "placement_wage_currency"}


def test_every_protection_service_declares_a_registered_permission() -> None:
    declared = service_permissions(services)
    assert declared
    for name, permission in declared.items():
        if name in INTERNAL:
            continue
        assert permission is not None, f"{name} declares no permission"
        assert rules.perm_exists(permission), f"{name}: {permission} is not registered"


def test_the_eleven_ilo_indicators_of_forced_labour() -> None:
    assert len(ForcedLabourIndicator.values) == 11
    assert all(str(label) for label in ForcedLabourIndicator.labels)


def test_every_state_is_in_the_state_machine_and_the_ends_are_final() -> None:
    from migdev.labour.models import Placement

    assert set(TRANSITIONS) == set(Placement.State.values)
    for final in ("returned", "absconded", "declined"):
        assert TRANSITIONS[final] == ()
