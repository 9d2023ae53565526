"""The extraction score used by the tests: the rules of shared/tools/score_extraction.py.

A predicted event matches a gold event of the same release when its start, cut to the gold
precision, equals the gold start, it is no coarser than the gold, and the ends agree. Matching is
one-to-one, same kind first. Kept here so the suite runs without ../shared beside the clone.
"""

RANK = {"year": 0, "month": 1, "day": 2}
LENGTH = {"year": 4, "month": 7, "day": 10}


def _matches(pred: dict, gold: dict, check_time: bool = False) -> bool:
    if check_time and "time" in gold and pred.get("time") != gold["time"]:
        return False
    precision = gold["precision"]
    if RANK[pred["precision"]] < RANK[precision]:
        return False
    if (pred["start"] or "")[: LENGTH[precision]] != gold["start"]:
        return False
    end = pred["end"][: LENGTH[precision]] if pred.get("end") else None
    if gold.get("end"):
        return end == gold["end"]
    return end in (None, gold["start"])


def score(gold: list[dict], predicted: dict, check_time: bool = False) -> dict:
    """Recall, precision, kind accuracy, misses and extras. With check_time, a gold event that
    states a "time" (even null) also needs the predicted event's time to equal it."""
    by_file = {r["file"]: r for r in predicted["releases"]}
    required = matched = predicted_count = matched_any = kind_ok = 0
    misses, extras = [], []
    for gold_release in gold:
        events = list(by_file.get(gold_release["file"], {}).get("events", []))
        predicted_count += len(events)
        used: set[int] = set()
        for g in sorted(gold_release["events"], key=lambda g: g.get("optional", False)):
            candidates = [i for i, e in enumerate(events) if i not in used and _matches(e, g, check_time)]
            same_kind = [i for i in candidates if events[i]["kind"] == g["kind"]]
            pick = (same_kind or candidates or [None])[0]
            if not g.get("optional"):
                required += 1
            if pick is None:
                if not g.get("optional"):
                    misses.append((gold_release["file"], g))
                continue
            used.add(pick)
            matched_any += 1
            if not g.get("optional"):
                matched += 1
                kind_ok += events[pick]["kind"] == g["kind"]
        extras += [(gold_release["file"], e) for i, e in enumerate(events) if i not in used]
    return {
        "recall": matched / required if required else 1.0,
        "precision": matched_any / predicted_count if predicted_count else 0.0,
        "kind_accuracy": kind_ok / matched if matched else 0.0,
        "misses": misses,
        "extras": extras,
    }


def file_type(file_name: str) -> str:
    """The expression type a release of the annotated set is about: its name without `_NN.txt`."""
    return file_name.rsplit("_", 1)[0]


def score_by_type(gold: list[dict], predicted: dict) -> dict[str, dict]:
    """Recall and precision per expression type of the annotated set.

    recall of type T    = matched required gold events whose "type" is T / required gold events of type T
    precision of type T = predicted events of the files named `T_NN.txt` that match a gold event
                          (optional ones too) / predicted events of those files (1.0 when none)
    Matching is `score`'s, with the time rule on: a gold event that states a "time" needs it.
    """
    result = score(gold, predicted, check_time=True)
    missed = {id(g) for _, g in result["misses"]}
    types = sorted({e["type"] for r in gold for e in r["events"]} | {file_type(r["file"]) for r in gold})
    rows = {t: {"gold": 0, "matched": 0, "predicted": 0, "correct": 0, "misses": [], "extras": []} for t in types}
    for release in gold:
        for event in release["events"]:
            if event.get("optional"):
                continue
            row = rows[event["type"]]
            row["gold"] += 1
            if id(event) in missed:
                row["misses"].append((release["file"], event))
            else:
                row["matched"] += 1
    by_file = {r["file"]: r for r in predicted["releases"]}
    for release in gold:
        row = rows[file_type(release["file"])]
        count = len(by_file.get(release["file"], {}).get("events", []))
        extras = [(f, e) for f, e in result["extras"] if f == release["file"]]
        row["predicted"] += count
        row["correct"] += count - len(extras)
        row["extras"] += extras
    for row in rows.values():
        row["recall"] = row["matched"] / row["gold"] if row["gold"] else 1.0
        row["precision"] = row["correct"] / row["predicted"] if row["predicted"] else 1.0
    return rows


def format_table(rows: dict[str, dict]) -> str:
    """The per-type rows as a fixed-width table: type, gold, matched, predicted, recall, precision."""
    lines = [f"{'type':<12} {'gold':>5} {'matched':>8} {'predicted':>10} {'recall':>7} {'precision':>10}"]
    total = {"gold": 0, "matched": 0, "predicted": 0, "correct": 0}
    for name, row in rows.items():
        lines.append(
            f"{name:<12} {row['gold']:>5} {row['matched']:>8} {row['predicted']:>10} "
            f"{row['recall']:>7.3f} {row['precision']:>10.3f}"
        )
        for key in total:
            total[key] += row[key]
    recall = total["matched"] / total["gold"] if total["gold"] else 1.0
    precision = total["correct"] / total["predicted"] if total["predicted"] else 1.0
    lines.append(
        f"{'all':<12} {total['gold']:>5} {total['matched']:>8} {total['predicted']:>10} {recall:>7.3f} {precision:>10.3f}"
    )
    return "\n".join(lines)
