// V1 paths are case-insensitive (`/api/v1/...` = `/api/V1/...`): static segments are mapped to the
// spelling routes are declared with, before routing. Parameters keep their case.
const STATIC_SEGMENTS = [
  "api",
  "V1",
  "formations",
  "formation",
  "formationsParRegion",
  "jobs",
  "job",
  "company",
  "matcha",
  "jobsEtFormations",
  "metiers",
  "all",
  "metiersParFormation",
  "metiersParEtablissement",
  "autocomplete",
  "diplomaLevels",
  "geo",
  "communes",
  "reverse",
  "romelabels",
  "jobsdiplomas",
  "application",
];
const CANONICAL = new Map(STATIC_SEGMENTS.map((s) => [s.toLowerCase(), s]));
// `/api/V1/<resource>/<sub>` are static; deeper segments are parameters (ids, sirets, cfd).
const MAX_STATIC_DEPTH = 4;

export function canonicalPath(path: string): string {
  if (!/^\/api\//i.test(path)) return path;
  const parts = path.split("/");
  return parts
    .map((part, i) => (i <= MAX_STATIC_DEPTH ? (CANONICAL.get(part.toLowerCase()) ?? part) : part))
    .join("/");
}

export function getPath(request: Request): string {
  const url = request.url;
  const start = url.indexOf("/", url.indexOf("://") + 3);
  const end = url.indexOf("?", start);
  return canonicalPath(end === -1 ? url.slice(start) : url.slice(start, end));
}
