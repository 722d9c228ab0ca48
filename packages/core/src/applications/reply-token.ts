import { createHmac, timingSafeEqual } from "node:crypto";
import { IntentionSchema, type Intention } from "./input";

// Reply links: base64url(payload).base64url(HMAC-SHA256). The payload names its purpose so that a token
// signed for something else with the same secret is never accepted here.
const PURPOSE = "application-reply";

interface ReplyTokenPayload {
  p: typeof PURPOSE;
  a: string;
  i: Intention;
  e: number;
}

export type ReplyTokenCheck =
  | { ok: true; applicationId: string; intention: Intention; expiresAt: Date }
  | { ok: false; reason: "invalid" | "expired" };

function sign(secret: string, body: string): Buffer {
  return createHmac("sha256", `${PURPOSE}\0${secret}`).update(body).digest();
}

export function createReplyToken(
  secret: string,
  applicationId: string,
  intention: Intention,
  expiresAt: Date,
): string {
  const payload: ReplyTokenPayload = {
    p: PURPOSE,
    a: applicationId,
    i: intention,
    e: Math.floor(expiresAt.getTime() / 1000),
  };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${sign(secret, body).toString("base64url")}`;
}

export function verifyReplyToken(secret: string, token: string, now: Date): ReplyTokenCheck {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return { ok: false, reason: "invalid" };
  // Compare the encoded strings: base64url decoding ignores the padding bits of the last character, so a
  // tampered last character could otherwise still decode to the right signature.
  const expected = Buffer.from(sign(secret, body).toString("base64url"));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: "invalid" };
  let payload: Partial<ReplyTokenPayload>;
  try {
    payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Partial<ReplyTokenPayload>;
  } catch {
    return { ok: false, reason: "invalid" };
  }
  const intention = IntentionSchema.safeParse(payload.i);
  if (
    payload.p !== PURPOSE ||
    typeof payload.a !== "string" ||
    !intention.success ||
    typeof payload.e !== "number" ||
    // A signed but absurd expiry (1e308) is no date: refused, never turned into an Invalid Date.
    !Number.isSafeInteger(payload.e) ||
    Number.isNaN(new Date(payload.e * 1000).getTime())
  ) {
    return { ok: false, reason: "invalid" };
  }
  if (payload.e * 1000 <= now.getTime()) return { ok: false, reason: "expired" };
  return {
    ok: true,
    applicationId: payload.a,
    intention: intention.data,
    expiresAt: new Date(payload.e * 1000),
  };
}

export function replyUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, "")}/formulaire-intention?token=${encodeURIComponent(token)}`;
}
