"""The extraction score used by the tests: the rules of shared/tools/score_extraction.py.

A predicted event matches a gold event of the same release when its start, cut to the gold
precision, equals the gold start, it is no coarser than the gold, and the ends agree. Matching is
one-to-one and optimal, as in the shared scorer. Kept here so the suite runs without ../shared beside the clone.
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


def _weight(pred: dict, gold: dict, check_time: bool) -> int:
    """What pairing this prediction with this gold event is worth (0: they do not match).

    Required events count first, optional ones next, then the same kind, then the same precision,
    so that a coarse prediction never takes a finer gold event's only partner.
    """
    if not _matches(pred, gold, check_time):
        return 0
    return (
        (100 if gold.get("optional") else 10_000)
        + 10 * (pred["kind"] == gold["kind"])
        + (pred["precision"] == gold["precision"])
    )


def best_pairs(golds: list[dict], preds: list[dict], check_time: bool = False) -> dict[int, int]:
    """The one-to-one pairing of gold and predicted events of one release with the greatest weight.

    Each gold event can only pair with the few predictions of its dates, so a search over gold
    events, remembering which predictions are taken, stays small.
    """
    options = [[(j, w) for j, p in enumerate(preds) if (w := _weight(p, g, check_time))] for g in golds]
    memo: dict[tuple[int, int], tuple[int, tuple]] = {}

    def best(index: int, taken: int) -> tuple[int, tuple]:
        if index == len(golds):
            return 0, ()
        key = (index, taken)
        if key not in memo:
            result = best(index + 1, taken)
            for j, weight in options[index]:
                if not taken & (1 << j):
                    value, pairs = best(index + 1, taken | (1 << j))
                    if value + weight > result[0]:
                        result = (value + weight, ((index, j), *pairs))
            memo[key] = result
        return memo[key]

    return dict(best(0, 0)[1])


def score(gold: list[dict], predicted: dict, check_time: bool = False) -> dict:
    """Recall, precision, kind accuracy, misses and extras, pairing events as the shared scorer does
    (one to one, optimally). With check_time, a gold event that states a "time" (even null) also
    needs the predicted event's time to equal it."""
    by_file = {r["file"]: r for r in predicted["releases"]}
    required = matched = predicted_count = matched_any = kind_ok = 0
    misses, extras = [], []
    for gold_release in gold:
        events = list(by_file.get(gold_release["file"], {}).get("events", []))
        predicted_count += len(events)
        pairs = best_pairs(gold_release["events"], events, check_time)
        for index, g in enumerate(gold_release["events"]):
            pick = pairs.get(index)
            if not g.get("optional"):
                required += 1
            if pick is None:
                if not g.get("optional"):
                    misses.append((gold_release["file"], g))
                continue
            matched_any += 1
            if not g.get("optional"):
                matched += 1
                kind_ok += events[pick]["kind"] == g["kind"]
        used = set(pairs.values())
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
