"""The extraction score used by the tests: the rules of shared/tools/score_extraction.py.

A predicted event matches a gold event of the same release when its start, cut to the gold
precision, equals the gold start, it is no coarser than the gold, and the ends agree. Matching is
one-to-one, same kind first. Kept here so the suite runs without ../shared beside the clone.
"""

RANK = {"year": 0, "month": 1, "day": 2}
LENGTH = {"year": 4, "month": 7, "day": 10}


def _matches(pred: dict, gold: dict) -> bool:
    precision = gold["precision"]
    if RANK[pred["precision"]] < RANK[precision]:
        return False
    if (pred["start"] or "")[: LENGTH[precision]] != gold["start"]:
        return False
    end = pred["end"][: LENGTH[precision]] if pred.get("end") else None
    if gold.get("end"):
        return end == gold["end"]
    return end in (None, gold["start"])


def score(gold: list[dict], predicted: dict) -> dict:
    by_file = {r["file"]: r for r in predicted["releases"]}
    required = matched = predicted_count = matched_any = kind_ok = 0
    misses, extras = [], []
    for gold_release in gold:
        events = list(by_file.get(gold_release["file"], {}).get("events", []))
        predicted_count += len(events)
        used: set[int] = set()
        for g in sorted(gold_release["events"], key=lambda g: g.get("optional", False)):
            candidates = [i for i, e in enumerate(events) if i not in used and _matches(e, g)]
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
