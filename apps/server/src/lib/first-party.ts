/**
 * Decision 023: a request gets the site's treatment (no `caller` required, company phones) only when a browser
 * says it comes from a page of our own origin. Browsers set `Sec-Fetch-Site` and `Origin` themselves and a page
 * cannot forge them; without either (curl, a server, an old browser) the caller is a third party.
 */
export function isFirstPartyRequest(request: Request, publicUrl: string): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin";
  const origin = request.headers.get("origin");
  if (!origin) return false;
  // Behind a TLS proxy the request reaches us as http://host: PUBLIC_URL is the origin pages have then.
  return origin === originOf(publicUrl) || origin === originOf(request.url);
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
