import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeIssues, fieldIssue, RECORD_PARSE, shownValue, SHOWN_CHARS } from "./record-issues";

describe("shownValue", () => {
  it.each<[unknown, string]>([
    ["Boulangerie Martin", '"Boulangerie Martin"'],
    [35000, "35000"],
    [true, "true"],
    [{ $numberInt: "12" }, '{"$numberInt":"12"}'],
    [null, "(vide)"],
    [undefined, "(vide)"],
    ["", "(vide)"],
  ])("shows %j as %s", (value, shown) => {
    expect(shownValue(value)).toBe(shown);
  });

  it(`cuts a value to ${SHOWN_CHARS} characters`, () => {
    const shifted = "12 RUE DE LA REPUBLIQUE PROLONGEE BATIMENT B ESCALIER 3";
    expect(shownValue(shifted)).toBe(`"${shifted.slice(0, SHOWN_CHARS - 1)}…"`);
  });
});

describe("fieldIssue", () => {
  it("names the field, the form expected and the value found; its kind leaves the value and list positions out", () => {
    expect(fieldIssue("champ rome_codes.12", "un code ROME", "75002")).toEqual({
      reason: 'champ rome_codes.12 : attendu un code ROME, trouvé "75002"',
      kind: "champ rome_codes.N : attendu un code ROME",
    });
  });
});

describe("describeIssues", () => {
  const Schema = z.object({
    capacite: z.union([z.string(), z.number()], { error: "un texte ou un nombre" }).nullish(),
    tags: z.array(z.string()).nullish(),
  });

  it("words each issue as a field issue, a check without a message of its own by its type, not zod's 'Entrée invalide'", () => {
    const parsed = Schema.safeParse({ capacite: { a: 1 }, tags: ["2026", 2027] }, RECORD_PARSE);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(describeIssues(parsed.error)).toEqual({
      reason:
        'champ capacite : attendu un texte ou un nombre, trouvé {"a":1}; champ tags.1 : attendu un texte, trouvé 2027',
      kind: "champ capacite : attendu un texte ou un nombre; champ tags.N : attendu un texte",
    });
  });

  it("names the record itself when it is not an object", () => {
    const parsed = Schema.safeParse([1, 2], RECORD_PARSE);
    expect(parsed.success ? null : describeIssues(parsed.error).reason).toBe(
      "enregistrement : attendu un objet, trouvé [1,2]",
    );
  });
});
