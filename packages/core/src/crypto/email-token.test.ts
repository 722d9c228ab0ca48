import { describe, expect, it } from "vitest";
import { openEmail, sealEmail } from "./email-token";

describe("company e-mail tokens", () => {
  it("round-trips and never contains the e-mail in clear", () => {
    const token = sealEmail("s3cret", "contact@boulangerie.fr");
    expect(token.email).not.toContain("boulangerie");
    expect(openEmail("s3cret", token)).toBe("contact@boulangerie.fr");
  });

  it("uses a fresh iv for every token", () => {
    expect(sealEmail("k", "a@b.fr").iv).not.toBe(sealEmail("k", "a@b.fr").iv);
  });

  it("rejects a tampered token, a wrong key and malformed input", () => {
    const token = sealEmail("s3cret", "contact@boulangerie.fr");
    const flipped = (token.email[0] === "0" ? "1" : "0") + token.email.slice(1);
    expect(openEmail("s3cret", { ...token, email: flipped })).toBeNull();
    expect(openEmail("other", token)).toBeNull();
    expect(openEmail("s3cret", { email: "zz", iv: token.iv })).toBeNull();
    // Buffer.from(hex) would silently drop a trailing odd digit.
    expect(openEmail("s3cret", { ...token, email: `${token.email}a` })).toBeNull();
    expect(openEmail("s3cret", { email: token.email, iv: "abc" })).toBeNull();
  });
});

describe("company e-mail tokens under load", () => {
  it("never repeats an iv across many tokens, beyond one batch of random bytes", () => {
    const ivs = new Set(Array.from({ length: 2000 }, () => sealEmail("k", "a@b.fr").iv));
    expect(ivs.size).toBe(2000);
  });

  it("keeps opening tokens of a secret after many other secrets were used", () => {
    const token = sealEmail("first-secret", "contact@boulangerie.fr");
    for (let i = 0; i < 40; i++)
      expect(openEmail(`secret-${i}`, sealEmail(`secret-${i}`, "x@y.fr"))).toBe("x@y.fr");
    expect(openEmail("first-secret", token)).toBe("contact@boulangerie.fr");
    expect(openEmail("secret-3", token)).toBeNull();
  });
});
