#!/usr/bin/env python3
"""Builds pairs.tsv from codespell's dictionary.txt.

Usage: build.py path/to/codespell_lib/data/dictionary.txt > pairs.tsv

Keeps single-word, lower-case, letters-only pairs with exactly one correction (entries
with several corrections are ambiguous). `copydesk eval spelling` then keeps only the
pairs whose misspelling the dictionary rejects and whose correction it accepts, and
reports how many that leaves.
"""
import re
import sys

WORD = re.compile(r"^[a-z]+$")
print("# misspelling\tcorrection (from codespell 2.4.3 dictionary.txt, CC BY-SA 3.0)")
for line in open(sys.argv[1], encoding="utf-8"):
    typo, _, fixes = line.strip().partition("->")
    fixes = [f.strip() for f in fixes.split(",") if f.strip()]
    if len(fixes) != 1 or not WORD.match(typo) or not WORD.match(fixes[0]):
        continue
    print(f"{typo}\t{fixes[0]}")
