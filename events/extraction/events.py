"""The pipeline: a release's sentences to its events, each with the rules that made it.

In order:
1. The release is read as its headline lines and its body sentences (reading.py); "the day
   before" and "the same year" count from the last day and date the narrative named, quoted
   speech aside.
2. A sentence's dates (dates.py) lose those that bound a plan or period, say when words were
   reported, or head an agency's copy (filters.py); future clauses resolve ahead (tense.py).
3. Each remaining date is paired with a word of the kind lexicon (kinds.py, pairing.py); a dated
   clause whose verb the lexicon lacks is an `other` event; an undated headline or lead, or a
   sentence telling what goes on now, is the publication day's news.
4. One happening stated several times in the release is one event (merging.py).
"""

import datetime
import re
from dataclasses import replace

from events.extraction.dates import find_dates
from events.extraction.explain import SentenceTrace, Trace
from events.extraction.filters import (
    DOCUMENT_DATE_BEFORE,
    DOCUMENT_HAPPENS,
    LASTS_UNTIL,
    LEAP_REFERENCE,
    NEGATED,
    drop_reason,
    filing_day,
    moved_to,
    nearest_yearly,
    wire_day,
)
from events.extraction.kinds import COUNTED, COUNTED_OBJECT, FOUNDING, GENERIC, VERB, Trigger, find_triggers
from events.extraction.merging import Candidate, link_anniversaries, merge_candidates, stem
from events.extraction.model import DateValue, ExtractedEvent, ExtractedRelease, ReleaseError
from events.extraction.pairing import (
    absorb_name,
    happening_noun,
    kind_of,
    meeting_form,
    object_of,
    pair_dates,
    partner_of,
    strongest,
    subject_of,
)
from events.extraction.places import find_location
from events.extraction.reading import Unit, infer_publication, reading_units
from events.extraction.release import Header
from events.extraction.tense import (
    DIRECT_SPEECH,
    FUTURE,
    GOING_ON,
    HEADLINE_FUTURE,
    PAST_VERB,
    PRESENT_HEADLINE,
    STATE_BEFORE,
    action_verb,
    ahead_of_its_telling,
    earlier_year,
    reports_news_of_the_day,
    reports_today,
    spoken_on,
    told_in_past,
)
from events.extraction.text import normalize
from events.extraction.titles import clause_title, make_title

# A verb telling that a happening began: its date is the start of what is told to end.
BEGINNING = r"(?:began|begun|started|commenced|opened|kicked\s+off)"
BEGIN_VERB = re.compile(rf"(?i)(?:was\s+|were\s+|has\s+|have\s+)?{BEGINNING}\b")
BEGAN_ON = re.compile(rf"(?i)\b{BEGINNING}\s+(?:on\s+|in\s+)?$")
# A happening named as one the reader already knows: "the exercises", "these joint drills".
DEFINITE = re.compile(
    r"\b(?:the|these|those|this)\s+(?:(?!(?:of|in|on|at|with|for|to|by)\s)[a-z-]+\s+){0,2}$", re.IGNORECASE
)
# "The event", "the main event", "this event" as a clause's subject: the happening named before.
THE_EVENT = re.compile(
    r"(?i:\b(?:the|this)\s+(?:main\s+|central\s+|key\s+)?event\s+(?:(?:will|is|was|to)\s+)?(?:be\s+)?$)"
)
# A speaker's own gathering: "I am happy to be taking part in this meeting", "our meeting today".
OURS = re.compile(r"(?i:\b(?:this|our|the\s+present|the\s+current|we\s+are)\s+$)")
# A verb telling that a happening ended: its date is the end of what began before.
ENDING = (
    r"(?:ended|concluded|completed|finished|closed|wrapped\s+up|ends|concludes|will\s+(?:end|conclude|close|finish))"
)
END_VERB = re.compile(rf"(?i)(?:was\s+|were\s+)?{ENDING}\b")
# The same verb just before the date: "began on 3 May and concluded on Thursday".
ENDED_ON = re.compile(rf"(?i)\b{ENDING}\s+(?:on\s+|in\s+)?$")
PERIOD_SUBJECT = re.compile(
    r"\b(?:chairmanship|presidency|term\s+of\s+office|mandate)(?:\s+(?:of|in)\s+(?:the\s+)?[\w-]+){0,3}\s+"
    r"(?:(?:is|was|will\s+be|has\s+been)\s+)?$",
    re.IGNORECASE,
)
ANNIVERSARY_YEARS = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)?\s+(?:years?\b|anniversary)", re.IGNORECASE)


