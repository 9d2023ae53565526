#!/usr/bin/env python3
"""Benchmark: releases per second of events.extraction.extract_release, and of
dateparser.search.search_dates on the same texts, from one run on one core.

usage: .venv/bin/python bench/extraction.py [--releases N] [--dateparser-seconds S]
needs: pip install -r requirements-bench.txt (dateparser)

The corpus is the seed releases and the annotated set (tests/data/annotated), repeated with
variations (dateline moved by a few days, headline numbered) until it holds N releases.
dateparser is much slower, so it runs over the same corpus in order until S seconds have passed
(at least 50 releases); its rate is over the releases it finished, and the output says how many.
Both are also timed on the seed-length releases alone (about 3,000 characters, like real releases;
the annotated ones are short), so the per-release figure is not flattered by the short texts.
"""

import argparse
import datetime
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from events.extraction import ReleaseError, extract_release  # noqa: E402

DATELINE = re.compile(r"\b(\d{2})\.(\d{2})\.(\d{4})\b")


SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def sources() -> list[str]:
    files = SEEDS + sorted((ROOT / "tests" / "data" / "annotated").glob("*.txt"))
    return [path.read_text(encoding="utf-8") for path in files]


def vary(text: str, index: int) -> str:
    """A distinct but realistic copy: the dateline dates moved by `index % 300` days, the headline numbered."""
    shift = datetime.timedelta(days=index % 300)

    def move(match: re.Match) -> str:
        try:
            day = datetime.date(int(match[3]), int(match[2]), int(match[1])) + shift
        except ValueError:
            return match[0]
        return f"{day:%d.%m.%Y}"

    head, _, rest = text.partition("\n")
    return f"{head} ({index})\n" + DATELINE.sub(move, rest, count=2)


def corpus(size: int) -> list[str]:
    base = sources()
    return [base[i % len(base)] if i < len(base) else vary(base[i % len(base)], i) for i in range(size)]


def one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity), single thread"


def time_extractor(texts: list[str]) -> tuple[float, int, int]:
    events = failures = 0
    started = time.perf_counter()
    for text in texts:
        try:
            events += len(extract_release(text).events)
        except ReleaseError:
            failures += 1
    return time.perf_counter() - started, events, failures


def time_dateparser(texts: list[str], budget: float) -> tuple[float, int, int]:
    from dateparser.search import search_dates

    search_dates("warm-up on 16 January 2020", languages=["en"])  # loads the language data once
    found = done = 0
    started = time.perf_counter()
    for text in texts:
        found += len(search_dates(text, languages=["en"]) or [])
        done += 1
        if done >= 50 and time.perf_counter() - started > budget:
            break
    return time.perf_counter() - started, done, found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=1200)
    parser.add_argument("--dateparser-seconds", type=float, default=60.0)
    args = parser.parse_args()
    texts = corpus(args.releases)
    cpu = one_core()
    chars = sum(len(t) for t in texts)
    print(f"corpus: {len(texts)} releases, {chars / len(texts):.0f} characters each on average; {cpu}")
    extract_release(texts[0])  # warm-up: compiles the patterns
    seconds, events, failures = time_extractor(texts)
    ours = len(texts) / seconds
    print(
        f"extract_release:  {len(texts)} releases in {seconds:.3f} s = {ours:,.0f} releases/s, "
        f"{chars / seconds / 1000:,.0f}k characters/s ({events} events, {failures} ReleaseErrors)"
    )
    # The annotated releases are short; real releases are as long as the seeds: say what that costs.
    base = len(sources())
    long_texts = [t for i, t in enumerate(texts) if i % base < len(SEEDS)]
    seconds, _, _ = time_extractor(long_texts)
    long_ours = len(long_texts) / seconds
    print(
        f"  seed-length releases only: {len(long_texts)} releases, "
        f"{sum(len(t) for t in long_texts) / len(long_texts):.0f} characters each, {long_ours:,.0f} releases/s"
    )
    try:
        import dateparser
    except ImportError:
        print("dateparser is not installed: pip install -r requirements-bench.txt")
        return 1
    seconds, done, found = time_dateparser(texts, args.dateparser_seconds)
    theirs = done / seconds
    done_chars = sum(len(t) for t in texts[:done])
    subset = (
        ""
        if done == len(texts)
        else f" (a subset: the first {done} of the {len(texts)} releases, time budget {args.dateparser_seconds:.0f} s)"
    )
    print(
        f"dateparser {dateparser.__version__} search_dates: {done} releases in {seconds:.3f} s = {theirs:,.1f} releases/s, "
        f"{done_chars / seconds / 1000:,.1f}k characters/s ({found} date matches){subset}"
    )
    seconds, done, _ = time_dateparser(long_texts, args.dateparser_seconds)
    long_theirs = done / seconds
    print(f"  seed-length releases only: {done} releases, {long_theirs:,.1f} releases/s")
    print(f"ratio: extract_release is {ours / theirs:,.1f}x the speed of dateparser.search.search_dates")
    print(f"ratio on seed-length releases: {long_ours / long_theirs:,.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
