"""iCalendar (RFC 5545) of meetings: escaped text, folded lines, CRLF line ends."""

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from migdev.rcp.models import Meeting


def escape_text(value: str) -> str:
    """TEXT as RFC 5545 §3.3.11 writes it: backslash, semicolon, comma and line ends escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Lines longer than 75 octets folded (§3.1), never inside a UTF-8 character."""
    out: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > (75 if not out else 74):
            out.append(current)
            current, size = "", 0
        current += char
        size += width
    out.append(current)
    return "\r\n ".join(out)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(meetings: Iterable[Meeting], name: str, base_url: str, levels: dict[str, str]) -> str:
    """A VCALENDAR with one all-day VEVENT per meeting."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//MigDev//Consultative processes//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for meeting in meetings:
        end = (meeting.end_date or meeting.start_date) + timedelta(days=1)
        description = f"{levels.get(meeting.level, meeting.level)} — {meeting.process.name}"
        if meeting.summary:
            description += f"\n{meeting.summary}"
        if meeting.is_demo:
            description += "\n(demo example, not a real meeting)"
        lines += [
            "BEGIN:VEVENT",
            f"UID:rcp-meeting-{meeting.pk}@migdev",
            f"DTSTAMP:{_stamp(meeting.updated_at)}",
            f"DTSTART;VALUE=DATE:{meeting.start_date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{end:%Y%m%d}",
            f"SUMMARY:{escape_text(meeting.title)}",
            f"DESCRIPTION:{escape_text(description)}",
            f"CATEGORIES:{escape_text(meeting.level)}",
        ]
        if meeting.place:
            lines.append(f"LOCATION:{escape_text(meeting.place)}")
        lines += [f"URL:{base_url}", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
