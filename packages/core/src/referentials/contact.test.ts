import { describe, expect, it } from "vitest";
import { FRENCH_PHONE_FORMAT, normalizeFrenchPhone } from "./contact";

describe("FRENCH_PHONE_FORMAT", () => {
  it("says the national form and names exactly the country codes normalizeFrenchPhone accepts", () => {
    expect(FRENCH_PHONE_FORMAT).toBe("10 chiffres, ou +33, +262, +590, +594 ou +596 puis 9 chiffres");
    expect(normalizeFrenchPhone("01 23 45 67 89")).toBe("0123456789");
    const named = new Set(FRENCH_PHONE_FORMAT.match(/\+\d+/g));
    // "+330 6…" is "+33 (0)6…", a named code and the trunk 0.
    const isNamed = (code: number) =>
      named.has(`+${code}`) || (code % 10 === 0 && named.has(`+${code / 10}`));
    for (let code = 1; code <= 999; code++)
      expect(normalizeFrenchPhone(`+${code} 612345678`) !== null, `+${code}`).toBe(isNamed(code));
  });
});
