import { IntentionSchema, type Intention } from "./input";
import { createSignedToken, verifySignedToken } from "./signed-token";

// Reply links (decision 019): the application and the intention of one button of the company e-mail.
const PURPOSE = "application-reply";

export type ReplyTokenCheck =
  | { ok: true; applicationId: string; intention: Intention; expiresAt: Date }
  | { ok: false; reason: "invalid" | "expired" };

export function createReplyToken(
  secret: string,
  applicationId: string,
  intention: Intention,
  expiresAt: Date,
): string {
  return createSignedToken(secret, PURPOSE, { a: applicationId, i: intention }, expiresAt);
}

export function verifyReplyToken(secret: string, token: string, now: Date): ReplyTokenCheck {
  const check = verifySignedToken(secret, PURPOSE, token, now, (p) => {
    const intention = IntentionSchema.safeParse(p.i);
    return typeof p.a === "string" && intention.success ? { a: p.a, i: intention.data } : null;
  });
  if (!check.ok) return check;
  return {
    ok: true,
    applicationId: check.payload.a,
    intention: check.payload.i,
    expiresAt: check.expiresAt,
  };
}

export function replyUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, "")}/formulaire-intention?token=${encodeURIComponent(token)}`;
}