def extract_release(text: str, trace: Trace | None = None) -> ExtractedRelease:
    """Read one release: its title, publication date and the events its text dates.

    With a `trace`, every decision is recorded in it for `explain_release`.
    """
    if not text or not text.strip():
        raise ReleaseError("empty file")
    plain = normalize(text)
    header = Header(text, plain)
    published, inferred = header.published, False
    filed: tuple[int, int] | None = None
    if published is None:
        filed = filing_day(plain, header.body_start, header.body_end)
        published = infer_publication(plain, filed)
        inferred = True
        if published is None and not find_dates(plain):
            if filed or find_dates(plain, LEAP_REFERENCE):
                # "MOSCOW, March 3. /TASS/. The ministers met today.": a day, but nothing fixes its year
                raise ReleaseError("no recognisable date: the text gives days but no year, and no dateline fixes it")
            raise ReleaseError("no recognisable date: no dateline and no dated expression in the text")
        # Without a publication date (ANNOTATION.md section 4: nothing fixes it), only dates that
        # carry their own year are read; "today" and "on 28 November" are left out.
    units = reading_units(plain, header)
    # A repost of an agency's report: the body's "today" is the report's day, not the page's.
    told_from = wire_day(plain, header.body_start, header.body_end, published) if header.published else None
    candidates: list[Candidate] = []
    # The last date and the last day the body named: "the same year", "the day before" count from them.
    antecedent: DateValue | None = None
    antecedent_day: DateValue | None = None
    antecedent_span: DateValue | None = None  # the last span of days: "on the last day of the visit"
    waiting: Unit | None = None  # a sentence whose dates found no happening in it
    listing_ahead = False  # the items of a list that a sentence announcing what is to come opened
    told_ahead = False  # the sentence before told of what is to come
    told_today = False  # a sentence before told the publication day's news ("Today marks ...")
    previous: list[Unit] = []  # the units before: "the event" speaks of what they named last
    for unit in units:
        item = bool(LIST_ITEM.match(plain, unit.start, unit.end))
        verbless = not HAS_VERB.search(plain, unit.start, unit.end)
        listing_ahead = listing_ahead and item
        if waiting is not None and not unit.header and not find_dates(plain, published, unit.start, unit.end):
            # "In the period from 21 to 25 October, in the territory of the member states." then
            # "The operation was carried out ...": the dates belong to the next sentence's news.
            unit = Unit(waiting.start, unit.end, lead=waiting.lead)
        found, unit_candidates = events_in_unit(
            plain,
            text,
            unit,
            told_from or published,
            header,
            # an agency's dateline gave the day (only its year was inferred): the lead's news is of it
            inferred and not (filed and published and (published.month, published.day) == filed),
            antecedent,
            told_back_from(
                plain,
                unit,
                published,
                news_day(plain, unit, published, antecedent_day) if told_today else antecedent_day,
            ),
            antecedent_span,
            trace.sentence(unit.start, unit.end, unit.header) if trace else None,
            # a sentence without a verb keeps the tense of the one before: "In autumn, we plan a
            # series of exercises." then "And of course, the session in Yerevan in November."
            listing_ahead or (told_ahead and not unit.header and verbless),
            last_kind_word(plain, previous) if EVENT_WORD.search(plain, unit.start, unit.end) else None,
        )
        previous = [*previous[-(EVENT_LOOKBACK - 1) :], unit]
        if not unit.header:
            told_today = told_today or any(
                d.start == published and d.precision == "day" and d.end is None for d in found
            )
            told_ahead = bool(FUTURE.search(plain, unit.start, unit.end)) or (told_ahead and verbless)
        if not item and plain[unit.start : unit.end].rstrip().endswith(":"):
            # "The schedule for the second half of 2023 provides for:" then "4. a meeting ... - on November 22"
            listing_ahead = bool(
                FUTURE.search(plain, unit.start, unit.end) or LIST_OF_PLANS.search(plain, unit.start, unit.end)
            )
        waiting = (
            unit if not unit_candidates and not unit.header and dated_without_happening(plain, found, unit) else None
        )
        for candidate in unit_candidates:
            candidates.append(replace(candidate, order=len(candidates)))
        if DIRECT_SPEECH.search(plain, unit.start, unit.end):
            # What a speaker says dates what happened ("Today, the final stages were held," he noted),
            # but the speaker's own frame of time does not set the narrative's "the day before".
            if trace and found:
                trace.sentences[-1].notes.append("quoted speech: its dates do not anchor 'the day before'")
            continue
        if not unit.header:
            named = [d for d in found if d.type not in ("name", "period")]
            antecedent = named[-1] if named else antecedent
            days = [d for d in named if d.precision == "day" and d.type != "anaphoric"]
            antecedent_day = days[-1] if days else antecedent_day
            spans = [d for d in days if d.end is not None and d.type in ("range", "explicit", "numeric")]
            antecedent_span = spans[-1] if spans else antecedent_span
    events = link_anniversaries(merge_candidates(candidates, header.title, trace.merges if trace else None))
    events = sorted(events, key=lambda e: (e.evidence_start, e.start))
    if trace:
        trace.events = events
    return ExtractedRelease(
        title=header.title,
        published=published,
        published_time=header.published_time,
        published_inferred=inferred,
        body=text[header.body_start : header.body_end],
        body_start=header.body_start,
        body_end=header.body_end,
        events=tuple(events),
    )


