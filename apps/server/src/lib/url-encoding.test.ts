import { describe, expect, it } from "vitest";
import { encodedTarget, misencodedTarget } from "./url-encoding";

describe("encodedTarget", () => {
  it("percent-encodes raw UTF-8 bytes, and raw Latin-1 bytes as the UTF-8 of their characters", () => {
    expect(encodedTarget(Buffer.from("/api/V1/metiers?title=boulangère", "utf8"))).toBe(
      "/api/V1/metiers?title=boulang%C3%A8re",
    );
    expect(encodedTarget(Buffer.from("/api/V1/formations?caller=société x", "latin1"))).toBe(
      "/api/V1/formations?caller=soci%C3%A9t%C3%A9%20x",
    );
  });
});

describe("misencodedTarget", () => {
  it("is null for a target whose escapes are UTF-8, reserved characters included", () => {
    expect(misencodedTarget("/api/V1/metiers?title=boulang%C3%A8re&romes=D1102%2CD1104")).toBeNull();
    expect(misencodedTarget("/api/V1/metiers?title=a%26b")).toBeNull();
  });

  it("re-encodes a Latin-1 escape as UTF-8 and a stray % as %25, leaving the good escapes alone", () => {
    expect(misencodedTarget("/api/V1/metiers?title=boulang%E8re&x=%C3%A9")).toBe(
      "/api/V1/metiers?title=boulang%C3%A8re&x=%C3%A9",
    );
    expect(misencodedTarget("/api/V1/metiers?title=boul%ZZ")).toBe("/api/V1/metiers?title=boul%25ZZ");
    expect(misencodedTarget("/api/V1/metiers?caller=%E9%26co")).toBe("/api/V1/metiers?caller=%C3%A9%26co");
  });
});
