#!/usr/bin/env python3
"""Builds crates/extract/data/morph.tsv, the morphological lookup of names and places.

Run from anywhere:  python3 crates/extract/tools/build_morph.py [--languages ru,uk]
(`--languages ru` leaves the Ukrainian dictionary out: see data/SOURCES.md on its licence.)
It creates a private virtual environment under target-extract/morphvenv (git-ignored), installs
the pinned packages below and writes data/morph.tsv from their dictionaries. Run it again after
`build_gazetteer.py`: the words of the gazetteer's Cyrillic names choose some of the entries.

What goes in (every form of each chosen lexeme, singular and plural, each tied to the
nominative of its own gender and number, so "Ивановой" leads to "Иванова", not to the lemma
"Иванов"):
  N / S / P   given names, surnames, patronymics (OpenCorpora grammemes Name, Surn, Patr; the
              Ukrainian dictionary uses the same grammemes)
  G           place names (Russian: grammeme Geox)
  O           organisation names (Russian: grammeme Orgn)
  W           any noun or adjective whose dictionary form is a word of a Cyrillic gazetteer name
              ("нижний" of "Нижний Новгород", "тула", "старобільськ"): the Ukrainian dictionary
              marks no place names, and adjectives inside names are common words
Plural forms of persons' names are left out ("Ивановы" names a family, not a person).

The file (sorted, one entry a line, `#` comments):
  @ID<TAB>DELTA DELTA ...        a paradigm: how each form is made from the nominative, as
                                 "K:SUFFIX" (drop the last K letters, add SUFFIX)
  NOMINATIVE<TAB>TAG<TAB>ID      a lexeme-gender: its nominative (lowercase, unfolded), the tag
                                 (kind letter above, gender m/f/n/c/p for masculine, feminine,
                                 neuter, common, plural, language r/u) and its paradigm
The extractor's build script folds every form and compiles the lot into an fst set.

Sources (see data/SOURCES.md for versions and licences):
  pymorphy3-dicts-ru  OpenCorpora dictionary (CC BY-SA 3.0)
  pymorphy3-dicts-uk  the VESUM / LanguageTool Ukrainian dictionary (see SOURCES.md)
"""
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CRATE = os.path.dirname(HERE)
REPO = os.path.dirname(os.path.dirname(CRATE))
VENV = os.path.join(REPO, "target-extract", "morphvenv")
PACKAGES = [
    "pymorphy3==2.0.6",
    "pymorphy3-dicts-ru==2.4.417150.4580142",
    "pymorphy3-dicts-uk==2.4.1.1.1663094765",
]
OUT = os.path.join(CRATE, "data", "morph.tsv")
GAZETTEER = os.path.join(CRATE, "data", "gazetteer.tsv")

PERSON = {"Name": "N", "Surn": "S", "Patr": "P"}
# Grammemes of forms that are misspellings or rare spellings: not worth a key.
SKIP = {"Erro", "Dist"}


def ensure_venv():
    py = os.path.join(VENV, "bin", "python")
    if not os.path.exists(py):
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
    subprocess.check_call([py, "-m", "pip", "install", "-q", *PACKAGES])
    return py


def is_cyrillic(s):
    return any("\u0400" <= c <= "\u04ff" for c in s)


