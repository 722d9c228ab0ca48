// V1 paths are case-insensitive (`/api/v1/...` = `/api/V1/...`, docs/decisions/006-case-insensitive-paths.md): before routing, the static
// segments of an /api path are mapped to the spelling of the registered routes. Only positions where a route
// has a static segment are mapped; deeper ones (ids, sirets, cfd) keep their case.

interface Spellings {
  /** Lower-cased static segment -> its spelling in the routes. */
  names: Map<string, string>;
  /** The deepest position of a static segment ("/api/V1/jobs/company/{siret}": 4). */
  depth: number;
}

/** The static segments of the given route paths ("{param}" segments are not). */
export function staticSegments(routePaths: Iterable<string>): Spellings {
  const spellings: Spellings = { names: new Map(), depth: 0 };
  for (const path of routePaths)
    path.split("/").forEach((segment, i) => {
      if (!segment || segment.startsWith("{")) return;
      spellings.names.set(segment.toLowerCase(), segment);
      spellings.depth = Math.max(spellings.depth, i);
    });
  return spellings;
}

export function canonicalPath(path: string, { names, depth }: Spellings): string {
  if (!/^\/api\//i.test(path)) return path;
  return path
    .split("/")
    .map((part, i) => (i <= depth ? (names.get(part.toLowerCase()) ?? part) : part))
    .join("/");
}

/** What is read of an OpenAPI registry: the paths of its routes. */
export interface RouteRegistry {
  definitions: readonly { type: string; route?: { path: string } }[];
}

/**
 * Hono's `getPath` over the routes registered so far (read again when the registry grows): the request
 * path with its static segments spelled as the routes spell them.
 */
export function caseInsensitivePaths(registry: () => RouteRegistry): (request: Request) => string {
  let known = -1;
  let spellings = staticSegments([]);
  return (request) => {
    const { definitions } = registry();
    if (definitions.length !== known) {
      spellings = staticSegments(
        definitions.flatMap((d) => (d.type === "route" && d.route ? [d.route.path] : [])),
      );
      known = definitions.length;
    }
    const url = request.url;
    const start = url.indexOf("/", url.indexOf("://") + 3);
    const end = url.indexOf("?", start);
    return canonicalPath(end === -1 ? url.slice(start) : url.slice(start, end), spellings);
  };
}
