import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import type { Db } from "../db/client";
import { rebuildFullTextIndex } from "../db/indexes";
import { compareFrench, diplomaDisplayLabel, titleWords, toFtsQuery } from "../referentials/text";
import { createReferentialTestDb, createTestDb } from "../testing/db";
import {
  allMetiers,
  autocomplete,
  diplomaLevelsForRomes,
  DIPLOMA_TITLES_SQL,
  DIPLOMAS_AUTOCOMPLETE_SQL,
  metierForRomes,
  metiersForRomes,
  metiersParEtablissement,
  metiersParFormation,
  METIERS_AUTOCOMPLETE_SQL,
  searchMetiers,
  searchMetiersSql,
} from "./metiers";

let db: Db;
beforeAll(() => {
  db = createReferentialTestDb();
});

const labels = (items: { label: string }[]) => items.map((i) => i.label);

let trainingSeq = 0;
function addTraining(
  target: Db,
  t: { cfd?: string; siret?: string; niveau?: string; romes: string[]; published?: boolean },
) {
  const id = ++trainingSeq;
  target.$client
    .prepare(
      `INSERT INTO trainings (id, cle_ministere_educatif, published, niveau, cfd, formateur_siret, rome_codes)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      `cle-${id}`,
      t.published === false ? 0 : 1,
      t.niveau ?? null,
      t.cfd ?? null,
      t.siret ?? null,
      JSON.stringify(t.romes),
    );
  for (const code of t.romes)
    target.$client.prepare(`INSERT INTO training_romes (training_id, rome_code) VALUES (?, ?)`).run(id, code);
}

describe("autocomplete", () => {
  test.each([
    ["cuisinier", "Cuisine"],
    ["plombier", "Plomberie"],
    ["aide soignant", "Santé, soins aux personnes"],
    ["Aide-soignante", "Santé, soins aux personnes"],
    ["logisticien", "Management, exploitation, gestion, ingéniérie de la chaîne logistique"],
    ["oenologie", "Production d'alcool (vin, bière, cidre…)"],
    ["Œnologie", "Production d'alcool (vin, bière, cidre…)"],
    ["l'hôtellerie", "Hotellerie"],
    ["L’HÔTELLERIE", "Hotellerie"],
    ["hotellerie", "Hotellerie"],
    ["electricien", "Electricité, climatisation, domotique, électronique"],
    ["ÉLECTRICIEN", "Electricité, climatisation, domotique, électronique"],
    ["coiffeur", "Coiffure"],
    ["maçon", "Maçonnerie, coffrage"],
    ["Boulangerie, pâtisserie, chocolaterie", "Boulangerie, pâtisserie, chocolaterie"],
    // Misspelt: read as the nearest word of the métiers' texts.
    ["boulenger", "Boulangerie, pâtisserie, chocolaterie"],
    ["devellopeur", "Développement web, intégration"],
    ["coifeur", "Coiffure"],
    ["electricen", "Electricité, climatisation, domotique, électronique"],
  ])("suggests the right métier first for %j", (title, label) => {
    expect(autocomplete(db, title).labelsAndRomes[0]?.label).toBe(label);
  });

  test("ranks the métiers whose job titles have the word itself before those having only its stem", () => {
    // "développeur" is in few QHSE titles, its stem "develo" in many ("développement durable")
    expect(labels(autocomplete(db, "développeur").labelsAndRomes).slice(0, 4)).toEqual([
      "Développement web, intégration",
      "Analyse de données, data",
      "Conception de jeux vidéos",
      "Administration de systèmes et réseaux informatiques et telecom",
    ]);
  });

  test("ranks the métiers whose job titles have the word whole before those having it only in a longer word", () => {
    // "cuisine" whole: "aide de cuisine", "agenceur de cuisine", "plongeuse officière de cuisine"; only "cuisines":
    // "vendeur de cuisines", "plats cuisinés", and the one title of Comptabilité ("aménagement de cuisines").
    const cuisine = labels(autocomplete(db, "cuisine").labelsAndRomes);
    expect(cuisine.slice(0, 5)).toEqual([
      "Cuisine",
      "Vente en magasin : alimentation, produits frais, boissons",
      "Décoration d'espaces, merchandising, architecture d'intérieur",
      "Mobilier, ameublement, tapisserie",
      "Service en hotellerie, restauration",
    ]);
    expect(cuisine.slice(5)).toContain("Comptabilité, gestion de paie");
    // "vente" whole in 22 titles of Accueil (25 in all), in 16 of Commerce (26 in all: "administration des ventes").
    const vente = labels(autocomplete(db, "vente").labelsAndRomes);
    expect(vente.indexOf("Accueil, service client")).toBeLessThan(vente.indexOf("Commerce en entreprise"));
  });

  test("lists first the métiers of the diploma a query names by its acronym: 'bts mco', 'bts sio'", () => {
    // Their métiers match "bts" alone (a keyword of many); the diploma having every word says which ones.
    expect(labels(autocomplete(db, "bts mco").labelsAndRomes)[0]).toBe("Management commercial");
    expect(labels(autocomplete(db, "bts sio").labelsAndRomes).slice(0, 2)).toEqual([
      "Administration de systèmes et réseaux informatiques et telecom",
      "Analyse de données, data",
    ]);
  });

  test("ranks first the métier whose label a word is the initials of: 'rh', 'assistant rh', 'RH assistant'", () => {
    // "rh" also starts job titles of other métiers ("rhabilleur"), which came first.
    for (const title of ["rh", "RH", "assistant rh", "RH assistant", "drh"])
      expect(labels(autocomplete(db, title).labelsAndRomes)[0], title).toBe("Ressources humaines");
    expect(labels(searchMetiers(db, { title: "rh" }))[0]).toBe("Ressources humaines");
    expect(labels(searchMetiers(db, { title: "assistant rh" }))[0]).toBe("Ressources humaines");
  });

  test("finds the métiers whose job titles have a word as initials, most such titles first: 'grh'", () => {
    // "gestion des ressources humaines": in 5 job titles of Ressources humaines, fewer of the others.
    expect(labels(autocomplete(db, "grh").labelsAndRomes)).toEqual([
      "Ressources humaines",
      "Conseil en emploi, insertion, orientation",
      "Comptabilité, gestion de paie",
    ]);
  });

  test("reads a word that starts a word of a label as typed, not as initials: 'ma', 'as'", () => {
    // "ma" is also the initials of "Mobilier, ameublement", "as" of "Administration de systèmes".
    expect(labels(autocomplete(db, "ma").labelsAndRomes)[0]).toBe(
      "Management, exploitation, gestion, ingéniérie de la chaîne logistique",
    );
    expect(labels(autocomplete(db, "as").labelsAndRomes)[0]).toBe("Assainissement, distribution des eaux");
  });

  test("corrects a misspelt word beside a right one, diplomas included: 'cap boulenger'", () => {
    expect(labels(autocomplete(db, "cap boulenger").labelsAndRomesForDiplomas)).toContain("CAP boulanger");
  });

  test("puts boulangerie first for 'bou', with its ROME codes and diplomas", () => {
    const result = autocomplete(db, "bou");
    expect(result.labelsAndRomes[0]).toEqual({
      label: "Boulangerie, pâtisserie, chocolaterie",
      romes: ["D1102", "D1104", "G1612"],
      rncps: ["RNCP37204", "RNCP37205", "RNCP37207", "RNCP37208", "RNCP37865"],
      type: "job",
    });
    expect(labels(result.labelsAndRomes)).toContain("Boucherie, charcuterie, traiteur");
    expect(labels(result.labelsAndRomesForDiplomas)).toEqual(
      expect.arrayContaining(["CAP boulanger", "BP boulanger"]),
    );
  });

  test("finds a diploma with œ or an elision folded", () => {
    expect(labels(autocomplete(db, "Œnologie").labelsAndRomesForDiplomas)).toEqual([
      "BTSA viticulture-œnologie",
    ]);
    expect(labels(autocomplete(db, "l'éducation").labelsAndRomesForDiplomas)).toContain(
      "Master métiers de l'enseignement, de l'éducation et de la formation",
    );
  });

  test("finds the BTS diplomas from 'bts mco' and 'BTS', labelled without the suffix", () => {
    for (const title of ["bts", "BTS"]) {
      const diplomas = autocomplete(db, title).labelsAndRomesForDiplomas;
      expect(diplomas.length).toBeGreaterThan(10);
      expect(diplomas.length).toBeLessThanOrEqual(20);
      for (const d of diplomas) expect(d.label).toMatch(/^BTSA? /);
      expect(diplomas.every((d) => d.type === "diploma")).toBe(true);
    }
    expect(autocomplete(db, "bts mco").labelsAndRomesForDiplomas[0]?.label).toBe(
      "BTS management commercial opérationnel",
    );
    const all = autocomplete(db, "bts management").labelsAndRomesForDiplomas;
    expect(all[0]).toMatchObject({
      label: "BTS management commercial opérationnel",
      romes: expect.arrayContaining(["D1406", "D1407"]),
    });
    expect(labels(all)).toContain("BTS management en hôtellerie restauration");
  });

  test("lists only the métiers matching every word when some do: 'aide soignant'", () => {
    expect(labels(autocomplete(db, "aide soignant").labelsAndRomes)).toEqual(["Santé, soins aux personnes"]);
  });

  test("lists the diplomas having every word when some do: 'bts commerce'", () => {
    const diplomas = labels(autocomplete(db, "bts commerce").labelsAndRomesForDiplomas);
    expect(diplomas.length).toBeGreaterThan(0);
    for (const label of diplomas) expect(label).toMatch(/^BTSA? .*commerce/i);
    expect(labels(autocomplete(db, "bts commerce").labelsAndRomes)[0]).toBe("Commerce en entreprise");
  });

  test("finds nothing for an unknown word", () => {
    expect(autocomplete(db, "xyzzy")).toEqual({ labelsAndRomes: [], labelsAndRomesForDiplomas: [] });
  });

  test("matches a diploma on its acronyms", () => {
    expect(labels(autocomplete(db, "bmco").labelsAndRomesForDiplomas)).toEqual([
      "BTS management commercial opérationnel",
    ]);
  });

  test("combines words with OR and ranks items matching more words first", () => {
    const result = autocomplete(db, "boulanger coiffeur");
    expect(labels(result.labelsAndRomes)).toEqual(
      expect.arrayContaining(["Boulangerie, pâtisserie, chocolaterie", "Coiffure"]),
    );
    expect(searchMetiers(db, { title: "boulanger coiffeur" })).toEqual([]);
  });

  test("returns at most 20 métiers and 20 diplomas", () => {
    const result = autocomplete(db, "a");
    expect(result.labelsAndRomes).toHaveLength(20);
    expect(result.labelsAndRomesForDiplomas.length).toBeLessThanOrEqual(20);
  });

  test("merges diplomas whose titles differ only after '('", () => {
    const local = createReferentialTestDb();
    local.$client.exec(`INSERT INTO diplomas (title, acronyms, level, romes, rncps) VALUES
      ('ZYTHOLOGUE (CAP)', 'z z', 3, '["D1106"]', '["RNCP1"]'), ('ZYTHOLOGUE (BP)', 'z z', 4, '["D1107"]', '["RNCP2"]')`);
    rebuildFullTextIndex(local, "diplomas");
    expect(autocomplete(local, "zytho").labelsAndRomesForDiplomas).toEqual([
      {
        label: "Zythologue",
        romes: expect.arrayContaining(["D1106", "D1107"]),
        rncps: expect.arrayContaining(["RNCP1", "RNCP2"]),
        type: "diploma",
      },
    ]);
  });

  test("adds ROME titles when asked", () => {
    const [coiffure] = autocomplete(db, "coiffure", { withRomeLabels: true }).labelsAndRomes;
    expect(coiffure?.romeTitles).toEqual([
      { codeRome: "D1202", intitule: "Coiffeur / Coiffeuse" },
      { codeRome: "L1501", intitule: "Maquilleur / Maquilleuse spectacle" },
    ]);
    expect(autocomplete(db, "coiffure").labelsAndRomes[0]).not.toHaveProperty("romeTitles");
  });

  test("returns empty lists for an empty or punctuation-only title", () => {
    for (const title of ["", "   ", '"*:-^']) {
      expect(autocomplete(db, title)).toEqual({ labelsAndRomes: [], labelsAndRomesForDiplomas: [] });
    }
  });

  test("never throws on hostile FTS input", () => {
    const samples = [
      '"',
      'bou"',
      "*",
      "bou*",
      ":",
      "label:bou",
      "-bou",
      "^bou",
      "NEAR(bou cap)",
      "bou AND",
      "OR OR",
      "(",
      "bou)",
      "{label}:x",
    ];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...samples), fc.string()), { maxLength: 5 }), (parts) => {
        const title = parts.join(" ");
        autocomplete(db, title);
        searchMetiers(db, { title, romes: parts, rncps: parts });
      }),
      { numRuns: 300 },
    );
  });
});

describe("searchMetiers", () => {
  test("requires every kept title word, as prefixes, ignoring short words after the first", () => {
    expect(labels(searchMetiers(db, { title: "vente en magasin" }))).toEqual(
      expect.arrayContaining([
        "Vente en magasin : alimentation, produits frais, boissons",
        "Vente en magasin : produits non alimentaires (vêtements, équipement, livres, …)",
      ]),
    );
    for (const item of searchMetiers(db, { title: "elec bat" })) expect(item.type).toBe("job");
    expect(labels(searchMetiers(db, { title: "electri domot" }))[0]).toBe(
      "Electricité, climatisation, domotique, électronique",
    );
  });

  test("filters on any of the ROME codes, comma lists included, and their parent fiches or children", () => {
    const found = labels(searchMetiers(db, { romes: ["D1202,F1602"] }));
    expect(found).toEqual(
      expect.arrayContaining(["Coiffure", "Electricité, climatisation, domotique, électronique"]),
    );
    for (const item of searchMetiers(db, { romes: ["d1202"] })) expect(item.romes).toContain("D1202");
    // D1117 (chef pâtissier) is a child of D1104, which the métier lists; A1413 the parent of its A1443.
    expect(labels(searchMetiers(db, { romes: ["D1117"] }))).toContain(
      "Boulangerie, pâtisserie, chocolaterie",
    );
    expect(labels(searchMetiers(db, { romes: ["A1413"] }))).toEqual([
      "Production d'alcool (vin, bière, cidre…)",
      "Production de produits fermiers",
    ]);
  });

  test("filters on RNCP codes and combines every clause with AND", () => {
    const rncp = "RNCP38362"; // BTS MCO
    const byRncp = searchMetiers(db, { rncps: [rncp] });
    expect(byRncp.length).toBeGreaterThan(0);
    for (const item of byRncp) expect(item.rncps).toContain(rncp);
    const commercial = labels(searchMetiers(db, { title: "commercial", rncps: [rncp] }));
    expect(commercial).toEqual(
      expect.arrayContaining(["Développement commercial, force de vente", "Management commercial"]),
    );
    expect(searchMetiers(db, { title: "coiffure", romes: ["F1602"] })).toEqual([]);
  });

  test("returns nothing without a usable clause and at most 20 items", () => {
    expect(searchMetiers(db, {})).toEqual([]);
    expect(searchMetiers(db, { title: "--" })).toEqual([]);
    const every = db.$client.prepare(`SELECT code FROM romes`).pluck().all() as string[];
    expect(searchMetiers(db, { romes: every })).toHaveLength(20);
  });
});

describe("lists of titles, in French alphabetical order", () => {
  // Code points put every accented capital after "Z": "Éducation" after "Zoologie".
  function withMetiers(labels: string[]): Db {
    const local = createTestDb();
    labels.forEach((label, i) => {
      local.$client
        .prepare(
          `INSERT INTO metiers (id, label, keywords, romes, rncps) VALUES (?, ?, '', '["K1207"]', '[]')`,
        )
        .run(i + 1, label);
      local.$client.prepare(`INSERT INTO metier_romes (metier_id, rome_code) VALUES (?, 'K1207')`).run(i + 1);
    });
    rebuildFullTextIndex(local, "metiers");
    return local;
  }
  const french = ["Agronomie", "Ébénisterie", "éducation spécialisée", "Electricité", "Zoologie"];

  test("lists every métier, the métiers of ROME codes and the métiers found by code alone in French order", () => {
    const local = withMetiers([
      "Zoologie",
      "Electricité",
      "éducation spécialisée",
      "Ébénisterie",
      "Agronomie",
    ]);
    expect(allMetiers(local)).toEqual(french);
    expect(metiersForRomes(local, ["K1207"])).toEqual(french);
    expect(labels(searchMetiers(local, { romes: ["K1207"] }))).toEqual(french);
  });

  test("keeps the first 20 in French order, not the first 20 by code point", () => {
    const local = withMetiers([...Array.from({ length: 20 }, (_, i) => `Zoologie ${i + 1}`), "Écologie"]);
    const found = labels(searchMetiers(local, { romes: ["K1207"] }));
    expect(found).toHaveLength(20);
    expect(found.slice(0, 3)).toEqual(["Écologie", "Zoologie 1", "Zoologie 2"]);
  });

  test("names the métier of equally shared codes by its label in French order", () => {
    expect(metierForRomes(withMetiers(["Zoologie", "Ébénisterie"]), ["K1207"])?.label).toBe("Ébénisterie");
  });

  test("suggests diplomas that match alike in French order", () => {
    const local = createReferentialTestDb();
    local.$client.exec(`INSERT INTO diplomas (title, acronyms, level, romes, rncps) VALUES
      ('XYLO ZINGUERIE', 'x x', 3, '["D1106"]', '[]'), ('XYLO ÉLECTRICITÉ', 'x x', 3, '["D1106"]', '[]'),
      ('XYLO ÉBÉNISTERIE', 'x x', 3, '["D1106"]', '[]'), ('XYLO BOULANGERIE', 'x x', 3, '["D1106"]', '[]')`);
    rebuildFullTextIndex(local, "diplomas");
    expect(labels(autocomplete(local, "xylo").labelsAndRomesForDiplomas)).toEqual([
      "Xylo boulangerie",
      "Xylo ébénisterie",
      "Xylo électricité",
      "Xylo zinguerie",
    ]);
  });

  /** A database of the referentials plus these diplomas (title, ROME codes), indexed. */
  function withDiplomas(diplomas: [string, string[]][]) {
    const local = createReferentialTestDb();
    const insert = local.$client.prepare(
      `INSERT INTO diplomas (title, acronyms, level, romes, rncps) VALUES (?, 'x', 3, ?, '[]')`,
    );
    for (const [title, romes] of diplomas) insert.run(title, JSON.stringify(romes));
    rebuildFullTextIndex(local, "diplomas");
    return local;
  }
  const numbered = (count: number, title: (n: number) => string): [string, string[]][] =>
    Array.from({ length: count }, (_, i) => [title(i + 1), ["D1106"]]);

  test("cuts the diplomas after putting them in French order when more than 100 titles match alike", () => {
    // By code points the 110 "XYLO ZINGUERIE" titles come before the "XYLO ÉBÉNISTERIE" ones, and fill 100 rows.
    const local = withDiplomas([
      ...numbered(110, (n) => `XYLO ZINGUERIE ${n}`),
      ...numbered(5, (n) => `XYLO ÉBÉNISTERIE ${n}`),
    ]);
    expect(labels(autocomplete(local, "xylo").labelsAndRomesForDiplomas)).toEqual([
      ...Array.from({ length: 5 }, (_, i) => `Xylo ébénisterie ${i + 1}`),
      ...Array.from({ length: 15 }, (_, i) => `Xylo zinguerie ${i + 1}`),
    ]);
  });

  test("suggests 20 diplomas however many matching titles share a label before '('", () => {
    const local = withDiplomas([
      ...numbered(120, (n) => `XYLO BOIS (OPTION ${n})`),
      ...numbered(30, (n) => `XYLO FER ${n} (OPTION)`),
    ]);
    expect(labels(autocomplete(local, "xylo").labelsAndRomesForDiplomas)).toEqual([
      "Xylo bois",
      ...Array.from({ length: 19 }, (_, i) => `Xylo fer ${i + 1}`),
    ]);
  });

  test("merges the codes of every matching title of a suggestion, however far down the others rank", () => {
    const local = withDiplomas([
      ["XYLO BOIS (CAP)", ["H2207"]],
      ...numbered(110, (n) => `XYLO METAL ${n} (BP)`),
      ["XYLO BOIS (BREVET DES METIERS D'ART EBENISTERIE MARQUETERIE)", ["H2208"]],
    ]);
    const [bois] = autocomplete(local, "xylo").labelsAndRomesForDiplomas;
    expect(bois).toMatchObject({ label: "Xylo bois", romes: ["H2207", "H2208"] });
  });

  test("suggests what ordering every match, then cutting, would suggest", () => {
    const kinds = ["BTS", "CAP", "Bac pro", "Licence professionnelle", "titre professionnel", "BP"];
    const trades = ["Électricité", "électronique", "Ébénisterie", "zinguerie", "Œnologie", "agriculture"];
    const local = withDiplomas(
      kinds.flatMap((kind, k) =>
        trades.flatMap((trade, t) =>
          [0, 1, 2, 3, 4].map((n): [string, string[]] => [
            `${kind} ${trade}${n > 0 ? ` ${n}` : ""}${(k + t + n) % 3 === 0 ? ` (option ${n})` : ""}`,
            [`D11${String(n).padStart(2, "0")}`],
          ]),
        ),
      ),
    );
    const everyMatch = local.$client.prepare(
      `SELECT d.title, d.romes, d.rncps, bm25(diplomas_fts, 1.0, 2.0) AS rank
       FROM diplomas_fts JOIN diplomas d ON d.id = diplomas_fts.rowid WHERE diplomas_fts MATCH ?`,
    );
    // The rule of docs/reference/v1.md#s3-9 over every match: best first, then French order, merged, 20.
    const expected = (term: string) => {
      const [all, any] = (["and", "or"] as const).map((mode) => toFtsQuery(titleWords(term), mode) ?? "");
      const withAll = everyMatch.all(all) as { title: string; romes: string; rncps: string; rank: number }[];
      const rows = (withAll.length > 0 ? withAll : (everyMatch.all(any) as typeof withAll)).sort(
        (a, b) => a.rank - b.rank || compareFrench(a.title, b.title),
      );
      const items = new Map<string, { label: string; romes: string[]; rncps: string[]; type: string }>();
      for (const row of rows) {
        const label = diplomaDisplayLabel(row.title);
        const [romes, rncps] = [JSON.parse(row.romes) as string[], JSON.parse(row.rncps) as string[]];
        const seen = items.get(label.toLowerCase());
        if (seen)
          Object.assign(seen, {
            romes: [...new Set([...seen.romes, ...romes])],
            rncps: [...new Set([...seen.rncps, ...rncps])],
          });
        else if (items.size < 20) items.set(label.toLowerCase(), { label, romes, rncps, type: "diploma" });
      }
      return [...items.values()];
    };
    for (const term of [
      "b",
      "bts",
      "c",
      "e",
      "é",
      "élec",
      "l",
      "li",
      "o",
      "p",
      "pro",
      "t",
      "a",
      "cap z",
      "bts ebe",
    ]) {
      expect(expected(term).length, term).toBeGreaterThan(0);
      expect(autocomplete(local, term).labelsAndRomesForDiplomas, term).toEqual(expected(term));
    }
    expect((everyMatch.all('"b"*') as unknown[]).length).toBeGreaterThan(100);
  });

  test("suggests métiers that match alike in French order", () => {
    const local = withMetiers(["Xylo zinc", "Xylo étain", "Xylo argent"]);
    expect(labels(autocomplete(local, "xylo").labelsAndRomes)).toEqual([
      "Xylo argent",
      "Xylo étain",
      "Xylo zinc",
    ]);
  });
});

describe("allMetiers and metiersForRomes", () => {
  test("lists every label in French order", () => {
    const all = allMetiers(db);
    expect(all).toHaveLength(135);
    // "é" sorts as "e", not after "z".
    expect(all.indexOf("Décoration d'espaces, merchandising, architecture d'intérieur")).toBeLessThan(
      all.indexOf("Design industriel"),
    );
    expect(all.indexOf("Diététique")).toBeLessThan(all.indexOf("Direction d'entreprise"));
  });

  test("names the métier of a list of ROME codes: most shared codes, then the narrowest", () => {
    expect(metierForRomes(db, ["D1102"])?.label).toBe("Boulangerie, pâtisserie, chocolaterie");
    expect(metierForRomes(db, ["D1102", "D1104", "G1612"])?.label).toBe(
      "Boulangerie, pâtisserie, chocolaterie",
    );
    expect(metierForRomes(db, ["Z0000"])).toBeNull();
    expect(metierForRomes(db, [])).toBeNull();
  });

  test("lists the métiers of ROME codes, those sharing most codes first", () => {
    expect(metiersForRomes(db, ["D1102", "D1104"])[0]).toBe("Boulangerie, pâtisserie, chocolaterie");
    expect(metiersForRomes(db, [])).toEqual([]);
    expect(metiersForRomes(db, ["Z0000"])).toEqual([]);
  });
});

describe("metiersParFormation and metiersParEtablissement", () => {
  test("return the métiers of the ROME codes of the matching published trainings", () => {
    const local = createReferentialTestDb();
    addTraining(local, { cfd: "50022135", siret: "11111111111111", romes: ["D1102"] });
    addTraining(local, { cfd: "50022135", siret: "22222222222222", romes: ["D1104"] });
    addTraining(local, { cfd: "32031213", siret: "11111111111111", romes: ["D1202"], published: false });
    expect(metiersParFormation(local, "50022135")).toEqual(
      expect.arrayContaining(["Boulangerie, pâtisserie, chocolaterie", "Industrie Agroalimentaire"]),
    );
    expect(metiersParEtablissement(local, "11111111111111")).not.toContain("Coiffure");
    expect(metiersParEtablissement(local, "11111111111111")?.[0]).toBe(
      "Boulangerie, pâtisserie, chocolaterie",
    );
  });

  test("return null when no published training matches", () => {
    const local = createReferentialTestDb();
    addTraining(local, { cfd: "32031213", romes: ["D1406"], published: false });
    expect(metiersParFormation(local, "32031213")).toBeNull();
    expect(metiersParFormation(local, "00000000")).toBeNull();
    expect(metiersParEtablissement(local, "99999999999999")).toBeNull();
  });

  test("return an empty list when the trainings have no ROME code", () => {
    const local = createTestDb();
    addTraining(local, { cfd: "32031213", romes: [] });
    expect(metiersParFormation(local, "32031213")).toEqual([]);
  });
});

describe("diplomaLevelsForRomes", () => {
  test("lists the distinct levels of published trainings having any of the ROME codes, by level", () => {
    const local = createTestDb();
    addTraining(local, { niveau: "5 (BTS, DEUST...)", romes: ["D1406"] });
    addTraining(local, { niveau: "3 (CAP...)", romes: ["D1106", "D1406"] });
    addTraining(local, { niveau: "5 (BTS, DEUST...)", romes: ["D1407"] });
    addTraining(local, { niveau: "7 (Master, titre ingénieur...)", romes: ["D1406"], published: false });
    addTraining(local, { niveau: "6 (Licence, BUT...)", romes: ["F1602"] });
    expect(diplomaLevelsForRomes(local, ["D1406", "D1407"])).toEqual(["3 (CAP...)", "5 (BTS, DEUST...)"]);
  });

  test("lists all five levels when no training matches", () => {
    const local = createTestDb();
    const all = [
      "3 (CAP...)",
      "4 (BAC...)",
      "5 (BTS, DEUST...)",
      "6 (Licence, BUT...)",
      "7 (Master, titre ingénieur...)",
    ];
    expect(diplomaLevelsForRomes(local, ["A1101"])).toEqual(all);
    expect(diplomaLevelsForRomes(local, [])).toEqual(all);
  });
});

describe("query plans", () => {
  const plan = (sql: string, ...params: unknown[]) =>
    (db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
      (r) => r.detail,
    );

  test("autocomplete reads the FTS indexes, then rows by primary key", () => {
    const metiers = plan(METIERS_AUTOCOMPLETE_SQL, '"bou"*');
    expect(metiers.join("\n")).toMatch(/SCAN metiers_fts VIRTUAL TABLE INDEX/);
    expect(metiers.join("\n")).toMatch(/SEARCH m USING INTEGER PRIMARY KEY/);
    for (const diplomas of [
      plan(DIPLOMAS_AUTOCOMPLETE_SQL, { match: '"bts"*', limit: 100 }),
      plan(DIPLOMA_TITLES_SQL, { match: '"bts"*', labels: '["bts tourisme"]' }),
    ]) {
      // The index's matches first (never a prefix query run again per row), then their rows by primary key.
      expect(diplomas[0]).toMatch(/^SCAN diplomas_fts VIRTUAL TABLE INDEX 0:M/);
      expect(diplomas[1]).toBe("SEARCH d USING INTEGER PRIMARY KEY (rowid=?)");
    }
  });

  test("ROME code filters go through the ROME index, with or without a title", () => {
    const withTitle = plan(searchMetiersSql({ title: true, romes: true, rncps: false }), {
      match: '"vente"*',
      romes: '["D1106"]',
    });
    expect(withTitle.join("\n")).toMatch(/SCAN metiers_fts VIRTUAL TABLE INDEX/);
    expect(withTitle.join("\n")).toMatch(/SEARCH mr USING INDEX metier_romes_rome_idx \(rome_code=\?\)/);
    const romesOnly = plan(searchMetiersSql({ title: false, romes: true, rncps: false }), {
      romes: '["D1106"]',
    });
    expect(romesOnly.join("\n")).toMatch(/SEARCH m USING INTEGER PRIMARY KEY/);
    expect(romesOnly.join("\n")).toMatch(/SEARCH mr USING INDEX metier_romes_rome_idx \(rome_code=\?\)/);
  });
});
