import { createHmac, timingSafeEqual } from "node:crypto";

// Signed links of the e-mails (decision 019): base64url(payload).base64url(HMAC-SHA256). The payload names its
// purpose, and the key is derived from it, so that a token signed for one purpose is never accepted for another.

export type SignedTokenCheck<P> =
  { ok: true; payload: P; expiresAt: Date } | { ok: false; reason: "invalid" | "expired" };

function sign(secret: string, purpose: string, body: string): Buffer {
  return createHmac("sha256", `${purpose}\0${secret}`).update(body).digest();
}

/** A token carrying `fields` for `purpose`, valid until `expiresAt` (whole seconds). */
export function createSignedToken(
  secret: string,
  purpose: string,
  fields: Record<string, string>,
  expiresAt: Date,
): string {
  const payload = { p: purpose, ...fields, e: Math.floor(expiresAt.getTime() / 1000) };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${sign(secret, purpose, body).toString("base64url")}`;
}

/**
 * Checks the signature, the purpose and the expiry; `read` turns the signed payload into its fields, or null when
 * a field is missing or malformed (the token is then invalid).
 */
export function verifySignedToken<P>(
  secret: string,
  purpose: string,
  token: string,
  now: Date,
  read: (payload: Record<string, unknown>) => P | null,
): SignedTokenCheck<P> {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return { ok: false, reason: "invalid" };
  // Compare the encoded strings: base64url decoding ignores the padding bits of the last character, so a
  // tampered last character could otherwise still decode to the right signature.
  const expected = Buffer.from(sign(secret, purpose, body).toString("base64url"));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: "invalid" };
  let payload: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    if (typeof parsed !== "object" || parsed === null) return { ok: false, reason: "invalid" };
    payload = parsed as Record<string, unknown>;
  } catch {
    return { ok: false, reason: "invalid" };
  }
  const e = payload.e;
  const fields = read(payload);
  if (
    payload.p !== purpose ||
    fields === null ||
    typeof e !== "number" ||
    // A signed but absurd expiry (1e308) is no date: refused, never turned into an Invalid Date.
    !Number.isSafeInteger(e) ||
    Number.isNaN(new Date(e * 1000).getTime())
  )
    return { ok: false, reason: "invalid" };
  if (e * 1000 <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, payload: fields, expiresAt: new Date(e * 1000) };
}
