"""Object-level permissions of the partnerships room (django-rules): stewards, and the members of the pledging
organisation (of a commitment) or of the partner's organisation; board secretaries are the secretariat's members."""

import rules

from migdev.accounts.rules import is_member_of_org, is_signed_in, is_steward

# A partner entry for one's own organisation (members), any entry (stewards).
rules.add_perm("partnerships.add_partner", is_member_of_org | is_steward)
rules.add_perm("partnerships.change_partner", is_member_of_org | is_steward)
# Commitments: checked against the pledger (add) or the commitment (change); both carry `organisation_id`.
rules.add_perm("partnerships.add_commitment", is_member_of_org | is_steward)
rules.add_perm("partnerships.change_commitment", is_member_of_org | is_steward)
rules.add_perm("partnerships.add_progressupdate", is_member_of_org | is_steward)
rules.add_perm("partnerships.import_commitments", is_steward)
# Boards: stewards create them and name their secretariat; stewards and the board's secretaries (members of its
# secretariat organisation) edit the board, its members, meetings and recommendations.
rules.add_perm("partnerships.add_advisoryboard", is_steward)
rules.add_perm("partnerships.change_advisoryboard", is_member_of_org | is_steward)
rules.add_perm("partnerships.add_recommendation", is_member_of_org | is_steward)
rules.add_perm("partnerships.start_commitment", is_signed_in)

# The Django admin: stewards see and manage the room.
rules.add_perm("partnerships", is_steward)
for _model in (
    "partner",
    "commitment",
    "commitmentrcp",
    "progressupdate",
    "advisoryboard",
    "boardmember",
    "boardmeeting",
    "recommendation",
    "commitmentimport",
):
    for _action in ("view", "add", "change", "delete"):
        if not rules.perm_exists(f"partnerships.{_action}_{_model}"):
            rules.add_perm(f"partnerships.{_action}_{_model}", is_steward)
