import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { addressOnlyToken } from "../testing/applications";
import { openCompanyToken, sealCompanyToken, sealingFingerprint, type CompanyToken } from "./email-token";

const BAKERY: CompanyToken = {
  kind: "lba",
  siret: "12345678901234",
  jobId: null,
  email: "contact@boulangerie.fr",
};

describe("company tokens", () => {
  it("round-trips the kind, SIRET, offer and address, and never contains them in clear", () => {
    const token = sealCompanyToken("s3cret", BAKERY);
    expect(token.email).not.toContain(Buffer.from("boulangerie").toString("hex"));
    expect(token.email).not.toContain("12345678901234");
    expect(openCompanyToken("s3cret", token)).toEqual(BAKERY);
  });

  it.each<[string, Omit<CompanyToken, "email">]>([
    ["a 24-hex offer id", { kind: "matcha", siret: "98765432100017", jobId: "65f1c0ffee0123456789abcd" }],
    ["an odd number of digits", { kind: "lbb", siret: "123", jobId: "0" }],
    ["upper-case and other text", { kind: "matcha", siret: "SIRET 123 456", jobId: "Offre-42 é" }],
    ["no SIRET", { kind: "peJob", siret: null, jobId: null }],
  ])("keeps %s exactly", (_, identity) => {
    const token = { ...identity, email: "rh@entreprise.example" };
    expect(openCompanyToken("k", sealCompanyToken("k", token))).toEqual(token);
  });

  it("seals an empty SIRET or offer id as none", () => {
    const sealed = sealCompanyToken("k", { ...BAKERY, siret: "", jobId: "" });
    expect(openCompanyToken("k", sealed)).toEqual({ ...BAKERY, siret: null, jobId: null });
  });

  it("stays short: a company's identity adds 10 bytes to the address, an offer's 22", () => {
    const bytes = (t: CompanyToken) => sealCompanyToken("k", t).email.length / 2;
    const address = Buffer.byteLength(BAKERY.email) + 16;
    expect(bytes(BAKERY)).toBe(address + 10);
    expect(bytes({ ...BAKERY, kind: "matcha", jobId: "65f1c0ffee0123456789abcd" })).toBe(address + 22);
  });

  it("refuses a field too long to be a SIRET or an offer id", () => {
    expect(() => sealCompanyToken("k", { ...BAKERY, jobId: "x".repeat(128) })).toThrow(RangeError);
  });

  it("uses a fresh iv for every token", () => {
    expect(sealCompanyToken("k", BAKERY).iv).not.toBe(sealCompanyToken("k", BAKERY).iv);
  });

  it("rejects a tampered token, a wrong key and malformed input", () => {
    const token = sealCompanyToken("s3cret", BAKERY);
    const flipped = (token.email[0] === "0" ? "1" : "0") + token.email.slice(1);
    expect(openCompanyToken("s3cret", { ...token, email: flipped })).toBeNull();
    expect(openCompanyToken("other", token)).toBeNull();
    expect(openCompanyToken("s3cret", { email: "zz", iv: token.iv })).toBeNull();
    // Buffer.from(hex) would silently drop a trailing odd digit.
    expect(openCompanyToken("s3cret", { ...token, email: `${token.email}a` })).toBeNull();
    expect(openCompanyToken("s3cret", { email: token.email, iv: "abc" })).toBeNull();
  });

  it("refuses the address-only tokens of the first format, and changed the sealing fingerprint with it", () => {
    expect(openCompanyToken("s3cret", addressOnlyToken("s3cret", "contact@boulangerie.fr"))).toBeNull();
    const firstFormat = createHash("sha256").update("sealing-fingerprint\0s3cret").digest("hex").slice(0, 16);
    expect(sealingFingerprint("s3cret")).toMatch(/^[0-9a-f]{16}$/);
    expect(sealingFingerprint("s3cret")).not.toBe(firstFormat);
  });

  it("refuses a token without an address", () => {
    expect(openCompanyToken("k", sealCompanyToken("k", { ...BAKERY, email: "" }))).toBeNull();
  });
});

describe("company tokens under load", () => {
  it("never repeats an iv across many tokens, beyond one batch of random bytes", () => {
    const ivs = new Set(Array.from({ length: 2000 }, () => sealCompanyToken("k", BAKERY).iv));
    expect(ivs.size).toBe(2000);
  });

  it("keeps opening tokens of a secret after many other secrets were used", () => {
    const token = sealCompanyToken("first-secret", BAKERY);
    for (let i = 0; i < 40; i++) {
      const other = { ...BAKERY, email: "x@y.fr" };
      expect(openCompanyToken(`secret-${i}`, sealCompanyToken(`secret-${i}`, other))).toEqual(other);
    }
    expect(openCompanyToken("first-secret", token)).toEqual(BAKERY);
    expect(openCompanyToken("secret-3", token)).toBeNull();
  });
});
