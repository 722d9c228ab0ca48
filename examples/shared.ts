// What the three examples share: the server, the caller, the search, the candidate with a PDF CV, and the output.

/** The server to call (`LBA_URL`), e.g. http://localhost:3000 after `npm start`. */
export const BASE_URL = process.env.LBA_URL ?? "http://localhost:3000";

/** Who calls: a contact e-mail and the product's name. */
export const CALLER = "contact@mon-service.example mon_service";

/** Bakers (ROME D1102) within 30 km of Paris. V1 query parameters are strings, as in a URL. */
export const SEARCH = { romes: "D1102", latitude: "48.8566", longitude: "2.3522", radius: "30" };

// A one-page PDF written here so that the examples need no file; a real integrator sends the candidate's own.
const CV_PDF = [
  "%PDF-1.4",
  "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
  "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
  "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj",
  "trailer << /Root 1 0 R >>",
  "%%EOF",
].join("\n");

/** The CV as the API takes it: a base64 data URL (3 MB at most once decoded). */
export const CV_DATA_URL = `data:application/pdf;base64,${Buffer.from(CV_PDF).toString("base64")}`;

/** The fields of a search result that an application needs (the same in REST and tRPC answers). */
export interface Applicable {
  ideaType: string;
  contact: { email: string | null; iv: string | null } | null;
  company: { name: string | null; siret: string | null };
  place: { fullAddress: string | null };
}

/**
 * The companies of the `lbaCompanies` and `lbbCompanies` sources of a jobs answer, and the first one that can receive
 * an application: its e-mail is an opaque token (`contact.email` and `contact.iv`). A source that failed is
 * `{ result: "error", message }` inside a 200 answer; one not asked for is null.
 */
export function companyToApply<T extends Applicable>(
  sources: ({ results: T[] } | { result: string } | null)[],
): T {
  const companies = sources.flatMap((source) => (source && "results" in source ? source.results : []));
  console.log(`companies: ${companies.length}`);
  const company = firstApplicable(companies);
  if (!company) throw new Error("no company to apply to around this point");
  console.log(`applying to: ${company.company.name} (${company.company.siret})`);
  return company;
}

export function firstApplicable<T extends Applicable>(items: T[]): T | undefined {
  return items.find(
    (item) => ["lba", "lbb"].includes(item.ideaType) && item.contact?.email && item.contact.iv,
  );
}

/**
 * `fetch` as an integrator should call the API: a 429 (rate limit, docs/integrators.md) is retried once, after the
 * seconds its `Retry-After` header asks for. Every example's client uses it.
 */
export async function fetchWithRetryAfter(
  input: string | URL | Request,
  init?: RequestInit,
): Promise<Response> {
  const request = new Request(input, init);
  const res = await fetch(request.clone());
  if (res.status !== 429) return res;
  const seconds = Number(res.headers.get("retry-after") ?? "1");
  await new Promise((done) => setTimeout(done, seconds * 1000));
  return fetch(request);
}

/** Sends, then sends the same request again as a retry would (same Idempotency-Key), printing both answers. */
export async function applyAndRetry(send: () => Promise<string>): Promise<void> {
  console.log(`application: ${await send()}`);
  console.log(`retried with the same Idempotency-Key: ${await send()}`);
}

/** The application (docs/reference/v1.md#s9-1) to a company found by a search; each client adds `caller` its own way. */
export function applicationTo(item: Applicable) {
  return {
    applicant_first_name: "Camille",
    applicant_last_name: "Martin",
    applicant_email: "camille.martin@example.org",
    applicant_phone: "06 12 34 56 78",
    applicant_file_name: "cv-camille-martin.pdf",
    applicant_file_content: CV_DATA_URL,
    message: "Bonjour, je cherche un apprentissage en boulangerie pour la rentrée.",
    company_email: item.contact?.email ?? "",
    iv: item.contact?.iv ?? "",
    company_type: item.ideaType === "lbb" ? ("lbb" as const) : ("lba" as const),
    company_siret: item.company.siret ?? undefined,
    company_name: item.company.name ?? undefined,
    company_address: item.place.fullAddress ?? undefined,
  };
}