def events_in_unit(
    plain: str,
    text: str,
    unit: Unit,
    published: datetime.date | None,
    header: Header,
    inferred: bool,
    antecedent: DateValue | None = None,
    antecedent_day: DateValue | None = None,
    antecedent_span: DateValue | None = None,
    trace: SentenceTrace | None = None,
    listed_ahead: bool = False,
    recent_kind: str | None = None,
) -> tuple[list[DateValue], list[Candidate]]:
    """The dates a sentence names, and the events it states; `listed_ahead` says the sentence is an
    item of a list of what is to come; `recent_kind` is the kind of the happening the text named last
    (in the sentence before: "the event" speaks of it)."""
    found = find_dates(plain, published, unit.start, unit.end, False, antecedent, antecedent_day, antecedent_span)
    if not unit.header and plain[unit.start : unit.end].rstrip(" \"'\u201d").endswith("?"):
        if trace:
            trace.dates, trace.dropped = found, []
            trace.notes.append("a question: it asks, it tells of no happening")
        return found, []
    future = bool(found) and (
        listed_ahead
        or bool(FUTURE.search(plain, unit.start, unit.end))
        or (
            unit.header
            and (announces := HEADLINE_FUTURE.search(plain, unit.start, unit.end)) is not None
            and not WENT_BEFORE.search(plain, unit.start, announces.start())
        )
    )
    if future and any(not d.year_given or d.type == "relative" for d in found):
        # Told in the future tense: a date without its year lies ahead ("will be held in November"),
        # unless its own clause is told in the past ("the talks, which will prepare the drills,
        # ended on Thursday").
        ahead = {
            d.text_start: d
            for d in find_dates(
                plain, published, unit.start, unit.end, True, antecedent, antecedent_day, antecedent_span
            )
        }
        found = [d if told_in_past(plain, d, unit) else ahead.get(d.text_start, d) for d in found]
    if published is not None and not inferred:
        # Told in the past, a day written without its year is not after the publication
        # ("the event was organised on 29 May", published on 12 May: the year before).
        back = [d for d in found if ahead_of_its_telling(plain, d, unit, published)]
        found = [earlier_year(d) if any(d is b for b in back) else d for d in found]
        if trace and back:
            trace.notes.append("a day told in the past is not after the publication: year moved back")
    if published is not None and antecedent_day is not None:
        spoken = [spoken_on(plain, d, unit, published, antecedent_day) for d in found]
        if trace and any(s is not d for s, d in zip(spoken, found, strict=True)):
            trace.notes.append(f"'today' in a quotation: the day of the speech, {antecedent_day.text!r}")
        found = spoken
    if inferred:
        # Without a dateline nothing fixes "today", "on Tuesday" or "last week" (ANNOTATION.md
        # section 4): a publication date inferred from the text places its years, not its days.
        unfixed = [d for d in found if d.pattern in COUNTED_FROM_PUBLICATION]
        if trace and unfixed:
            trace.notes.append("no dateline: days counted from the publication are left out")
        found = [d for d in found if d.pattern not in COUNTED_FROM_PUBLICATION]
    written = [(d.text_start, d.text_end) for d in found if d.type != "name"]
    found = [nearest_yearly(plain, moved_to(plain, d, unit), unit, published) for d in found]
    dropped = [(d, why) for d in found if (why := drop_reason(plain, d, unit, published))]
    dates = [d for d in found if not any(d is gone for gone, _ in dropped)]
    if trace:
        trace.dates, trace.dropped = found, dropped
    if not dates and not (unit.lead or unit.header or GOING_ON.search(plain, unit.start, unit.end)):
        return found, []  # most sentences date nothing: skip the trigger scan
    # A trigger inside a date expression ("on the eve of the meeting") names the anchor, not the event.
    triggers = [
        t
        for t in find_triggers(plain, unit.start, unit.end)
        if not any(d.text_start <= t.start < d.text_end and d.type != "name" for d in found)
    ]
    if not unit.header:
        # "Ten years of the Treaty" counts the years of what a headline marks; in the body, "ten
        # years of joint work" is no anniversary.
        triggers = [t for t in triggers if not YEARS_OF.match(t.text)]
    # "work on their implementation is almost completed": a state, not a happening
    triggers = [t for t in triggers if not STATE_BEFORE.search(plain, max(unit.start, t.start - 25), t.start)]
    if unit.header:
        # "Transcript of the news conference ... following the session of the Council": the session
        # only places the headline's happening in time.
        leading = [t for t in triggers if not CONTEXT_BEFORE.search(plain, max(unit.start, t.start - 80), t.start)]
        context = [
            t
            for t in triggers
            if t not in leading
            and t.kind == "meeting"
            and FOLLOWING.search(plain, max(unit.start, t.start - 80), t.start)
        ]
        transcript = TRANSCRIPT_OF.match(plain, unit.start, unit.end)
        if transcript and leading:
            # "Transcript of Media Briefing by Secretary (West) on upcoming visit ... to attend the SCO
            # Summit (June 10, 2019)": the transcript's happening is the one it is the transcript of
            leading = [min(leading, key=lambda t: (t.start < transcript.end(), t.start))]
        triggers = leading or triggers
    else:
        context = []
    acted = False  # the trigger is a verb the lexicon lacks
    if not unit.header and not DOCUMENT_HAPPENS.search(plain, unit.start, unit.end):
        # "A 1994 treaty obliges members ...", "the 2002 Charter": a document's year is its signing
        signed = [
            Trigger("decision", m.start("document"), m.end("document"), m["document"])
            for d in dates
            if d.type == "year" and (m := YEAR_DOCUMENT_AFTER.match(plain, d.text_end, unit.end))
        ]
        triggers = sorted([*triggers, *signed], key=lambda t: t.start)
    if not triggers and not unit.header:
        # A dated clause whose verb says someone did something the lexicon has no word for
        # ("informed the President this week", "will arrive on 24 October") is an `other` event.
        acting = [(d, action) for d in dates if d.precision != "year" and (action := action_verb(plain, d, unit))][:1]
        triggers = [action for _, action in acting]
        acted = bool(acting)
        dates = [d for d, _ in acting]  # the verb dates its own clause's day, not a year elsewhere
    if not triggers:
        if trace and dates:
            trace.notes.append("no word of the kind lexicon and no action verb: nothing is said to happen here")
        return found, []
    dateline = header.dateline_date_span
    if unit.header and dateline:
        if unit.start <= dateline[0] < unit.end and any(
            d.type != "name" and not at_dateline(d, dateline) for d in dates
        ):
            # The dateline line repeats a headline that dates its news: its date is the publication's only.
            dates = [d for d in dates if not at_dateline(d, dateline)]
        # The dateline's own date is when the headline's news happened; the time is the publication's
        # (and on a page reposting an agency's report, the news is of the report's day).
        news = published if published and header.published and published != header.published else None
        dates = [replace(d, time=None, start=news or d.start) if at_dateline(d, dateline) else d for d in dates]
    elif (
        dateline
        and unit.start <= dateline[0] < unit.end
        and any(d.type != "name" and not at_dateline(d, dateline) for d in dates)
    ):
        # "ASTANA, 4 July 2024 - Uzbekistan joined the agreement on 18 October 2013": a lead that
        # dates its own news is not dated by the day it was filed (that day stays the fallback).
        dates = [d for d in dates if not at_dateline(d, dateline)]
    pairs = pair_dates(plain, dates, triggers, unit)
    if unit.header and any(t.kind != GENERIC for t in triggers):
        # The date line's date dates the headline's news, whatever word of the headline stands
        # nearest it ("... arrives in Turkmenistan to monitor the presidential election 08.02.2017").
        pairs = [(d, strongest(triggers)) if at_dateline(d, dateline) else (d, t) for d, t in pairs]
    founding = next((t for t in triggers if FOUNDING_DECISION.fullmatch(t.text)), None)
    if founding is not None:
        # "at a session in Moscow, the Council decided to transform the mechanisms ...": a founding
        # framed as a decision is a decision (ANNOTATION.md section 3), not the session it was taken at
        pairs = [
            (d, founding)
            if t.kind == "meeting"
            and not VERB.match(t.text)
            and not CLAUSES_APART.search(plain, min(founding.start, d.text_start), max(founding.end, d.text_end))
            else (d, t)
            for d, t in pairs
        ]
    signings = {id(d): signing for d, _ in pairs if (signing := document_signing(plain, d, unit))}
    pairs = [(d, signings.get(id(d), t)) for d, t in pairs]
    # "In 2024 the Council adopted 12 decisions": a year's tally, not one happening (on a day,
    # "signed five agreements" is one signing).
    tallied = [(d, t) for d, t in pairs if d.precision == "year" and d.type != "name" and tallies(plain, t, d)]
    pairs = [pair for pair in pairs if pair not in tallied]
    date_spans = written
    several_names = sum(1 for d in found if d.type == "name") > 1
    fallback = False
    if (
        not pairs
        and not tallied
        and not inferred
        and not HABITUAL.search(plain, unit.start, unit.end)
        and not NEGATED.search(plain, unit.start, unit.end)  # "Armenia will not host the drills"
        and reports_news_of_the_day(plain, unit, triggers)
    ):
        trigger = strongest(triggers)
        today = DateValue(published, None, "day", trigger.start, trigger.end, trigger.text, "published")
        pairs = [(today, trigger)]
        fallback = True
    present = False
    if (
        unit.header
        and not fallback
        and not inferred
        and not NEGATED.search(plain, unit.start, unit.end)
        and all(d.type == "name" for d, _ in pairs)
        and any(t.kind != GENERIC for t in triggers)
        and (verb := PRESENT_HEADLINE.search(plain, unit.start, unit.end))
    ):
        # "Special forces take part in the Interaction-2022 training": the name dates the
        # exercise, the present tense dates today's part of it; what the verb governs is its kind.
        governed = [t for t in triggers if t.kind != GENERIC and t.start >= verb.end()]
        trigger = governed[0] if governed else strongest(triggers)
        pairs = [
            *pairs,
            (DateValue(published, None, "day", trigger.start, trigger.end, trigger.text, "published"), trigger),
        ]
        present = True
    # "In 2023, the chairmanship is held by Belarus": a generic verb whose subject is a term of office.
    pairs = [(d, t) for d, t in pairs if not (t.kind == GENERIC and PERIOD_SUBJECT.search(plain, unit.start, t.start))]
    pairs, absorbed = absorb_name(pairs, triggers, plain[unit.start : unit.end], unit.start, dates)
    candidates = []
    for date, trigger in pairs:
        kind, kind_rule = kind_of(plain, date, trigger, triggers, unit)
        if (
            recent_kind
            and recent_kind != "other"
            and kind == "other"
            and trigger.kind == GENERIC
            and THE_EVENT.search(plain, max(unit.start, trigger.start - 40), trigger.start)
        ):
            # "The event will take place in the capital on November 26-27" after the summit is named
            kind, kind_rule = recent_kind, f"kind: 'the event' is the {recent_kind} the text named before"
        if acted:
            kind_rule = f"kind: '{trigger.text}' is a verb of doing the lexicon lacks: other"
        if id(date) in absorbed:
            kind_rule = f"kind: the finer date of the exercise {absorbed[id(date)]}"
        noun = happening_noun(plain, trigger, triggers, unit)
        event = make_event(plain, text, unit, date, kind, trigger, date_spans, several_names, noun)
        if id(date) in signings:
            # titled by the document: "Signing of the Agreement on the legal status of the CSTO",
            # "Adoption of Decision No. 12"
            name = clause_title(plain, trigger.start, unit.end, trigger.end, date_spans)
            act = "Adoption of" if ADOPTED_DOCUMENT.search(trigger.text) else "Signing of the"
            event = replace(event, title=f"{act} {name}")
        if several_names and id(date) in absorbed:
            # Of a sentence naming several happenings, each is titled by its own name.
            event = replace(event, title=name_title(replace(date, text=absorbed[id(date)]), kind, event.location))
        dated = date_rule(date, unit, present, future)
        if at_dateline(date, dateline):
            dated = f"dated by the dateline '{date.text}': the headline's news is of the publication day"
        event = replace(event, rules=(dated, kind_rule))
        days = lasting_days(plain, unit, noun, date)
        if days:
            # "The two-day summit, which opened Saturday": the days it lasted from the day it opened
            last = event.start + datetime.timedelta(days=days - 1)
            event = replace(event, end=last, rules=(*event.rules, f"end: a {days}-day happening from its first day"))
        by_publication = date.type == "published" or at_dateline(date, dateline)
        form = meeting_form(plain, trigger, triggers, unit) if kind == "meeting" else ""
        definite = bool(DEFINITE.search(plain, max(unit.start, trigger.start - 30), trigger.start))
        before_date = max(unit.start, date.text_start - 30)
        # "which will last until October 23": the day a happening begun ends, and no day of its own
        lasts = bool(LASTS_UNTIL.search(plain, before_date, date.text_start))
        candidates.append(
            Candidate(
                event,
                weak=unit.header or fallback,
                order=0,
                name=date.text if date.type == "name" else absorbed.get(id(date), ""),
                by_publication=by_publication,
                future=future,
                header=unit.header,
                present=present and date.type == "published",
                going_on=fallback and not (unit.header or unit.lead),
                vague_kind=acted or kind_rule.endswith("no kind word: other"),
                form=form,
                stem=stem(trigger.text),
                spelled_range=date.type == "range" and date.end is not None,
                reports_today=unit.header and reports_today(plain, unit),
                stems=frozenset(stem(t.text) for t in triggers if t.kind != GENERIC),
                head_stem=stem(trigger.text.split()[-1]) if trigger.text.split() else "",
                ends=bool(
                    END_VERB.match(trigger.text) or ENDED_ON.search(plain, before_date, date.text_start) or lasts
                ),
                begins=bool(BEGIN_VERB.match(trigger.text) or BEGAN_ON.search(plain, before_date, date.text_start)),
                part=bool(STAGE_OF.search(plain, max(unit.start, trigger.start - 40), trigger.start)),
                lasts=lasts,
                definite=definite,
                named_again=definite and not VERB.match(trigger.text),
                ours=bool(OURS.search(plain, max(unit.start, trigger.start - 20), trigger.start)),
                partner=partner_of(plain, trigger) if form == "bilateral" else frozenset(),
                noun_at=noun_at(plain, trigger, triggers, unit),
            )
        )
    if (
        context
        and leading
        and len(candidates) == 1
        and candidates[0].event.precision == "day"
        and not candidates[0].by_publication  # the headline writes the day out, not its date line
        and sum(1 for d in found if d.type != "name") == 1  # and no year of the meeting's own
    ):
        # "Remarks and answers to media questions following the meeting of the Council of Foreign
        # Ministers (Almaty, June 21, 2024)": the meeting the remarks followed was held that day too.
        first, meeting = candidates[0], context[0]
        ends = [m.start() for m in re.finditer(r"[(,;:]", plain[meeting.start : unit.end])] + [unit.end - meeting.start]
        words = " ".join(plain[meeting.start : meeting.start + min(ends)].split())
        title = words[:1].upper() + words[1:]
        rule = f"kind: the meeting the headline's {first.event.kind} followed, on its day"
        candidates.append(
            replace(
                first,
                event=replace(first.event, kind="meeting", title=title, rules=(first.event.rules[0], rule)),
                stem=stem(meeting.text),
                head_stem=stem(meeting.text.split()[-1]),
                noun_at=meeting.start,
            )
        )
    if trace:
        trace.events = [c.event for c in candidates]
        if dates and not pairs:
            trace.notes.append("no date and kind word pair up in this sentence")
    return found, candidates


