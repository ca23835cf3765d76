#!/usr/bin/env python3
"""Builds Rules/data/vocabulary.txt: ordinary English and Spanish words, lower case, one a line;
and Rules/data/capitalised-words.txt: the words SCOWL lists only capitalised (peoples, languages,
faiths, places, days, and some famous names), lower case, one a line.

The name detector uses it as a precision guard for names only its statistical tagger proposes: a
span made entirely of ordinary words ("Masks still", "Swipe", "Centro Comunitario") that no name
list holds is not a person's name. Sources (Debian packages, converted once; see SOURCES.md):
  scowl 2020.12.07-2:   /usr/share/dict/scowl/{english,american}-words.{10,20,35,40,50}
                        /usr/share/dict/scowl/{english,american}-upper.{10,20,35,40,50} (those that exist)
  wspanish 1.0.30:      /usr/share/dict/spanish
Run: apt-get install scowl wspanish && scripts/build-vocabulary.py
"""
import glob, os, unicodedata

words = set()
for size in ("10", "20", "35", "40", "50"):
    for variant in ("english", "american"):
        path = f"/usr/share/dict/scowl/{variant}-words.{size}"
        with open(path, encoding="latin-1") as f:
            for line in f:
                w = line.strip()
                # Lower-case entries only: capitalised ones are proper names.
                if w and w == w.lower() and not w.endswith("'s"):
                    words.add(w)
with open("/usr/share/dict/spanish", encoding="utf-8") as f:
    for line in f:
        w = line.strip()
        if w and w == w.lower():
            words.add(w)
            plain = "".join(c for c in unicodedata.normalize("NFD", w) if unicodedata.category(c) != "Mn")
            words.add(plain)
words = sorted(w for w in words if len(w) >= 2)
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Rules", "data", "vocabulary.txt")
with open(root, "w", encoding="utf-8") as f:
    f.write("\n".join(words) + "\n")
print(len(words), "words")

# The loosest guesses of the name tagger are listed only where no dictionary knows the word as
# capitalised: "English", "Canadian", "Muslim", "Kremlin" are no one's name.
upper = set()
for size in ("10", "20", "35", "40", "50"):
    for variant in ("english", "american"):
        path = f"/usr/share/dict/scowl/{variant}-upper.{size}"
        if not os.path.exists(path):
            continue
        with open(path, encoding="latin-1") as f:
            for line in f:
                w = line.strip()
                if w and not w.endswith("'s"):
                    upper.add(w.lower())
upper = sorted(w for w in upper if len(w) >= 2)
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Rules", "data", "capitalised-words.txt")
with open(path, "w", encoding="utf-8") as f:
    f.write("\n".join(upper) + "\n")
print(len(upper), "capitalised words")
