import { describe, expect, it } from "vitest";
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
});
