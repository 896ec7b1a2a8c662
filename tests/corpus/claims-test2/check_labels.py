#!/usr/bin/env python3
"""Check the label files in this folder and print label counts.

Usage:  python3 check_labels.py [--uncovered]

For every NAME.labels.toml next to this script it checks that
  * the header has source, license and kind ("commentary" or "news");
  * every [[label]] has text, label (one of the six labels) and note;
  * text occurs in NAME.txt: exactly once when nth is absent, at least
    nth times when nth is given (occurrence K is the K-th hit of
    str.find scanning left to right, each search starting one character
    after the previous hit);
  * no two labelled spans overlap.
It then prints the label counts per file and in total. With --uncovered
it also lists the text that no span covers (headlines, datelines and
section headings, which are deliberately unlabelled).
Exit status 1 if any check fails.
"""
import sys
import tomllib
from collections import Counter
from pathlib import Path

LABELS = ["attributed", "unattributed", "weasel", "orphan-quote", "opinion", "plain"]
FLAGGED = {"unattributed", "weasel", "orphan-quote"}
HERE = Path(__file__).resolve().parent


def occurrences(text, needle):
    hits, i = [], text.find(needle)
    while i != -1:
        hits.append(i)
        i = text.find(needle, i + 1)
    return hits


def resolve(doc, entry):
    """(start, end) of the entry's span in doc, or an error string."""
    needle = entry["text"]
    hits = occurrences(doc, needle)
    nth = entry.get("nth")
    if nth is None:
        if len(hits) != 1:
            return f"occurs {len(hits)} times and has no nth: {needle!r}"
        return hits[0], hits[0] + len(needle)
    if not isinstance(nth, int) or nth < 1 or nth > len(hits):
        return f"nth={nth!r} but {len(hits)} occurrence(s): {needle!r}"
    return hits[nth - 1], hits[nth - 1] + len(needle)


def check(show_uncovered=False):
    errors, total, per_kind = [], Counter(), {}
    files = sorted(HERE.glob("*.labels.toml"))
    for lf in files:
        name = lf.name[: -len(".labels.toml")]
        doc = (HERE / f"{name}.txt").read_text(encoding="utf-8")
        data = tomllib.loads(lf.read_text(encoding="utf-8"))
        for key in ("source", "license", "kind"):
            if not isinstance(data.get(key), str):
                errors.append(f"{lf.name}: missing {key}")
        if data.get("kind") not in ("commentary", "news"):
            errors.append(f"{lf.name}: kind must be commentary or news")
        spans, counts = [], Counter()
        for i, e in enumerate(data.get("label", []), 1):
            if e.get("label") not in LABELS or not e.get("text") or not e.get("note"):
                errors.append(f"{lf.name} label #{i}: needs text, note and a known label")
                continue
            r = resolve(doc, e)
            if isinstance(r, str):
                errors.append(f"{lf.name} label #{i}: {r}")
                continue
            spans.append((r[0], r[1], i))
            counts[e["label"]] += 1
        spans.sort()
        for (s1, e1, i1), (s2, e2, i2) in zip(spans, spans[1:]):
            if s2 < e1:
                errors.append(f"{lf.name}: labels #{i1} and #{i2} overlap")
        flagged = sum(counts[k] for k in FLAGGED)
        print(f"{name:34s} {data.get('kind', '?'):10s} {len(doc.split()):5d} words "
              f"{sum(counts.values()):4d} spans {flagged:3d} flagged  "
              + " ".join(f"{k}={counts[k]}" for k in LABELS if counts[k]))
        total.update(counts)
        per_kind.setdefault(data.get("kind"), Counter()).update(counts)
        if show_uncovered:
            covered = [False] * len(doc)
            for s, e, _ in spans:
                for j in range(s, e):
                    covered[j] = True
            run, runs = "", []
            for ch, c in zip(doc, covered):
                if not c:
                    run += ch
                elif run:
                    runs.append(run)
                    run = ""
            if run:
                runs.append(run)
            for r in runs:
                if r.strip():
                    print(f"    unlabelled: {r.strip()!r}")
    print()
    for kind, c in sorted(per_kind.items(), key=lambda kv: str(kv[0])):
        print(f"{kind}: " + " ".join(f"{k}={c[k]}" for k in LABELS))
    flagged = sum(total[k] for k in FLAGGED)
    print(f"TOTAL {sum(total.values())} spans in {len(files)} files; "
          f"flagged (unattributed+weasel+orphan-quote) = {flagged}")
    print("  " + " ".join(f"{k}={total[k]}" for k in LABELS))
    for err in errors:
        print("ERROR", err)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(check("--uncovered" in sys.argv[1:]))