# A stage of a happening: "the active phase of the exercise", "the final stage of the drills".
STAGE_OF = re.compile(
    r"(?i:\b(?:active|final|first|second|third|fourth|practical|main|concluding|closing)\s+(?:phase|stage)\s+of\s+"
    r"(?:the\s+|these\s+|this\s+)?(?:[\w\"'-]+\s+){0,3}$)"
)
# A finite verb, or what stands for one: a sentence without any is a fragment of the one before.
HAS_VERB = re.compile(
    r"(?i:\b(?:is|are|was|were|be|been|has|have|had|will|would|shall|can|could|may|might|must|do|does|did|"
    r"\w+ed|\w+s\s+(?:the|a|an|its|their|to|on|in)|met|held|took|gave|began|said|told|made|went|came|left|"
    r"plan|hold|meet|take|sign|visit|discuss)\b)"
)
YEARS_OF = re.compile(r"(?i:\w+(?:-\w+)?\s+years\s+of\b)")
# What only places a headline's happening in time: "following the session of", "on the sidelines of".
TRANSCRIPT_OF = re.compile(r"\s*(?i:transcript)\s+of\s+(?:the\s+)?")
FOLLOWING = re.compile(r"(?i:\b(?:following|after)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,6}$)")
CONTEXT_BEFORE = re.compile(
    r"(?i:\b(?:following|after|ahead\s+of|on\s+the\s+eve\s+of|on\s+the\s+(?:results|sidelines|margins)\s+of|"
    # "Transcript of Media Briefing on upcoming SCO Summit (June 10, 2019)", "... visit for the SCO Summit"
    r"on\s+(?:the\s+)?(?:upcoming|forthcoming)|for)\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,6}$)"
)
# An item of a list: "4. a meeting of the Council - on November 22 in Minsk;", "- the forum in May".
LIST_ITEM = re.compile(r"\s*(?:\d{1,2}[.)]|[-\u2022\u2013\u2014*])\s+")
# A list's opening sentence that names a plan or schedule: its items lie ahead.
LIST_OF_PLANS = re.compile(r"(?i:\b(?:schedule|plan|programme|program|calendar|agenda)s?\b)")


