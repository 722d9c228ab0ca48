import { describe, expect, it } from "vitest";
import { webhookAuthFrom } from "../build-deps";
import { loadEnv } from "../env";
import { isWebhookAuthorized } from "./webhook-auth";

describe("isWebhookAuthorized", () => {
  const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString("base64")}`;

  it("checks basic auth credentials", () => {
    const auth = { username: "postmark", password: "pa:ss" };
    expect(isWebhookAuthorized(auth, { authorization: basic("postmark", "pa:ss") })).toBe(true);
    expect(isWebhookAuthorized(auth, { authorization: basic("postmark", "wrong") })).toBe(false);
    expect(isWebhookAuthorized(auth, {})).toBe(false);
  });

  it("checks a bearer or query token", () => {
    expect(isWebhookAuthorized({ token: "t0k" }, { authorization: "Bearer t0k" })).toBe(true);
    expect(isWebhookAuthorized({ token: "t0k" }, { token: "t0k" })).toBe(true);
    expect(isWebhookAuthorized({ token: "t0k" }, { token: "t0" })).toBe(false);
    expect(isWebhookAuthorized({ token: "" }, { token: "" })).toBe(false);
  });

  it("accepts either method when both are configured", () => {
    const auth = { username: "postmark", password: "pa:ss", token: "t0k" };
    expect(isWebhookAuthorized(auth, { authorization: basic("postmark", "pa:ss") })).toBe(true);
    expect(isWebhookAuthorized(auth, { token: "t0k" })).toBe(true);
    expect(isWebhookAuthorized(auth, { authorization: "Bearer t0k" })).toBe(true);
    expect(isWebhookAuthorized(auth, { authorization: basic("postmark", "wrong"), token: "t0" })).toBe(false);
    expect(isWebhookAuthorized(auth, {})).toBe(false);
  });

  it("takes both methods from the environment when POSTMARK_WEBHOOK_USER/PASSWORD and _TOKEN are all set", () => {
    const { env } = loadEnv({
      POSTMARK_WEBHOOK_USER: "postmark",
      POSTMARK_WEBHOOK_PASSWORD: "sixteen-chars-ok",
      POSTMARK_WEBHOOK_TOKEN: "a-token-of-16-chars",
    });
    const auth = webhookAuthFrom(env);
    expect(auth).not.toBeNull();
    if (!auth) return;
    expect(isWebhookAuthorized(auth, { token: "a-token-of-16-chars" })).toBe(true);
    expect(isWebhookAuthorized(auth, { authorization: basic("postmark", "sixteen-chars-ok") })).toBe(true);
  });
});