def gazetteer_words():
    """Lowercase Cyrillic words of the gazetteer's names, hyphenated words whole and in parts."""
    words = set()
    with open(GAZETTEER, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 5:
                continue
            for name in cols[4].split("|"):
                for w in name.replace("«", " ").replace("»", " ").split():
                    w = w.strip(".,()\"'’").lower()
                    if len(w) < 3 or not is_cyrillic(w):
                        continue
                    words.add(w)
                    if "-" in w:
                        words.update(p for p in w.split("-") if len(p) >= 3)
    return words


def gender_of(g):
    if "plur" in g:
        return "p"
    for gram, letter in (("masc", "m"), ("femn", "f"), ("neut", "n"), ("ms-f", "c")):
        if gram in g:
            return letter
    return "c"


def common_prefix(a, b):
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    return k


def delta(nominative, form):
    k = 0
    while k < min(len(nominative), len(form)) and nominative[k] == form[k]:
        k += 1
    return f"{len(nominative) - k}:{form[k:]}"


def lexemes(lang, gaz_words):
    """Yields (nominative, tag, forms) for every chosen lexeme-gender of one dictionary."""
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer(lang=lang)
    parsed = {}
    chosen = {}  # (normal form, paradigm id) -> kind, forms
    for word, tag, normal, para_id, _idx in morph.dictionary.iter_known_words():
        p = parsed.get(id(tag))
        if p is None:
            g = set(str(tag).replace(" ", ",").split(","))
            kind = None
            for gram, letter in PERSON.items():
                if gram in g:
                    kind = letter
            if kind is None and "Geox" in g:
                kind = "G"
            if kind is None and "Orgn" in g:
                kind = "O"
            if kind is None and ("NOUN" in g or "ADJF" in g):
                kind = "W"
            case = next((c for c in ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct") if c in g), None)
            p = (kind, gender_of(g), case, bool(g & SKIP), "Abbr" in g)
            parsed[id(tag)] = p
        kind, gender, case, skip, abbr = p
        if kind is None or skip or abbr:
            continue
        if kind == "W" and normal not in gaz_words:
            continue
        if kind in "NSP" and gender == "p":
            continue
        key = (normal, para_id)
        entry = chosen.get(key)
        if entry is None:
            entry = chosen[key] = {"kind": kind, "forms": []}
        # A lexeme is a person's name, place or organisation when any of its forms says so.
        if entry["kind"] == "W" and kind != "W":
            entry["kind"] = kind
        entry["forms"].append((word, gender, case))
    for (normal, _), entry in chosen.items():
        by_gender = {}
        for word, gender, case in entry["forms"]:
            by_gender.setdefault(gender, []).append((word, case))
        for gender, forms in by_gender.items():
            nominatives = sorted({w for w, c in forms if c == "nomn"}) or [normal]
            # A lexeme may hold spelling variants ("Григорьевич", "Григориевич"): each form
            # goes with the nominative it shares the longest beginning with.
            groups = {}
            for w, _ in forms:
                nominative = max(nominatives, key=lambda n: (common_prefix(n, w), n == normal))
                groups.setdefault(nominative, set()).add(w)
            for nominative, words in groups.items():
                words = sorted(words | {nominative})
                yield nominative, f"{entry['kind']}{gender}{lang[0]}", words


def main():
    if os.path.realpath(sys.prefix) != os.path.realpath(VENV):
        py = ensure_venv()
        os.execv(py, [py, os.path.abspath(__file__), *sys.argv[1:]])
    import importlib.metadata as md

    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--languages", default="ru,uk", help="dictionaries to read (ru, uk)")
    args = ap.parse_args()
    gaz_words = gazetteer_words()
    rows = set()
    for lang in args.languages.split(","):
        t = time.time()
        n = 0
        for nominative, tag, words in lexemes(lang, gaz_words):
            rows.add((nominative, tag, " ".join(delta(nominative, w) for w in words)))
            n += 1
        print(f"{lang}: {n} lexeme-genders in {time.time() - t:.0f} s", file=sys.stderr)
    paradigms = {}
    for _, _, p in sorted(rows):
        paradigms.setdefault(p, len(paradigms))
    versions = ", ".join(f"{p.split('==')[0]} {md.version(p.split('==')[0])}" for p in PACKAGES)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# Generated by crates/extract/tools/build_morph.py from " + versions + ".\n")
        f.write("# Format and sources: the script's docstring and data/SOURCES.md. Do not edit by hand.\n")
        for p, i in sorted(paradigms.items(), key=lambda x: x[1]):
            f.write(f"@{i}\t{p}\n")
        for nominative, tag, p in sorted(rows):
            f.write(f"{nominative}\t{tag}\t{paradigms[p]}\n")
    print(f"{len(rows)} entries, {len(paradigms)} paradigms -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
