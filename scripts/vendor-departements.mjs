// Vendors the département outlines of the offline map (apps/spa/src/map/departements.json) from IGN's
// Admin Express, as published on data.gouv.fr in GeoJSON with the outre-mer (Licence Ouverte 2.0; see
// docs/data-sources.md). Simplified with simplify-js (Douglas-Peucker, ~2 km tolerance) and rounded to 3
// decimals, so that the file stays small; the map loads it lazily, as a chunk of its own.
// Usage: node scripts/vendor-departements.mjs [path/to/departements-avec-outre-mer.geojson]
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import simplify from "simplify-js";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const source = process.argv[2] ?? resolve(repo, "../../shared/data/geo/departements-avec-outre-mer.geojson");
const target = resolve(repo, "apps/spa/src/map/departements.json");
const TOLERANCE = 0.02; // degrees, about 2 km
const MIN_RING_POINTS = 4;

const round = (n) => Math.round(n * 1000) / 1000;

function simplifyRing(ring) {
  const points = simplify(
    ring.map(([x, y]) => ({ x, y })),
    TOLERANCE,
    true,
  );
  return points.map(({ x, y }) => [round(x), round(y)]);
}

const geojson = JSON.parse(readFileSync(source, "utf8"));
const departements = [];
for (const feature of geojson.features) {
  const { code, nom } = feature.properties;
  const polygons =
    feature.geometry.type === "Polygon" ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  // Outer rings only: the map draws outlines, holes would not show at this scale.
  const rings = polygons
    .map((polygon) => simplifyRing(polygon[0]))
    .filter((ring) => ring.length >= MIN_RING_POINTS);
  departements.push({ code, nom, rings });
}
departements.sort((a, b) => a.code.localeCompare(b.code));
writeFileSync(target, `${JSON.stringify(departements)}\n`);
const points = departements.reduce((n, d) => n + d.rings.reduce((m, r) => m + r.length, 0), 0);
console.log(`${departements.length} départements, ${points} points -> ${target}`);
