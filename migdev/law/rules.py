"""Object-level permissions of the law room (django-rules): a learner's progress is their own record."""

import rules

from migdev.accounts.rules import is_self, is_signed_in, is_steward

# A signed-in user records quiz attempts for themselves (the service writes only the actor's own progress).
rules.add_perm("law.add_lessonprogress", is_signed_in)
# A progress record is read by the user it belongs to, and by no one else (not even stewards: it is personal).
rules.add_perm("law.view_lessonprogress", is_self)

# National legislation: stewards record amendments (new expressions of a national law) and import laws.
rules.add_perm("law.add_expression", is_steward)
