import { describe, expect, it } from "vitest";
import { hasControlCharacter, multiLine, safeFileName, singleLine } from "./application-limits";

// docs/reference/v1.md#s9-1: invisible and line-breaking characters, by Unicode category (Cc, Cf, Zl, Zp).
const INVISIBLE = {
  NEL: "\u0085",
  "LINE SEPARATOR": "\u2028",
  "PARAGRAPH SEPARATOR": "\u2029",
  "LEFT-TO-RIGHT EMBEDDING": "\u202a",
  "RIGHT-TO-LEFT OVERRIDE": "\u202e",
  "LEFT-TO-RIGHT ISOLATE": "\u2066",
  "POP DIRECTIONAL ISOLATE": "\u2069",
  "ZERO WIDTH SPACE": "\u200b",
  "ZERO WIDTH JOINER": "\u200d",
  BOM: "\ufeff",
  NUL: "\u0000",
  DEL: "\u007f",
};

describe("control, format and separator characters", () => {
  it.each(Object.entries(INVISIBLE))("finds %s in a name", (_, character) => {
    expect(hasControlCharacter(`Cam${character}ille`)).toBe(true);
  });

  it("leaves letters, accents, apostrophes and non-breaking spaces alone", () => {
    expect(hasControlCharacter("Zoé N’Diaye-Lefèvre d'Ornano Ærø\u00a0Ñ")).toBe(false);
  });

  it("makes one line of an informational field: separators become spaces, format characters go", () => {
    expect(singleLine("Boulangerie\u2028Bcc: x@y.fr")).toBe("Boulangerie Bcc: x@y.fr");
    expect(singleLine("Boulanger\u0085X-Header: 1")).toBe("Boulanger X-Header: 1");
    expect(singleLine("Boulan\u200bgerie \u202eDupont\u202c\ufeff")).toBe("Boulangerie Dupont");
  });

  it("keeps a message's line breaks, whichever character made them, and drops the invisible ones", () => {
    expect(multiLine("Bonjour,\u2028je suis\u2029motivée\u0085\u202evraiment\r\nMerci\tà vous")).toBe(
      "Bonjour,\nje suis\nmotivée\nvraiment\nMerci\tà vous",
    );
  });

  it("drops them from a CV's name, so that a reversed extension shows as it really is", () => {
    expect(safeFileName("cv\u202efdp.exe.pdf")).toBe("cvfdp.exe.pdf");
    expect(safeFileName("mon\u200b cv\u2028\u0085.pdf")).toBe("mon cv.pdf");
  });
});
