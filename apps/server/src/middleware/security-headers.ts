import type { MiddlewareHandler } from "hono";
import { OPENAPI_DOCUMENT_PATHS } from "../routes/docs";
import { responseHeaders } from "./response-headers";

export interface SecurityHeadersOptions {
  /** Send Strict-Transport-Security: only when the public URL is https (a browser ignores it over http anyway). */
  hsts?: boolean;
}

const directives = (styleSrc: string) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    styleSrc,
    "img-src 'self' data: blob: https: http:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");

/**
 * The content policy of every response. Scripts only from our origin: the SPA, the swagger explorer and its init
 * file are all files, never inline. Leaflet positions everything through the CSSOM, so the SPA needs no inline
 * style either (checked in Chromium: tests/reliability/csp.browser.test.ts). Images may come from any host: the
 * operator can configure a tile server, and a partner gives its widget's logo as an http or https URL (an https
 * page's browser upgrades an http image or leaves it out, as mixed content). Framing is the framing middleware's policy (frame-ancestors).
 */
export const CONTENT_SECURITY_POLICY = directives("style-src 'self'");

/** Inline styles (never inline scripts) for the API explorer and the development outbox only. */
export const EXPLORER_CONTENT_SECURITY_POLICY = directives("style-src 'self' 'unsafe-inline'");

// swagger-ui injects a <style>; the development outbox (never served in production) shows e-mails whose HTML
// carries style attributes, as every e-mail does.
const allowsInlineStyles = (path: string) =>
  path === "/api-docs" || path.startsWith("/api-docs/") || path.startsWith("/dev/");

// Loaded by partner pages with <script src> or called with CORS (the OpenAPI document included): another origin
// must be able to read them.
function sharedCrossOrigin(path: string): boolean {
  return (
    path === "/embed.js" ||
    path === "/api" ||
    path.startsWith("/api/") ||
    (OPENAPI_DOCUMENT_PATHS as readonly string[]).includes(path)
  );
}

/** The security headers of a response to `path` (the CSP is appended by the middleware, the others set). */
export function securityHeadersFor(path: string, options: SecurityHeadersOptions = {}): [string, string][] {
  return [
    ["X-Content-Type-Options", "nosniff"],
    [
      "Content-Security-Policy",
      allowsInlineStyles(path) ? EXPLORER_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY,
    ],
    // Widget and apply URLs may carry a caller or an opaque token: never send them to another site.
    ["Referrer-Policy", "same-origin"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ["Cross-Origin-Resource-Policy", sharedCrossOrigin(path) ? "cross-origin" : "same-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), payment=(), usb=(), geolocation=(self)"],
    ["X-Permitted-Cross-Domain-Policies", "none"],
    ...(options.hsts
      ? [["Strict-Transport-Security", "max-age=31536000; includeSubDomains"] as [string, string]]
      : []),
  ];
}

/**
 * Security headers on every response, raw `Response` objects included. The CSP is appended, so a route's own
 * policy and the framing middleware's frame-ancestors policy all stay in force (a browser enforces each of them).
 */
export function securityHeaders(options: SecurityHeadersOptions = {}): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const headers = responseHeaders(c);
    for (const [name, value] of securityHeadersFor(c.req.path, options)) {
      if (name === "Content-Security-Policy") headers.append(name, value);
      else headers.set(name, value);
    }
  };
}
