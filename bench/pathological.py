#!/usr/bin/env python3
"""Benchmark: extraction time against input size on hostile inputs, from one run on one core.

usage: .venv/bin/python bench/pathological.py [--sizes 10,30,100,300,1000] [--budget SECONDS]

Each input is built to the given size (in KB) and read with `extract_release`, as an import or
an editor's upload preview would. Linear extraction shows a constant time per KB down a column;
a quadratic cost shows it growing with the size. A series stops once one size took longer than
the budget (the larger sizes are reported as skipped), so a regression still finishes.
"""

import argparse
import contextlib
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from events.extraction import ReleaseError, extract_release  # noqa: E402

HEADER = "Pathological release\n01.02.2021\n"
MONTHS = ("January", "March", "May", "July", "October", "December")


def repeat(unit: Callable[[int], str], size: int, header: str = HEADER) -> str:
    """`unit(i)` for i = 0, 1, ... until the text holds `size` characters."""
    pieces, length, index = [header], len(header), 0
    while length < size:
        piece = unit(index)
        pieces.append(piece)
        length += len(piece)
        index += 1
    return "".join(pieces)[:size]


INPUTS: dict[str, Callable[[int], str]] = {
    # the input: no headline, no dateline, nothing but overlapping year ranges
    "2020-2021- repeated": lambda size: ("2020-2021-" * (size // 10 + 1))[:size],
    # a dated event in every sentence, every one different
    "dated sentences": lambda size: repeat(
        lambda i: f"On {i % 28 + 1} {MONTHS[i % 6]} {1990 + i % 200} the Council held a meeting in Moscow. ", size
    ),
    # dates and triggers with no sentence end: one line, one sentence
    "one line, no sentence end": lambda size: repeat(
        lambda i: f"the ministers met in Minsk on {i % 28 + 1} {MONTHS[i % 6]} {2000 + i % 20}, and ", size
    ),
    # the same, as the first line: the headline and dateline are looked for there
    "one line, dates in the headline": lambda size: repeat(
        lambda i: f"{i % 28 + 1:02d}.{i % 12 + 1:02d}.{2000 + i % 20} talks on {i % 28 + 1} May, ", size, header=""
    ),
    # quotes and brackets around year-named exercises, never closed
    "quotes and brackets": lambda size: repeat(
        lambda i: f'("Interaction-{2000 + i % 30}" [«Search {2000 + i % 30}» (exercise "', size
    ),
    # date-like tokens, valid and not, with no sentence between them
    "date-like tokens": lambda size: repeat(
        lambda i: (
            "31 February 2020 ",
            "99.99.9999 ",
            "1, 2, 3 and 4 May ",
            "from 30 September to 2 October ",
            "Monday the 5th ",
            "2021/2022 ",
            "Interaction-2023 ",
            "the day before ",
            "on 5 May 2020 at 25:00 ",
        )[i % 9],
        size,
    ),
    # list-like numbers and capitals: what a date or name pattern could scan again and again
    "day lists and capitals": lambda size: repeat(
        lambda i: f"{i % 31 + 1}, " if i % 500 else "NATOSCOAAAAAAAAAAAAAAAAAAAA Aaaaaaaa ", size
    ),
}


def measure(text: str) -> float:
    began = time.perf_counter()
    with contextlib.suppress(ReleaseError):
        extract_release(text)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,30,100,300,1000", help="sizes in KB, comma-separated")
    parser.add_argument("--budget", type=float, default=20.0, help="seconds after which a series stops")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'input':34} {'KB':>6} {'seconds':>9} {'ms/KB':>8} {'time ratio':>11} {'size ratio':>11}")
    for name, build in INPUTS.items():
        previous: tuple[int, float] | None = None
        for kb in sizes:
            if previous and previous[1] > args.budget:
                print(f"{name:34} {kb:>6} {'skipped':>9}")
                continue
            seconds = measure(build(kb * 1000))
            ratios = ("", "")
            if previous:
                ratios = (f"{seconds / previous[1]:.1f}x", f"{kb / previous[0]:.1f}x")
            print(f"{name:34} {kb:>6} {seconds:>9.3f} {seconds * 1000 / kb:>8.2f} {ratios[0]:>11} {ratios[1]:>11}")
            previous = (kb, seconds)
            sys.stdout.flush()


if __name__ == "__main__":
    main()
