import { describe, expect, it } from "vitest";
import {
  firstWebLink,
  looksLikeEmail,
  normalizeFrenchPhone,
  PHONE_HINT,
  PHONE_REFUSED,
} from "./contact-check";

describe("normalizeFrenchPhone", () => {
  it("accepts spaced, dotted and international French numbers as 10 digits", () => {
    expect(normalizeFrenchPhone("06 12 34 56 78")).toBe("0612345678");
    expect(normalizeFrenchPhone("06.12.34.56.78")).toBe("0612345678");
    expect(normalizeFrenchPhone("+33 6 12 34 56 78")).toBe("0612345678");
    expect(normalizeFrenchPhone("0033612345678")).toBe("0612345678");
    expect(normalizeFrenchPhone("+33 (0)6 12 34 56 78")).toBe("0612345678");
  });

  it("accepts the overseas départements' own country codes, as their national numbers", () => {
    expect(normalizeFrenchPhone("+262 692 12 34 56")).toBe("0692123456");
    expect(normalizeFrenchPhone("+262 639 12 34 56")).toBe("0639123456");
    expect(normalizeFrenchPhone("+590690123456")).toBe("0690123456");
    expect(normalizeFrenchPhone("00594 594 12 34 56")).toBe("0594123456");
    expect(normalizeFrenchPhone("+596 696 12 34 56")).toBe("0696123456");
    // Other countries' numbers are not French numbers.
    expect(normalizeFrenchPhone("+32 470 12 34 56")).toBeNull();
    expect(normalizeFrenchPhone("+262 12345")).toBeNull();
  });

  it("refuses numbers the server refuses", () => {
    expect(normalizeFrenchPhone("0012345678")).toBeNull();
    expect(normalizeFrenchPhone("061234567")).toBeNull();
    expect(normalizeFrenchPhone("06123456789")).toBeNull();
    expect(normalizeFrenchPhone("")).toBeNull();
  });
});

describe("the phone field's sentences", () => {
  it("tell the rule normalizeFrenchPhone applies, international forms included, on both forms", () => {
    expect(PHONE_REFUSED).toBe(
      "Indiquez un numéro de téléphone français : 10 chiffres, ou +33, +262, +590, +594 ou +596 puis 9 chiffres.",
    );
    expect(PHONE_HINT).toBe(
      "10 chiffres, ou +33, +262, +590, +594 ou +596 puis 9 chiffres, par exemple 01 23 45 67 89",
    );
    expect(normalizeFrenchPhone("01 23 45 67 89")).toBe("0123456789");
  });
});

describe("looksLikeEmail", () => {
  it("needs a local part, an @ and a dotted domain", () => {
    expect(looksLikeEmail("rh@boulangerie.fr")).toBe(true);
    expect(looksLikeEmail("rh@boulangerie")).toBe(false);
    expect(looksLikeEmail("rh boulangerie.fr")).toBe(false);
  });
});

describe("one e-mail rule with the server", () => {
  it("refuses an internationalised local part, as the server does", async () => {
    const { isValidEmail } = await import("@lba/core/applications");
    for (const address of [
      "élodie.martin@example.fr",
      "camille.martin@laposte.net",
      "o'neil+lba@sub.example.co",
      "a..b@example.fr",
      "rh@boulangerie",
    ])
      expect(looksLikeEmail(address), address).toBe(isValidEmail(address));
    expect(looksLikeEmail("élodie.martin@example.fr")).toBe(false);
    expect(looksLikeEmail("elodie.martin@example.fr")).toBe(true);
  });
});

describe("firstWebLink", () => {
  it("finds the apply link among a France Travail offer's coordinates, without the sentence's end", () => {
    expect(firstWebLink("Postulez sur https://aux-delices.example.com/candidature.")).toBe(
      "https://aux-delices.example.com/candidature",
    );
    expect(firstWebLink("M. Martin\nhttp://rh.example.fr/offre?id=3 (avant le 12)")).toBe(
      "http://rh.example.fr/offre?id=3",
    );
    expect(firstWebLink("Envoyer un CV à l'accueil")).toBeNull();
    expect(firstWebLink(null)).toBeNull();
  });
});
