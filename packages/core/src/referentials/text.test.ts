import Database from "better-sqlite3";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  acronymsOf,
  aupresDe,
  compareFrench,
  diplomaDisplayLabel,
  foldText,
  gluedApostrophes,
  titleWords,
  toFtsQuery,
  tokensOf,
  withA,
  withDe,
} from "./text";

describe("foldText", () => {
  test("lower-cases, strips accents and spells out ligatures", () => {
    expect(foldText("Électricité, ÉBÉNISTERIE, Œnologie, cœur, Lætitia, façade")).toBe(
      "electricite, ebenisterie, oenologie, coeur, laetitia, facade",
    );
  });

  test("drops elisions with a straight or typographic apostrophe, at the start of words only", () => {
    expect(foldText("l'hôtellerie")).toBe("hotellerie");
    expect(foldText("L’Hôtellerie")).toBe("hotellerie");
    expect(foldText("Chargé d'affaires, qu'il, jusqu'au")).toBe("charge affaires, il, au");
    expect(foldText("Métiers de l'art (d’Orsay)")).toBe("metiers de art (orsay)");
    expect(foldText("aujourd'hui")).toBe("aujourd'hui");
  });

  test("makes 'oenologie' and 'l'hôtellerie' the tokens of 'Œnologie' and 'hotellerie'", () => {
    expect(tokensOf("oenologie")).toEqual(tokensOf("Œnologie"));
    expect(tokensOf("l'hôtellerie")).toEqual(tokensOf("hotellerie"));
  });
});

describe("gluedApostrophes", () => {
  test("gives each word holding an apostrophe without it, whatever the apostrophe", () => {
    expect(gluedApostrophes("L'Haÿ-les-Roses")).toEqual(["LHaÿ"]);
    expect(gluedApostrophes("Villeneuve-d’Ascq")).toEqual(["dAscq"]);
    expect(gluedApostrophes("Saint-Germain-l'Herm, Gommenec'h")).toEqual(["lHerm", "Gommenech"]);
    expect(gluedApostrophes("Sant'Andréa-d'Orcino")).toEqual(["SantAndréa", "dOrcino"]);
  });

  test("gives nothing for a text without an apostrophe between letters", () => {
    expect(gluedApostrophes("Saint-Étienne")).toEqual([]);
    expect(gluedApostrophes("l' 'quoted'")).toEqual([]);
  });
});

describe("titleWords", () => {
  test("keeps the first word whatever its length and later words longer than 2 characters", () => {
    expect(titleWords("  a de la vente en magasin ")).toEqual(["a", "vente", "magasin"]);
    expect(titleWords("")).toEqual([]);
  });
});

