from migdev.rcp.models.activity import GoodPractice, Meeting, MeetingDocument
from migdev.rcp.models.processes import FactChange, Member, Process, Secretariat, Source

__all__ = ["FactChange", "GoodPractice", "Meeting", "MeetingDocument", "Member", "Process", "Secretariat", "Source"]