def news_day(plain: str, unit: Unit, published: datetime.date | None, last_day: DateValue | None) -> DateValue | None:
    """The day "the day before" counts from: the last day named, unless a new paragraph opens after
    a paragraph of history ("Today marks the anniversary ... entered into force on January 26, 2000."
    then "A solemn meeting was held the day before"): then the news is the publication day's. Called
    only when a sentence before told the publication day's news."""
    if published is None or last_day is None or (published - last_day.start).days <= HISTORY_DAYS:
        return last_day
    if "\n" not in plain[max(0, unit.start - 3) : unit.start]:
        return last_day
    return DateValue(published, None, "day", unit.start, unit.start, "", "published")


HISTORY_DAYS = 366
# The future seen from the past: "the Council was scheduled to meet", "the heads of government were to meet".
WAS_TO = re.compile(r"(?i:\b(?:was|were)\s+(?:to|scheduled|due|expected|set|planned)\b)")


EVENT_WORD = re.compile(r"(?i:\bevent\b)")


def last_kind_word(plain: str, units: list[Unit]) -> str | None:
    """The kind of the last kind word of the units before ("... discussed the exhibition of military
    equipment." then "The event will take place in Minsk": an exhibition, `other`)."""
    for unit in reversed(units):
        kinds = [t.kind for t in find_triggers(plain, unit.start, unit.end) if t.kind != GENERIC]
        if kinds:
            return kinds[-1]
    return None


