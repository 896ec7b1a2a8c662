#!/usr/bin/env python3
"""Trains the attribution report model (src/checks/attribution/reports.rs).

Tabulates the sentences the model scores in the development corpora (claims-dev,
claims-new, claims-dev2, claims-dev3; never the test splits) with
`cargo test --test eval_attribution -- --ignored write_report_feature_tables`, fits an
L2-regularised logistic regression by gradient descent (standard library only, fixed
iterations, so the result is reproducible), estimates by leave-one-file-out
cross-validation how many flagged sentences it would add and at what precision for each
threshold, and writes src/data/attribution/report_weights.txt with the weights fitted on
all files and the chosen threshold.

    python3 scripts/train_attribution_reports.py [--no-tabulate] [--threshold T] [--dry-run]
"""
import argparse
import math
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TABLES = os.path.join(ROOT, "target", "report-features")
CORPORA = ["claims-dev", "claims-new", "claims-dev2", "claims-dev3"]
OUT = os.path.join(ROOT, "src", "data", "attribution", "report_weights.txt")
L2 = 1.0
STEPS = 3000
RATE = 0.5
# Smallest cross-validated precision of the sentences added for a threshold to be chosen.
MIN_PRECISION = 0.6


def load():
    header, rows = None, []
    for corpus in CORPORA:
        with open(os.path.join(TABLES, corpus + ".tsv"), encoding="utf-8") as f:
            lines = f.read().splitlines()
        header = lines[0].split("\t")[2:]
        for line in lines[1:]:
            parts = line.split("\t")
            rows.append((corpus + "/" + parts[0], int(parts[1]), [float(x) for x in parts[2:]]))
    return header, rows


def fit(rows, n):
    w = [0.0] * n
    b = 0.0
    m = len(rows)
    for _ in range(STEPS):
        gw = [L2 * wi / m for wi in w]
        gb = 0.0
        for _, y, x in rows:
            p = 1.0 / (1.0 + math.exp(-(b + sum(wi * xi for wi, xi in zip(w, x)))))
            d = (p - y) / m
            gb += d
            for i, xi in enumerate(x):
                if xi:
                    gw[i] += d * xi
        b -= RATE * gb
        w = [wi - RATE * gi for wi, gi in zip(w, gw)]
    return b, w


def score(b, w, x):
    return 1.0 / (1.0 + math.exp(-(b + sum(wi * xi for wi, xi in zip(w, x)))))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-tabulate", action="store_true")
    ap.add_argument("--threshold", type=float)
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    if not args.no_tabulate:
        subprocess.run(
            ["cargo", "test", "--quiet", "--test", "eval_attribution", "--", "--ignored",
             "write_report_feature_tables"],
            cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    names, rows = load()
    files = sorted({f for f, _, _ in rows})
    print(f"{len(rows)} sentences scored, {sum(y for _, y, _ in rows)} flagged, {len(files)} files")
    # Leave one file out: each file's sentences scored by a model fitted on the others.
    held = []
    for f in files:
        b, w = fit([r for r in rows if r[0] != f], len(names))
        held += [(r[0], r[1], score(b, w, r[2])) for r in rows if r[0] == f]
    thresholds = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8]
    print("threshold  added  hits  precision   (per corpus: added/hits)")
    chosen = None
    for t in thresholds:
        added = [(f, y) for f, y, p in held if p >= t]
        hits = sum(y for _, y in added)
        prec = hits / len(added) if added else 0.0
        per = " ".join(
            f"{c}:{sum(1 for f, _ in added if f.startswith(c + '/'))}/"
            f"{sum(y for f, y in added if f.startswith(c + '/'))}" for c in CORPORA)
        print(f"{t:9.2f} {len(added):6d} {hits:5d} {prec:10.3f}   {per}")
        if chosen is None and added and prec >= MIN_PRECISION:
            chosen = t
    if args.threshold is not None:
        chosen = args.threshold
    b, w = fit(rows, len(names))
    print("weights (all files):", f"bias {b:+.3f}", " ".join(f"{n} {x:+.3f}" for n, x in zip(names, w)))
    print("threshold chosen:", chosen)
    if args.dry_run:
        return
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# Report model weights: written by scripts/train_attribution_reports.py from the\n")
        f.write("# development corpora (claims-dev, claims-new, claims-dev2, claims-dev3).\n")
        f.write(f"# {len(rows)} sentences, {sum(y for _, y, _ in rows)} flagged; L2 {L2}, {STEPS} steps.\n")
        if chosen is None:
            f.write("# No threshold met the cross-validated precision floor: the model reports nothing.\n")
        else:
            f.write(f"threshold {chosen}\n")
        f.write(f"bias {b:.4f}\n")
        for n, x in zip(names, w):
            f.write(f"{n} {x:.4f}\n")


if __name__ == "__main__":
    sys.exit(main())
