import { timingSafeEqual } from "node:crypto";

type BasicAuth = { username: string; password: string };

/** Credentials Postmark must send to the webhook: HTTP basic auth, a token, or either when both are configured. */
export type WebhookAuth = BasicAuth | { token: string } | (BasicAuth & { token: string });

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Postmark supports HTTP basic auth in the webhook URL; a token (`Authorization: Bearer`, or `?token=`) suits
 * other setups. Each configured method is accepted. Compared in constant time; an empty configured token never
 * matches.
 */
export function isWebhookAuthorized(
  auth: WebhookAuth,
  request: { authorization?: string | null; token?: string | null },
): boolean {
  return (
    ("token" in auth && tokenMatches(auth.token, request)) ||
    ("username" in auth && basicMatches(auth, request.authorization))
  );
}

function tokenMatches(token: string, request: { authorization?: string | null; token?: string | null }) {
  const bearer = /^Bearer (.+)$/.exec(request.authorization ?? "")?.[1];
  const given = bearer ?? request.token ?? "";
  return token.length > 0 && same(given, token);
}

function basicMatches(auth: BasicAuth, authorization: string | null | undefined): boolean {
  const basic = /^Basic (.+)$/i.exec(authorization ?? "")?.[1];
  if (!basic) return false;
  const decoded = Buffer.from(basic, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return (
    colon >= 0 &&
    same(decoded.slice(0, colon), auth.username) &&
    same(decoded.slice(colon + 1), auth.password)
  );
}