# How many sentences back "the event" may look for what it speaks of.
EVENT_LOOKBACK = 2


def noun_at(plain: str, trigger: Trigger, triggers: list[Trigger], unit: Unit) -> int:
    """Where the noun that names the happening stands: the trigger, or a generic verb's object or
    subject ("will host the Rubezh exercise"); -1 when a verb names it."""
    word = trigger
    if trigger.kind == GENERIC:
        word = object_of(plain, trigger, triggers) or subject_of(plain, trigger, triggers, unit) or trigger
    return -1 if word.kind == GENERIC or VERB.match(word.text) else word.start


def told_back_from(
    plain: str, unit: Unit, published: datetime.date | None, last_day: DateValue | None
) -> DateValue | None:
    """The day "the day before" counts from in a sentence told in the past: not a day still to come
    ("will become Secretary General from January 1, 2020." then "The day before he took part in the
    summit"), but the publication day (None)."""
    if (
        published is None
        or last_day is None
        or last_day.start - datetime.timedelta(days=1) <= published  # "arrived on the eve" of tomorrow's session
        or FUTURE.search(plain, unit.start, unit.end)
        or WAS_TO.search(plain, unit.start, unit.end)
        or not PAST_VERB.search(plain, unit.start, unit.end)
    ):
        return last_day
    return None