describe("toFtsQuery", () => {
  test("turns each word into a phrase prefix joined by AND or OR", () => {
    expect(toFtsQuery(["Électricien", "bâtiment"], "and")).toBe('"electricien"* AND "batiment"*');
    expect(toFtsQuery(["bts", "mco"], "or")).toBe('"bts"* OR "mco"*');
  });

  test("keeps a word with inner punctuation as one phrase and drops words with nothing searchable", () => {
    expect(toFtsQuery(["c'est-à-dire", '"*:-^', "NEAR(x"], "and")).toBe('"est a dire"* AND "near x"*');
    expect(toFtsQuery(['"', "*", "-"], "or")).toBeNull();
  });

  test("splits a string title like the reference", () => {
    expect(toFtsQuery("vente en magasin", "and")).toBe('"vente"* AND "magasin"*');
  });

  test("never produces a query FTS5 rejects, whatever the input", () => {
    const db = new Database(":memory:");
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(a, tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');
      INSERT INTO t (a) VALUES ('boulangerie pâtisserie'), ('électricité');`);
    const run = db.prepare("SELECT count(*) FROM t WHERE t MATCH ?").pluck();
    const samples = [
      '"',
      '""',
      "*",
      "a OR",
      "NEAR(a b, 2)",
      "-x",
      "^y",
      "col:z",
      "AND AND",
      "(",
      ")",
      "é*",
      "\u0000",
      "🍞",
    ];
    const words = fc.oneof(fc.string(), fc.constantFrom(...samples), fc.string({ unit: "grapheme" }));
    fc.assert(
      fc.property(
        fc.array(words, { maxLength: 6 }),
        fc.constantFrom("and" as const, "or" as const),
        (list, mode) => {
          const query = toFtsQuery(list, mode);
          if (query !== null) run.get(query);
        },
      ),
      { numRuns: 500 },
    );
    db.close();
  });
});

describe("acronymsOf", () => {
  test("gives the short acronym without stop words, then the long one (docs/reference/v1.md#s8-5)", () => {
    // The reference's example reads "bts btds": its own rule ("a long acronym of every word") gives "bdts".
    expect(acronymsOf("Brevet de technicien supérieur")).toBe("bts bdts");
    expect(acronymsOf("BTS MANAGEMENT COMMERCIAL OPERATIONNEL")).toBe("bmco bmco mco");
  });

  test("uses only the title before its first ' (' and splits on apostrophes", () => {
    expect(acronymsOf("CAP ART ET TECHNIQUES DE LA BIJOUTERIE (CAP)")).toBe("catb caetdlb atb");
    expect(acronymsOf("DIPLOME D'ETAT D'AIDE-SOIGNANT")).toBe("deas ddedas");
  });
});

describe("diplomaDisplayLabel", () => {
  test("cuts before '(' and keeps a leading diploma acronym in capitals", () => {
    expect(diplomaDisplayLabel("BTS MANAGEMENT COMMERCIAL OPERATIONNEL")).toBe(
      "BTS management commercial operationnel",
    );
    expect(diplomaDisplayLabel("BOULANGER (CAP)")).toBe("Boulanger");
    expect(diplomaDisplayLabel("BAC PRO CUISINE")).toBe("Bac pro cuisine");
  });

  test("keeps the referential's accents, État and inner acronyms", () => {
    expect(diplomaDisplayLabel("BP ÉLECTRICIEN")).toBe("BP électricien");
    expect(diplomaDisplayLabel("DIPLÔME D'ÉTAT D'AIDE-SOIGNANT")).toBe("Diplôme d'État d'aide-soignant");
    expect(diplomaDisplayLabel("LICENCE PROFESSIONNELLE MÉTIERS DU BTP : BÂTIMENT ET CONSTRUCTION")).toBe(
      "Licence professionnelle métiers du BTP : bâtiment et construction",
    );
  });
});

describe("withDe", () => {
  test("elides de before a vowel or a mute h, and joins de le / de les", () => {
    expect(withDe("Aux Délices")).toBe("d'Aux Délices");
    expect(withDe("Élan Formation")).toBe("d'Élan Formation");
    expect(withDe("Hôtel du Parc")).toBe("d'Hôtel du Parc");
    expect(withDe("Boulangerie Martin")).toBe("de Boulangerie Martin");
    expect(withDe("")).toBe("de l'entreprise");
  });

  test("auprès and à follow the same rule", () => {
    expect(aupresDe("Aux Délices")).toBe("auprès d'Aux Délices");
    expect(aupresDe("Boulangerie Martin")).toBe("auprès de Boulangerie Martin");
  });
});

describe("withA", () => {
  test("contracts à le and à les before a commune, and keeps la, l' and the rest", () => {
    expect(withA("Le Croisic")).toBe("au Croisic");
    expect(withA("Le Havre 76600")).toBe("au Havre 76600");
    expect(withA("Les Abymes")).toBe("aux Abymes");
    expect(withA("LES SABLES-D'OLONNE")).toBe("aux SABLES-D'OLONNE");
    expect(withA("La Rochelle")).toBe("à La Rochelle");
    expect(withA("L'Isle-Adam")).toBe("à L'Isle-Adam");
    expect(withA("Lyon 3e Arrondissement 69003")).toBe("à Lyon 3e Arrondissement 69003");
    expect(withA("Lesparre-Médoc")).toBe("à Lesparre-Médoc");
    expect(withA("Lens")).toBe("à Lens");
  });
});

test("tokensOf matches what unicode61 indexes", () => {
  expect(tokensOf("Aide-soignant(e) / l'été")).toEqual(["aide", "soignant", "e", "ete"]);
});

describe("compareFrench", () => {
  test("orders titles as a French reader does: accents and case at first ignored, numbers by value", () => {
    expect(
      ["Zoologiste", "Éducateur", "eau", "Île", "Ilot", "BTS 10", "BTS 9", "Agent"].sort(compareFrench),
    ).toEqual(["Agent", "BTS 9", "BTS 10", "eau", "Éducateur", "Île", "Ilot", "Zoologiste"]);
  });

  test("is a total order: texts equal to the collator keep one order whatever their input order", () => {
    expect(["eau", "Eau", "éau"].sort(compareFrench)).toEqual(["Eau", "eau", "éau"].sort(compareFrench));
    expect(compareFrench("Eau", "eau")).not.toBe(0);
    expect(compareFrench("eau", "eau")).toBe(0);
  });
});
