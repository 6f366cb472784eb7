"""Signals other rooms listen to, so that accounts need not know them."""

from django.dispatch import Signal

# Sent inside erase_person's transaction, after the account is erased: (sender=User, actor=..., person=...).
# Rooms that keep personal data about the person erase it in their receiver.
person_erased = Signal()

# Sent by export_personal_data, inside its transaction: (sender=User, actor=..., person=...). Each room holding data
# about the person returns (section name, JSON-ready data), or None when it holds nothing; the export includes every
# section, so a person's export is everything MigDev holds about them.
personal_data_requested = Signal()