def lasting_days(plain: str, unit: Unit, noun: Trigger, date: DateValue) -> int | None:
    """How many days a happening lasts by its adjective ("a two-day summit"), when its one day is
    the first ("opened Saturday", "on 9 June"), not the last ("ended on Friday")."""
    if date.precision != "day" or date.end is not None or date.type == "published":
        return None
    match = N_DAY.search(plain, max(unit.start, noun.start - 30), noun.start)
    before_date = max(unit.start, date.text_start - 30)
    if (
        match is None
        or ENDED_ON.search(plain, before_date, date.text_start)
        or LASTS_UNTIL.search(plain, before_date, date.text_start)
    ):
        return None
    return DAY_COUNTS.get(match["n"].lower())


N_DAY = re.compile(r"(?i:\b(?P<n>two|three|four|five|six|seven|[2-7])-day\s+(?:[\w-]+\s+){0,2}$)")
DAY_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, **{str(n): n for n in range(2, 8)}}


# Date patterns counted from the publication day: only a dateline fixes them.
COUNTED_FROM_PUBLICATION = frozenset(
    {"rel_day", "weekday", "weekday_range", "weekday_pair", "rel_week", "weekend", "days_ago", "rel_month"}
)


# What happens every year is no news of the day: "The forum is held annually in St. Petersburg".
HABITUAL = re.compile(r"(?i:\b(?:annually|every\s+year|each\s+year|traditionally|regularly|usually)\b)")
ADOPTED_DOCUMENT = re.compile(
    r"\b(?:Decision|Regulations?|Resolution|Law|Order|Decree|Instruction|Provision|Concept|Programme|Program)\b"
)


def document_signing(plain: str, date: DateValue, unit: Unit) -> Trigger | None:
    """The date in a document's name ("the Agreement of 7 October 2002 on the legal status", "the
    Collective Security Treaty of May 15, 1992") is the day it was signed: a decision, whatever else
    the sentence tells ("exchanged views on the implementation of ..."). None for other dates."""
    if date.type not in ("explicit", "numeric"):
        return None
    document = DOCUMENT_DATE_BEFORE.search(plain, max(unit.start, date.text_start - 60), date.text_start)
    if document is None or DOCUMENT_HAPPENS.search(plain, unit.start, unit.end):
        return None  # "The Treaty of 15 May 1992 was signed in Tashkent": the sentence tells it itself
    return Trigger("decision", document.start(), document.end(), plain[document.start() : document.end()].strip())


YEAR_DOCUMENT_AFTER = re.compile(
    r"\s+(?:[A-Z][\w-]*\s+){0,3}(?P<document>(?i:treaty|agreement|charter|convention|declaration|protocol|memorandum))\b"
)


def tallies(plain: str, trigger: Trigger, date: DateValue) -> bool:
    """A verb whose object is a count of acts ("adopted 12 decisions", "held 40 events"), the count
    not being the date ("two years ago"); "approved 28 union programmes" is one approval."""
    if not VERB.match(trigger.text) and COUNTED.search(plain, max(0, trigger.start - 30), trigger.start):
        return True  # "In 2023, 14 meetings of the Council were held"
    count = COUNTED_OBJECT.match(plain, trigger.end)
    if not count or (count.start() < date.text_end and date.text_start < count.end()):
        return False
    return bool(COUNTED_ACTS.search(count.group()))


COUNTED_ACTS = re.compile(
    r"(?i:\b(?:decisions|resolutions|acts|events|meetings|sessions|exercises|drills|trainings|visits|consultations|"
    r"conferences|seminars|documents|laws|recommendations)\b)"
)


def dated_without_happening(plain: str, found: list[DateValue], unit: Unit) -> bool:
    """A sentence with a day or month of its own and no word saying what happened."""
    return any(
        d.precision != "year" and d.type not in ("name", "anaphoric") and drop_reason(plain, d, unit) is None
        for d in found
    ) and not find_triggers(plain, unit.start, unit.end)


