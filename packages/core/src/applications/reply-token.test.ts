import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createReplyToken, replyUrl, verifyReplyToken } from "./reply-token";

const secret = "s3cret";
const now = new Date("2024-05-15T10:00:00Z");
const expires = new Date("2024-06-14T10:00:00Z");

describe("reply tokens", () => {
  it("verifies a valid token and returns its application and intention", () => {
    const token = createReplyToken(secret, "app-1", "entretien", expires);
    expect(verifyReplyToken(secret, token, now)).toEqual({
      ok: true,
      applicationId: "app-1",
      intention: "entretien",
      expiresAt: expires,
    });
  });

  it("refuses a validly signed token whose expiry is not a date (e=1e308, NaN), without throwing", () => {
    const sign = (payload: object) => {
      const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
      const mac = createHmac("sha256", `application-reply\0${secret}`).update(body).digest("base64url");
      return `${body}.${mac}`;
    };
    for (const e of [1e308, -1e308, 1.5e13])
      expect(
        verifyReplyToken(secret, sign({ p: "application-reply", a: "app-1", i: "refus", e }), now),
      ).toEqual({
        ok: false,
        reason: "invalid",
      });
  });

  it("reports an expired token", () => {
    const token = createReplyToken(secret, "app-1", "refus", expires);
    expect(verifyReplyToken(secret, token, new Date("2024-06-14T10:00:00Z"))).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("rejects a token whose payload was changed (another intention or application)", () => {
    const token = createReplyToken(secret, "app-1", "refus", expires);
    const [, signature] = token.split(".");
    const forged = Buffer.from(
      JSON.stringify({ p: "application-reply", a: "app-1", i: "entretien", e: expires.getTime() / 1000 }),
    ).toString("base64url");
    expect(verifyReplyToken(secret, `${forged}.${signature}`, now)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyReplyToken(secret, `${token}x`, now)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyReplyToken(secret, "garbage", now)).toEqual({ ok: false, reason: "invalid" });
  });

  it("rejects every change of the signature's last character, padding bits included", () => {
    const token = createReplyToken(secret, "app-1", "entretien", expires);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (const ch of alphabet) {
      if (ch === token.at(-1)) continue;
      expect(verifyReplyToken(secret, token.slice(0, -1) + ch, now)).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
  });

  it("rejects a token signed with another secret", () => {
    expect(verifyReplyToken(secret, createReplyToken("other", "app-1", "refus", expires), now).ok).toBe(
      false,
    );
  });

  it("rejects a well-signed token made for another purpose", () => {
    const body = Buffer.from(
      JSON.stringify({ p: "password-reset", a: "app-1", i: "refus", e: expires.getTime() / 1000 }),
    ).toString("base64url");
    const signature = createHmac("sha256", `application-reply\0${secret}`).update(body).digest("base64url");
    expect(verifyReplyToken(secret, `${body}.${signature}`, now)).toEqual({ ok: false, reason: "invalid" });
  });

  it("builds the public reply URL", () => {
    expect(replyUrl("https://lba.example/", "a.b")).toBe(
      "https://lba.example/formulaire-intention?token=a.b",
    );
  });
});
