from migdev.rcp.models.activity import Document, GoodPractice, Meeting
from migdev.rcp.models.processes import FactChange, Member, Process, Secretariat, Source

__all__ = ["Document", "FactChange", "GoodPractice", "Meeting", "Member", "Process", "Secretariat", "Source"]