# "Putin flew to Dushanbe on Monday to attend CSTO summit": the infinitive says why he went
WENT_BEFORE = re.compile(r"(?i:\b(?:flew|went|came|left|arrived|travell?ed|headed|departed)\b)")
CLAUSES_APART = re.compile(r",\s+(?:and|while|but)\b|;|\.\s")
FOUNDING_DECISION = re.compile(rf"(?i:{FOUNDING})")


def at_dateline(date: DateValue, dateline: tuple[int, int] | None) -> bool:
    """The dateline's own date, with a weekday the headline ends with ("... on Thursday 14.06.2006")."""
    return dateline is not None and date.text_end == dateline[1] and date.text_start <= dateline[0]


def date_rule(date: DateValue, unit: Unit, present: bool, future: bool) -> str:
    """How an event was dated, in words an editor can check."""
    if date.type == "published":
        if present:
            return "dated by the publication date: a present-tense headline reports the day's news"
        where = "headline" if unit.header else "lead"
        return f"dated by the publication date: an undated {where} reports the day's news"
    rule = f"dated by '{date.text}' ({date.pattern or date.type})"
    if not date.year_given:
        rule += ", year inferred" + (" forward: told in the future tense" if future else "")
    return rule


def make_event(
    plain: str,
    text: str,
    unit: Unit,
    date: DateValue,
    kind: str,
    trigger: Trigger,
    date_spans: list[tuple[int, int]],
    several_names: bool = False,
    noun: Trigger | None = None,
) -> ExtractedEvent:
    sentence = plain[unit.start : unit.end]
    years = None
    if kind == "anniversary":
        # The count nearest the word that says it is an anniversary: "the 20th anniversary of the
        # Staff, which over 40 years ..." is a 20th.
        counts = [m for m in ANNIVERSARY_YEARS.finditer(sentence) if 0 < int(m.group(1)) < 500]
        anchor = trigger.start - unit.start
        match = min(counts, key=lambda m: abs(m.start() - anchor), default=None)
        years = int(match.group(1)) if match else None
    founding = years_before(date.start, years) if years and date.precision == "day" else None
    return ExtractedEvent(
        start=date.start,
        end=date.end,
        precision=date.precision,
        kind=kind,
        title=name_title(date, kind, find_location(sentence))
        if several_names and date.type == "name"
        else make_title(
            plain, unit.start, unit.end, trigger.end, date_spans, governed_phrase(plain, unit, date, noun or trigger)
        ),
        evidence=text[unit.start : unit.end],
        evidence_start=unit.start,
        evidence_end=unit.end,
        date_text=text[date.text_start : date.text_end] if date.type != "published" else "",
        date_start=date.text_start if date.type != "published" else None,
        date_end=date.text_end if date.type != "published" else None,
        time=date.time,
        location=find_location(sentence),
        anniversary_years=years,
        founding=founding,
        founding_precision="day" if founding else None,
    )


NAMED_NOUN = {"exercise": "Exercise", "conference": "Conference", "meeting": "Meeting", "other": "Operation"}


# A preposition or a noun that governs the happening's noun: "preparations for the", "the importance
# of the joint", "an invitation to the international".
GOVERNED = re.compile(
    r"\b(?:for|on|about|regarding|concerning|of|at|including|to\s+(?:hold|host|convene|organi[sz]e))\s+"
    r"(?:the\s+|a\s+|an\s+|its\s+|their\s+|this\s+|next\s+|upcoming\s+)*"
    r"(?P<phrase>(?:(?!(?:for|on|about|of|the|a|an|to|in|at|with|and|or)\b)[\w\"'\u201c\u201d-]+\s+){0,3})$",
    re.IGNORECASE,
)


def governed_phrase(plain: str, unit: Unit, date: DateValue, trigger: Trigger) -> tuple[int, int] | None:
    """Where the phrase of a happening's noun begins and the noun ends, when a verb of the sentence
    governs it and the date is the phrase's own; None otherwise (the sentence's clause says who did what)."""
    if VERB.match(trigger.text) or date.type in ("published", "name") or date.text_start < trigger.end:
        return None
    before = GOVERNED.search(plain, max(unit.start, trigger.start - 60), trigger.start)
    if before is None or not VERB_BEFORE.search(plain, unit.start, before.start()):
        return None
    return before.start("phrase"), trigger.end


# A verb before the phrase: someone did something about the happening ("exchanged views on").
VERB_BEFORE = re.compile(r"\b(?:\w+ed|met|held|will|is|are|was|were|has|have|discuss\w*|review\w*|note\w*)\b", re.I)


def name_title(date: DateValue, kind: str, location: str | None = None) -> str:
    """A sentence naming several exercises is no title for each: 'The "Search-2023" exercise in Belarus' is."""
    title = f'The "{date.text.strip(chr(34))}" {NAMED_NOUN.get(kind, kind).lower()}'
    return f"{title} in {location}" if location else title


def years_before(day: datetime.date, years: int) -> datetime.date:
    """The same day `years` earlier; 29 February falls back to the 28th in common years."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)
