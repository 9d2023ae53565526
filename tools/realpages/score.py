#!/usr/bin/env python3
"""usage: score.py [--show] [--write] [SET...]: score the extractor (EXTRACTOR_ROOT, default this project) on the
gathered sets, tuned part (file number not divisible by 4) and held-out part (divisible by 4) apart.
--show lists misses/extras/kind errors of the TUNED part only. --write saves predictions to SET/pred.json."""

import importlib.util
import json
import os
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
HERE = PROJECT.parent / "realpages"  # the gathered sets, beside the project
ROOT = Path(os.environ.get("EXTRACTOR_ROOT", PROJECT))
sys.path.insert(0, str(ROOT))
from events.extraction import ReleaseError, extract_release, read_release_file  # noqa

spec = importlib.util.spec_from_file_location("s", str(PROJECT.parent / "shared" / "tools" / "score_extraction.py"))
scorer = importlib.util.module_from_spec(spec)
spec.loader.exec_module(scorer)

args = [a for a in sys.argv[1:] if not a.startswith("--")]
show = "--show" in sys.argv
sets = args or sorted(p.parent.name for p in HERE.glob("*/gold.json"))


def held(f):
    return int(f[:3]) % 4 == 0


allgold = {"tuned": [], "held": []}
allpred = []
for name in sets:
    folder = HERE / name
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    preds = []
    for g in gold:
        try:
            preds.append(
                extract_release(read_release_file(folder / "releases" / g["file"])).as_json(name + "/" + g["file"])
            )
        except ReleaseError as error:
            preds.append({"file": name + "/" + g["file"], "published": None, "errors": [str(error)], "events": []})
        g = dict(g, file=name + "/" + g["file"])
        allgold["held" if held(g["file"].split("/")[1]) else "tuned"].append(g)
    allpred += preds
    if "--write" in sys.argv:
        (folder / "pred.json").write_text(json.dumps(preds, indent=1), encoding="utf-8")
    tg = [dict(g, file=name + "/" + g["file"]) for g in gold if not held(g["file"])]
    s, rows = scorer.score(tg, {"releases": preds})
    print(
        f"{name:<20} tuned F1 {s['f1']:.3f} R {s['recall']:.3f} P {s['precision']:.3f} kind {s['kind_accuracy']:.3f} ({s['matched']}/{s['required']}, {s['predicted']} pred)"
    )
    if show:
        for file, hits, misses, extras, _ in rows:
            if not (
                misses or extras or any(scorer.canon_kind(g["kind"]) != scorer.canon_kind(e["kind"]) for g, e in hits)
            ):
                continue
            print(f"\n== {file}")
            for g in misses:
                print(
                    f"  MISSED {g['start']}{'/' + g['end'] if g.get('end') else ''} {g['kind']}: {g['evidence'][:120]}"
                )
            for e in extras:
                print(
                    f"  EXTRA  {e['start']}{'/' + e['end'] if e.get('end') else ''} {e['kind']}: {e['evidence'][:120]}"
                )
            for g, e in hits:
                if scorer.canon_kind(e["kind"]) != scorer.canon_kind(g["kind"]):
                    print(
                        f"  KIND   {g['start']} gold={g['kind']} got={e['kind']}: {g['evidence'][:70]} | {e['title'][:60]}"
                    )
        print()
for part in ("tuned", "held"):
    if allgold[part]:
        s, _ = scorer.score(allgold[part], {"releases": allpred})
        print(
            f"ALL {part:<6} F1 {s['f1']:.3f} R {s['recall']:.3f} P {s['precision']:.3f} kind {s['kind_accuracy']:.3f} ({len(allgold[part])} releases, {s['matched']}/{s['required']} required, {s['predicted']} pred)"
        )
