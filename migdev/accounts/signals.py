"""Signals other rooms listen to, so that accounts need not know them."""

from django.dispatch import Signal

# Sent inside erase_person's transaction, after the account is erased: (sender=User, actor=..., person=...).
# Rooms that keep personal data about the person erase it in their receiver.
person_erased = Signal()
