"""Why the extractor did what it did: a trace of one release, sentence by sentence.

`extract_release(text, trace=Trace())` fills the trace; `Trace.render(text)` prints it for
`manage.py explain_release`: each date found (its pattern, span and value), each date dropped and
why, the events each sentence states with the rules that dated and kinded them, and the merges.
"""

from dataclasses import dataclass, field

from events.extraction.model import DateValue, ExtractedEvent


@dataclass
class SentenceTrace:
    start: int
    end: int
    header: bool
    dates: list[DateValue] = field(default_factory=list)
    dropped: list[tuple[DateValue, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    events: list[ExtractedEvent] = field(default_factory=list)


@dataclass
class Trace:
    sentences: list[SentenceTrace] = field(default_factory=list)
    merges: list[str] = field(default_factory=list)
    events: list[ExtractedEvent] = field(default_factory=list)  # what the release yields in the end

    def sentence(self, start: int, end: int, header: bool) -> SentenceTrace:
        self.sentences.append(SentenceTrace(start, end, header))
        return self.sentences[-1]

    def render(self, text: str, width: int = 100) -> str:
        lines = []
        for item in self.sentences:
            if not (item.dates or item.events or item.notes):
                continue
            label = "headline" if item.header else "sentence"
            snippet = " ".join(text[item.start : item.end].split())
            lines.append(f"[{item.start}-{item.end}] {label}: {shorten(snippet, width)}")
            for date in item.dates:
                reason = next((why for d, why in item.dropped if d is date), None)
                value = date_value(date)
                mark = f"dropped: {reason}" if reason else "kept"
                lines.append(
                    f"    date {date.pattern or date.type} '{date.text}' [{date.text_start}-{date.text_end}] = {value}; {mark}"
                )
            for note in item.notes:
                lines.append(f"    note: {note}")
            for event in item.events:
                data = event.as_json()
                span = data["start"] + (f"/{data['end']}" if data["end"] else "")
                lines.append(f"    event {span} {event.kind}: {shorten(event.title, width - 20)}")
                for rule in event.rules:
                    lines.append(f"        {rule}")
        if self.merges:
            lines.append("merges:")
            lines.extend(f"    {merge}" for merge in self.merges)
        lines.append(f"events: {len(self.events)}")
        for event in self.events:
            data = event.as_json()
            span = data["start"] + (f"/{data['end']}" if data["end"] else "")
            lines.append(f"    {span} {event.kind} @{event.evidence_start}: {shorten(event.title, width - 20)}")
        return "\n".join(lines)


def date_value(date: DateValue) -> str:
    start = date.iso_start()
    value = start + (f"/{date.iso_end()}" if date.end else "")
    if date.time:
        value += f" {date.time:%H:%M}"
    return value + ("" if date.year_given else " (year inferred)")


def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
