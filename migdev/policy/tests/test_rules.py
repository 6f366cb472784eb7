"""Every write service of the policy room declares a permission registered in its rules."""

import rules

from migdev.accounts.rules import service_permissions
from migdev.policy.services import assessments, capacity, coherence, plans


def test_every_write_service_declares_a_registered_permission() -> None:
    for module in (assessments, capacity, coherence, plans):
        declared = service_permissions(module)
        assert declared, module.__name__
        undeclared = sorted(name for name, permission in declared.items() if permission is None)
        assert undeclared == [], f"{module.__name__}: services without a declared permission: {undeclared}"
        unregistered = sorted(p for p in declared.values() if p is not None and not rules.perm_exists(p))
        assert unregistered == [], f"permissions declared but not registered: {unregistered}"
