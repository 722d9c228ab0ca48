import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { placePrefixes, startsWithOne } from "../../referentials/geography";
import type { OffresSettings } from "./client";

// A local stand-in for France Travail (token endpoint + "Offres d'emploi v2") speaking its real
// protocol, for tests of this package and of the server. Never used in production.

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: string;
}

export interface ScriptedReply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Wait this long before answering (to exceed the client's timeout). */
  delayMs?: number;
}

type Endpoint = "token" | "search" | "detail";

export interface FakeFranceTravail {
  url: string;
  /** Raw offers in the API format, served by the default search and detail handlers. */
  offers: Record<string, unknown>[];
  requests: RecordedRequest[];
  /** Requests to one endpoint. */
  calls(endpoint: Endpoint): RecordedRequest[];
  /** Queues replies that the next requests to `endpoint` get instead of the default behaviour. */
  script(endpoint: Endpoint, ...replies: ScriptedReply[]): void;
  /** Invalidates every issued token: the next API call gets a 401. */
  revokeTokens(): void;
  settings(overrides?: Partial<OffresSettings>): OffresSettings;
  close(): Promise<void>;
}

export const FAKE_CLIENT_ID = "PAR_labonnealternance_0123456789abcdef";
export const FAKE_CLIENT_SECRET = "fake-secret";

// The search's contract natures and the labels its offers carry.
const NATURES: Record<string, string> = {
  E2: "Contrat apprentissage",
  FS: "Contrat de professionnalisation",
};

/** The offer's postcode, else its place label ("75 - Paris (Dept.)"), as France Travail fills them. */
function placeOf(offer: Record<string, unknown>): string | null {
  const lieu = (offer.lieuTravail ?? {}) as { codePostal?: string; libelle?: string };
  return lieu.codePostal ?? lieu.libelle ?? null;
}

function endpointOf(path: string): Endpoint | null {
  if (path === "/connexion/oauth2/access_token") return "token";
  if (path === "/partenaire/offresdemploi/v2/offres/search") return "search";
  if (path.startsWith("/partenaire/offresdemploi/v2/offres/")) return "detail";
  return null;
}

export async function startFakeFranceTravail({ tokenLifetimeS = 1499 } = {}): Promise<FakeFranceTravail> {
  const requests: RecordedRequest[] = [];
  const scripts: Record<Endpoint, ScriptedReply[]> = { token: [], search: [], detail: [] };
  const validTokens = new Set<string>();
  const offers: Record<string, unknown>[] = [];
  let issued = 0;

  function json(status: number, body: unknown, headers: Record<string, string> = {}): ScriptedReply {
    return {
      status,
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", ...headers },
    };
  }

  function token(req: RecordedRequest): ScriptedReply {
    const form = new URLSearchParams(req.body);
    const ok =
      req.method === "POST" &&
      req.query.get("realm") === "/partenaire" &&
      String(req.headers["content-type"]).startsWith("application/x-www-form-urlencoded") &&
      form.get("grant_type") === "client_credentials" &&
      form.get("client_id") === FAKE_CLIENT_ID &&
      form.get("client_secret") === FAKE_CLIENT_SECRET &&
      form.get("scope") === `application_${FAKE_CLIENT_ID} api_offresdemploiv2 o2dsoffre`;
    if (!ok) return json(401, { error: "invalid_client", error_description: "Client authentication failed" });
    const value = `token-${++issued}`;
    validTokens.add(value);
    return json(200, {
      scope: form.get("scope"),
      expires_in: tokenLifetimeS,
      token_type: "Bearer",
      access_token: value,
    });
  }

  function search(req: RecordedRequest): ScriptedReply {
    const romes = (req.query.get("codeROME") ?? "").split(",");
    const natures = (req.query.get("natureContrat") ?? "E2,FS").split(",").map((code) => NATURES[code]);
    const departement = req.query.get("departement");
    const region = req.query.get("region");
    const area = departement ? [departement] : region ? (placePrefixes({ region }) ?? []) : null;
    const matching = offers.filter(
      (o) =>
        romes.includes(String(o.romeCode)) &&
        (o.natureContrat === undefined || natures.includes(String(o.natureContrat))) &&
        (!area || startsWithOne(placeOf(o), area)),
    );
    if (matching.length === 0) return { status: 204 };
    const [first, last] = (req.query.get("range") ?? "0-149").split("-").map(Number) as [number, number];
    if (last - first + 1 > 150 || first > 3000)
      return json(400, { codeHttp: 400, message: "Valeur du paramètre « range » incorrecte." });
    const page = matching.slice(first, last + 1);
    const end = first + page.length - 1;
    const headers = {
      "content-range": `offres ${first}-${end}/${matching.length}`,
      "accept-range": "offres 150",
    };
    return json(end + 1 < matching.length ? 206 : 200, { resultats: page }, headers);
  }

  function detail(req: RecordedRequest): ScriptedReply {
    const id = decodeURIComponent(req.path.split("/").pop() ?? "");
    if (!/^[0-9A-Z]{7}$/.test(id))
      return json(400, { codeHttp: 400, message: "Identifiant d'offre incorrect" });
    const offer = offers.find((o) => o.id === id);
    return offer ? json(200, offer) : { status: 204 };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://localhost");
    const recorded: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString("utf8"),
    };
    requests.push(recorded);
    const endpoint = endpointOf(url.pathname);
    let reply: ScriptedReply;
    if (!endpoint) reply = json(404, { message: "not found" });
    else if (scripts[endpoint].length > 0) reply = scripts[endpoint].shift() as ScriptedReply;
    else if (endpoint === "token") reply = token(recorded);
    else if (!validTokens.has(String(req.headers.authorization).replace(/^Bearer /, ""))) {
      reply = json(401, { message: "Token invalide" });
    } else reply = endpoint === "search" ? search(recorded) : detail(recorded);
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (res.destroyed) return;
    res.writeHead(reply.status, reply.headers ?? {});
    res.end(reply.status === 204 ? undefined : reply.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    offers,
    requests,
    calls: (endpoint) => requests.filter((r) => endpointOf(r.path) === endpoint),
    script: (endpoint, ...replies) => scripts[endpoint].push(...replies),
    revokeTokens: () => validTokens.clear(),
    settings: (overrides = {}) => ({
      clientId: FAKE_CLIENT_ID,
      clientSecret: FAKE_CLIENT_SECRET,
      tokenUrl: `${url}/connexion/oauth2/access_token`,
      apiUrl: `${url}/partenaire/offresdemploi/v2`,
      timeoutMs: 2_000,
      cacheTtlMs: 600_000,
      ...overrides,
    }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
