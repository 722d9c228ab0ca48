// Vendors the département outlines of the offline map (apps/spa/src/map/departements.json) from IGN's
// Admin Express, as published on data.gouv.fr in GeoJSON with the outre-mer (Licence Ouverte 2.0; see
// docs/data-sources.md). The outlines are simplified as one topology (topojson-server, topojson-simplify): a border
// is one arc shared by its two départements, so the simplified neighbours still meet exactly. Simplifying each
// département alone left slivers between them at city zoom. Coordinates are rounded to 3 decimals so that the
// file stays small; the map loads it lazily, as a chunk of its own.
// Usage: node scripts/vendor-departements.mjs [path/to/departements-avec-outre-mer.geojson]
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, simplify, sphericalTriangleArea } from "topojson-simplify";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const source = process.argv[2] ?? resolve(repo, "../shared/data/geo/departements-avec-outre-mer.geojson");
const target = resolve(repo, "apps/spa/src/map/departements.json");
// Visvalingam: points whose triangle with their neighbours is smaller than this (steradians, about 4 km²) go.
const MIN_AREA = 1e-7;
const MIN_RING_POINTS = 4;

const round = (n) => Math.round(n * 1000) / 1000;

/** Rounds a ring and drops the points that rounding made equal to their predecessor. */
function roundRing(ring) {
  const out = [];
  for (const [x, y] of ring) {
    const point = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  return out;
}

const geojson = JSON.parse(readFileSync(source, "utf8"));
const topo = simplify(presimplify(topology({ departements: geojson }), sphericalTriangleArea), MIN_AREA);
const departements = [];
for (const f of feature(topo, topo.objects.departements).features) {
  const { code, nom } = f.properties;
  const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  // Outer rings only: the map draws outlines, holes would not show at this scale.
  const rings = polygons
    .map((polygon) => roundRing(polygon[0]))
    .filter((ring) => ring.length >= MIN_RING_POINTS);
  departements.push({ code, nom, rings });
}
departements.sort((a, b) => a.code.localeCompare(b.code));
writeFileSync(target, `${JSON.stringify(departements)}\n`);
const points = departements.reduce((n, d) => n + d.rings.reduce((m, r) => m + r.length, 0), 0);
console.log(`${departements.length} départements, ${points} points -> ${target}`);
