import { timingSafeEqual } from "node:crypto";

/** Credentials Postmark must send to the webhook: HTTP basic auth, or a token. */
export type WebhookAuth = { username: string; password: string } | { token: string };

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Postmark supports HTTP basic auth in the webhook URL; a token (`Authorization: Bearer`, or `?token=`) suits
 * other setups. Compared in constant time; an empty configured token never matches.
 */
export function isWebhookAuthorized(
  auth: WebhookAuth,
  request: { authorization?: string | null; token?: string | null },
): boolean {
  if ("token" in auth) {
    const bearer = /^Bearer (.+)$/.exec(request.authorization ?? "")?.[1];
    const given = bearer ?? request.token ?? "";
    return auth.token.length > 0 && same(given, auth.token);
  }
  const basic = /^Basic (.+)$/i.exec(request.authorization ?? "")?.[1];
  if (!basic) return false;
  const decoded = Buffer.from(basic, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return (
    colon >= 0 &&
    same(decoded.slice(0, colon), auth.username) &&
    same(decoded.slice(colon + 1), auth.password)
  );
}
