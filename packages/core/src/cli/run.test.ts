import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { closeDb, createDb, type Db } from "../db/client";
import { migrate } from "../db/migrate";
import { applicationsTable } from "../db/schema";
import { LBA_METIERS_CSV, LBA_METIERS_SEO } from "../testing/fixture-paths";
import { runCli } from "./run";

const COMPANIES = fileURLToPath(new URL("../sources/companies/fixtures/etablissements.csv", import.meta.url));
// 3 good records and 6 bad ones, one per kind of rejection: the swap guard takes it only with --force
const TRAININGS = fileURLToPath(
  new URL("../sources/trainings/fixtures/catalogue-formations.json", import.meta.url),
);

let databasePath: string;
let output: { log: string[]; warn: string[]; error: string[] };

beforeEach(() => {
  databasePath = join(mkdtempSync(join(tmpdir(), "lba-cli-")), "lba.sqlite");
  output = { log: [], warn: [], error: [] };
  for (const level of ["log", "warn", "error"] as const)
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      output[level].push(args.map(String).join(" "));
    });
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
});

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runCli(args, { DATABASE_PATH: databasePath, ...env });

function withDatabase<T>(action: (db: Db) => T): T {
  const db = createDb(databasePath);
  try {
    migrate(db);
    return action(db);
  } finally {
    closeDb(db);
  }
}

const count = (db: Db, table: string) => db.$client.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

/** Every command main.ts runs, with arguments it accepts (that would do real work). */
const COMMANDS: [string, string[]][] = [
  ["seed", []],
  ["import", ["trainings", "formations.json"]],
  ["sync", ["trainings", "--url", "http://127.0.0.1:9/formations"]],
  ["anonymize", []],
  ["backup", ["copy.sqlite"]],
  ["snapshot", []],
];
/** Nothing written: the database's folder is as mkdtemp left it. */
const untouched = () => expect(readdirSync(dirname(databasePath))).toEqual([]);

describe("every command's arguments", () => {
  test("the list of commands names each one and how to get its help", async () => {
    expect(await cli(["--help"])).toBe(0);
    const list = output.log.join("\n");
    for (const [name] of COMMANDS) expect(list).toMatch(new RegExp(`^  ${name} +\\S`, "m"));
    expect(list).toContain("npm run <command> -- --help");
    expect(list.match(/^ {2}[a-z]+ {3,}/gm)).toHaveLength(COMMANDS.length);
  });

  test.each([[[]], [["reseed"]]])("%j lists the commands after one line and exits 1", async (args) => {
    expect(await cli(args)).toBe(1);
    expect(output.error[0]).toBe(args.length ? "Error: unknown command 'reseed'" : "Error: no command given");
    expect(output.error[1]).toContain("Commands:");
    for (const [name] of COMMANDS) expect(output.error[1]).toContain(`  ${name} `);
    untouched();
  });

  test.each(
    COMMANDS.flatMap(([name, args]) => [[name, [...args, "--help"]] as const, [name, ["-h"]] as const]),
  )("npm run %s -- %j prints the usage, options and an example, and touches nothing", async (name, args) => {
    expect(await cli([name, ...args])).toBe(0);
    const help = output.log.join("\n");
    expect(help).toMatch(new RegExp(`^Usage: npm run ${name}\\b`));
    expect(help).toContain("\nOptions:\n");
    expect(help).toContain("-h, --help");
    expect(help).toMatch(/\nExamples?:\n {2}npm run /);
    expect(output.error).toEqual([]);
    untouched();
  });

  test("npm run import -- --help lists the kinds, their files and --force", async () => {
    expect(await cli(["import", "--help"])).toBe(0);
    const help = output.log.join("\n");
    expect(help).toContain("KIND   rome, metiers, trainings, or companies");
    for (const kind of ["rome", "metiers", "trainings", "companies"]) expect(help).toContain(`${kind}: `);
    expect(help).toMatch(/--force +\(trainings and companies only\)/);
  });

  test("the help gives each option's unit and default", async () => {
    expect(await cli(["anonymize", "--help"])).toBe(0);
    expect(output.log.join("\n")).toMatch(
      /--days N +the age in days, an integer >= 1 \(default: APPLICATION_RETENTION_DAYS, else 365\)/,
    );
  });

  test.each(COMMANDS)("npm run %s refuses an unknown option in one line naming it", async (name, args) => {
    expect(await cli([name, ...args, "--bogus"])).toBe(1);
    expect(output.error).toEqual([`Error: unknown option '--bogus'; see npm run ${name} -- --help`]);
    untouched();
  });

  test.each([
    ["seed", ["5"], "'5'"],
    ["import", ["rome", "a.csv", "b.csv"], "'b.csv' (import rome takes one file)"],
    ["sync", ["trainings", "companies", "--url", "http://127.0.0.1:9/"], "'companies'"],
    ["anonymize", ["5"], "'5'"],
    ["backup", ["a.sqlite", "b.sqlite"], "'b.sqlite'"],
    ["snapshot", ["national"], "'national'"],
  ])("npm run %s refuses the unexpected argument of %j in one line naming it", async (name, args, named) => {
    expect(await cli([name, ...args])).toBe(1);
    expect(output.error).toEqual([`Error: unexpected argument ${named}; see npm run ${name} -- --help`]);
    untouched();
  });

  test.each([
    ["import", ["companies"], "missing FILE"],
    ["import", ["offers", "a.json"], "KIND must be rome, metiers, trainings, or companies (got 'offers')"],
    ["sync", ["--url", "http://127.0.0.1:9/"], "missing KIND"],
    ["sync", ["companies", "--url", "http://127.0.0.1:9/"], "sync takes trainings only (got 'companies')"],
    ["seed", ["--scale", "regional"], "--scale must be sample or national (got 'regional')"],
    ["snapshot", ["--overwrite"], "unknown option '--overwrite'"],
    ["backup", ["copy.sqlite", "--overwrite=yes"], "option '--overwrite' does not take an argument"],
  ])("npm run %s -- %j is refused in one line: %s", async (name, args, message) => {
    expect(await cli([name, ...args])).toBe(1);
    expect(output.error).toEqual([`Error: ${message}; see npm run ${name} -- --help`]);
    untouched();
  });

  test("--help wins over a mistake beside it", async () => {
    expect(await cli(["anonymize", "--dayz", "30", "--help"])).toBe(0);
    expect(output.log.join("\n")).toMatch(/^Usage: npm run anonymize/);
    expect(output.error).toEqual([]);
  });
});

describe("npm run import on a new database", () => {
  test("loads the vendored communes, ROME codes, métiers and diplomas before reading the file", async () => {
    expect(await cli(["import", "companies", COMPANIES])).toBe(0);
    // The fixture's one made-up INSEE code is the only unknown commune.
    expect(output.warn).toContain(
      "  1 x colonne code_commune : attendu un code commune INSEE connu (75056, 2A004)",
    );
    withDatabase((db) => {
      expect(count(db, "communes")).toBeGreaterThan(34_000);
      expect(count(db, "romes")).toBe(1584);
      expect(count(db, "metiers")).toBe(135);
      expect(count(db, "diplomas")).toBeGreaterThan(0);
      expect(count(db, "companies")).toBeGreaterThan(0);
    });
  });

  test("leaves the referentials already there alone: an imported ROME label survives the next import", async () => {
    expect(await cli(["import", "trainings", TRAININGS, "--force"])).toBe(0);
    const communes = withDatabase((db) => {
      db.$client.prepare("UPDATE romes SET label = 'Libellé importé' WHERE code = 'D1104'").run();
      db.$client.prepare("DELETE FROM diplomas").run();
      return count(db, "communes");
    });
    expect(await cli(["import", "trainings", TRAININGS, "--force"])).toBe(0);
    withDatabase((db) => {
      expect(db.$client.prepare("SELECT label FROM romes WHERE code = 'D1104'").pluck().get()).toBe(
        "Libellé importé",
      );
      expect(count(db, "diplomas")).toBeGreaterThan(0);
      expect(count(db, "communes")).toBe(communes);
    });
  });
});

describe("an import's report", () => {
  test("names each rejected record of a JSON array written on one line, not only its line", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "lba-cli-")), "formations.json");
    writeFileSync(
      file,
      JSON.stringify([
        { cle_ministere_educatif: "A#L01", rome_codes: ["D1202"] },
        { cle_ministere_educatif: "B#L01", rome_codes: ["nope"] },
      ]),
    );
    expect(await cli(["import", "trainings", file])).toBe(0);
    expect(output.warn).toContain(
      '      line 1 (record 2): champ rome_codes.0 : attendu un code ROME (lettre de A à N + 4 chiffres : D1102), trouvé "NOPE"',
    );
  });

  test("says why when every record is rejected, in French, and replaces nothing", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "lba-cli-")), "formations.json");
    writeFileSync(
      file,
      JSON.stringify([
        { cle_ministere_educatif: "A#L01", rome_codes: ["D1202"], capacite: { nombre: 12 } },
        { cle_ministere_educatif: "B#L01", rome_codes: ["nope"] },
      ]),
    );
    expect(await cli(["import", "trainings", file])).toBe(1);
    expect(output.warn).toEqual(
      expect.arrayContaining([
        '      line 1 (record 1): champ capacite : attendu un texte ou un nombre, trouvé {"nombre":12}',
        '      line 1 (record 2): champ rome_codes.0 : attendu un code ROME (lettre de A à N + 4 chiffres : D1102), trouvé "NOPE"',
      ]),
    );
    expect(output.error).toEqual(["Error: Aucune formation valide dans le fichier : rien n'est remplacé."]);
    withDatabase((db) => expect(count(db, "trainings")).toBe(0));
  });

  test("imports a mongoexport of the catalogue in Extended JSON, a document per line", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "lba-cli-")), "formationcatalogues.json");
    const document = (key: string) =>
      JSON.stringify({
        _id: { $oid: "65a1b2c3d4e5f6a7b8c9d0e1" },
        cle_ministere_educatif: key,
        rome_codes: ["D1202"],
        capacite: { $numberInt: "12" },
        created_at: { $date: { $numberLong: "1704067200000" } },
      });
    writeFileSync(file, `${document("A#L01")}\n${document("B#L01")}\n`);
    expect(await cli(["import", "trainings", file])).toBe(0);
    expect(output.warn).toEqual([]);
    withDatabase((db) =>
      expect(db.$client.prepare("SELECT capacite, created_at FROM trainings").all()).toEqual([
        { capacite: "12", created_at: "2024-01-01T00:00:00.000Z" },
        { capacite: "12", created_at: "2024-01-01T00:00:00.000Z" },
      ]),
    );
  });
});

describe("the swap guard of npm run import", () => {
  const HEADER =
    "siret;enseigne;nom;code_naf;numero_rue;libelle_rue;code_commune;code_postal;email;telephone;tranche_effectif;website;rome_codes";
  const siret = (prefix: string, i: number) => `${prefix}${String(i).padStart(6, "0")}`;
  /** A headed companies file: `valid` companies in Paris, then `shifted` lines written with `,` (one column each). */
  function companiesFile(prefix: string, valid: number, shifted = 0): string {
    const lines = [
      HEADER,
      ...Array.from(
        { length: valid },
        (_, i) =>
          `${siret(prefix, i)};ENT ${i};SARL ENT ${i};1071C;1;RUE DE LA PAIX;75056;75002;NULL;NULL;3-5;NULL;D1102`,
      ),
      ...Array.from(
        { length: shifted },
        (_, i) => `${siret("99999999", i)},ENT,SARL ENT,1071C,1,RUE,75056,75002`,
      ),
    ];
    const file = join(mkdtempSync(join(tmpdir(), "lba-cli-")), "companies.csv");
    writeFileSync(file, `${lines.join("\n")}\n`);
    return file;
  }
  const sirets = () =>
    withDatabase((db) => db.$client.prepare("SELECT siret FROM companies ORDER BY siret").pluck().all());

  test("a companies file mostly rejected leaves the imported companies in place and exits 1 with the counts; --force swaps it", async () => {
    expect(await cli(["import", "companies", companiesFile("12345678", 6)])).toBe(0);
    const before = sirets();
    expect(before).toHaveLength(6);

    const bad = companiesFile("87654321", 1, 5);
    expect(await cli(["import", "companies", bad])).toBe(1);
    expect(output.warn).toContain("  5 x nombre de colonnes");
    expect(output.error).toEqual([
      "Error: Remplacement refusé : plus d'enregistrements rejetés que de valides, 1 entreprise valide pour 5 rejetés " +
        "(mauvais fichier, colonnes décalées ?). Les 6 entreprises en place sont gardées : rien n'est remplacé. " +
        "Si c'est voulu, relancez avec --force pour remplacer quand même.",
    ]);
    expect(sirets()).toEqual(before);

    expect(await cli(["import", "companies", bad, "--force"])).toBe(0);
    expect(sirets()).toEqual([siret("87654321", 0)]);
  });

  test("a refused file of shifted rows prints its rejections by column as the header writes it, with the form expected and a few values found, not a line per row", async () => {
    const row = (first: string, second: string, romes: string) =>
      `${first};${second};SARL ENT;1071C;1;RUE DE LA PAIX;75056;75002;NULL;NULL;3-5;NULL;${romes}`;
    const lines = [
      HEADER.replace("siret;enseigne", "SIRET;Enseigne"),
      row(siret("12345678", 0), "ENT", "D1102"),
      // the SIRET in the name column, the name in the SIRET's
      ...Array.from({ length: 1500 }, (_, i) => row(`ENT ${i}`, siret("23456789", i), "D1102")),
      // a postcode in the ROME codes column
      ...Array.from({ length: 500 }, (_, i) => row(siret("34567890", i), "ENT", "75002")),
    ];
    const file = join(mkdtempSync(join(tmpdir(), "lba-cli-")), "companies.csv");
    writeFileSync(file, `${lines.join("\n")}\n`);

    expect(await cli(["import", "companies", file])).toBe(1);
    const SIRET = "colonne SIRET : attendu un SIRET (14 chiffres)";
    const ROMES =
      "colonne rome_codes : attendu des codes ROME (lettre + 4 chiffres, score facultatif, séparés par | : D1102:0.82|D1104)";
    expect(output.warn).toEqual([
      `  1500 x ${SIRET}`,
      `      line 3 (record 2): ${SIRET}, trouvé "ENT 0"`,
      `      line 4 (record 3): ${SIRET}, trouvé "ENT 1"`,
      `      line 5 (record 4): ${SIRET}, trouvé "ENT 2"`,
      "      ... and 1497 more",
      `  500 x ${ROMES}`,
      // past the first 1,000 rejections listed, the first of a new kind still is
      `      line 1503 (record 1502): ${ROMES}, trouvé "75002"`,
      "      ... and 499 more",
    ]);
    expect(output.error).toEqual([
      "Error: Remplacement refusé : plus d'enregistrements rejetés que de valides, 1 entreprise valide pour 2000 rejetés " +
        "(mauvais fichier, colonnes décalées ?). Rien n'est importé. Si c'est voulu, relancez avec --force pour remplacer quand même.",
    ]);
  });

  test("a trainings file with less than half of the imported trainings is refused, and swapped with --force", async () => {
    const file = (prefix: string, count: number) => {
      const path = join(mkdtempSync(join(tmpdir(), "lba-cli-")), "formations.json");
      const records = Array.from({ length: count }, (_, i) => ({
        cle_ministere_educatif: `${prefix}${i}`,
        rome_codes: ["D1202"],
      }));
      writeFileSync(path, JSON.stringify(records));
      return path;
    };
    expect(await cli(["import", "trainings", file("OLD", 9)])).toBe(0);
    expect(await cli(["import", "trainings", file("NEW", 4)])).toBe(1);
    expect(output.error.join("\n")).toContain(
      "4 formations valides (0 enregistrement rejeté) remplaceraient les 9 d'un import précédent, moins de la moitié",
    );
    withDatabase((db) => expect(count(db, "trainings")).toBe(9));
    expect(await cli(["import", "trainings", "--force", file("NEW", 4)])).toBe(0);
    withDatabase((db) => expect(count(db, "trainings")).toBe(4));
  });

  test("refuses --force on a referential import, which has no swap guard, before opening the database", async () => {
    expect(await cli(["import", "rome", "codes.csv", "--force"])).toBe(1);
    expect(output.error).toEqual([
      "Error: --force applies to import trainings and import companies only; see npm run import -- --help",
    ]);
    expect(existsSync(databasePath)).toBe(false);
  });
});

describe("npm run import -- metiers", () => {
  test("merges the mapping and the SEO list given together, as the vendored métiers", async () => {
    expect(await cli(["import", "metiers", LBA_METIERS_SEO, LBA_METIERS_CSV])).toBe(0);
    expect(output.log.join("\n")).toMatch(/Imported metiers from .*metiers-seo\.txt and .*\.csv:/);
    withDatabase((db) => expect(count(db, "metiers")).toBe(135));
  });

  test("refuses a third file before opening the database", async () => {
    expect(await cli(["import", "metiers", LBA_METIERS_CSV, LBA_METIERS_SEO, LBA_METIERS_SEO])).toBe(1);
    expect(output.error).toEqual([
      `Error: unexpected argument '${LBA_METIERS_SEO}' (import metiers takes one or two files); see npm run import -- --help`,
    ]);
    expect(existsSync(databasePath)).toBe(false);
  });
});

describe("npm run import on a database from before the vendored referentials", () => {
  test("replaces its built-in ROME codes and métiers, keeping what the import writes", async () => {
    withDatabase((db) =>
      db.$client.exec(`
        INSERT INTO romes (code, label, grand_domaine, domaine_professionnel) VALUES ('Z9999', 'Ancien', 'Z', 'Z99');
        INSERT INTO metiers (label, keywords, romes, rncps) VALUES ('Métier maison', '', '["Z9999"]', '[]');
        INSERT INTO dataset_meta (key, value) VALUES ('referential.romes.source', 'builtin'),
          ('referential.metiers.source', 'builtin');`),
    );
    expect(await cli(["import", "trainings", TRAININGS, "--force"])).toBe(0);
    withDatabase((db) => {
      expect(count(db, "romes")).toBe(1584);
      expect(count(db, "metiers")).toBe(135);
      expect(count(db, "trainings")).toBeGreaterThan(0);
    });
  });
});

describe("npm run anonymize", () => {
  const recent = () => new Date(Date.now() - 5 * 60_000).toISOString();

  function insertApplication(createdAt: string) {
    withDatabase((db) =>
      db
        .insert(applicationsTable)
        .values({
          publicId: `app-${createdAt}`,
          applicantEmail: "camille@example.org",
          applicantFirstName: "Camille",
          applicantLastName: "Martin",
          companyEmail: "rh@entreprise.example",
          companyType: "matcha",
          caller: "partenaire",
          createdAt,
          lastUpdateAt: createdAt,
        })
        .run(),
    );
  }
  const anonymised = () =>
    withDatabase((db) =>
      db
        .select({ email: applicationsTable.applicantEmail })
        .from(applicationsTable)
        .all()
        .filter((row) => row.email === null),
    ).length;

  test.each([["--days=-5"], ["--days", ""], ["--days", "abc"], ["--days", "0"], ["--days", "1.5"]])(
    "refuses %j with a message naming --days and changes nothing",
    async (...args) => {
      insertApplication(recent());
      expect(await cli(["anonymize", ...args])).toBe(1);
      expect(output.error.join("\n")).toContain("--days must be an integer >= 1");
      expect(anonymised()).toBe(0);
    },
  );

  test.each([[["--days"]], [["--days", "-5"]]])(
    "refuses %j, --days without its value, naming it and pointing at the help",
    async (args) => {
      insertApplication(recent());
      expect(await cli(["anonymize", ...args], { APPLICATION_RETENTION_DAYS: "30" })).toBe(1);
      expect(output.error).toEqual([
        expect.stringMatching(/^Error: option '--days.*; see npm run anonymize -- --help$/),
      ]);
      expect(anonymised()).toBe(0);
    },
  );

  test.each(["xyz", "-5", "0", ""])(
    "refuses APPLICATION_RETENTION_DAYS=%j with a message naming it and changes nothing",
    async (days) => {
      insertApplication(recent());
      expect(await cli(["anonymize"], { APPLICATION_RETENTION_DAYS: days })).toBe(1);
      expect(output.error.join("\n")).toContain("APPLICATION_RETENTION_DAYS must be an integer >= 1");
      expect(anonymised()).toBe(0);
    },
  );

  test.each([[["--dayz", "30"]], [["5"]], [["--help"]]])(
    "%j anonymises nothing, even applications older than the default 365 days",
    async (args) => {
      insertApplication(new Date(Date.now() - 400 * 86_400_000).toISOString());
      expect(await cli(["anonymize", ...args])).toBe(args[0] === "--help" ? 0 : 1);
      expect(anonymised()).toBe(0);
    },
  );

  test("anonymises the applications older than --days only", async () => {
    insertApplication(recent());
    insertApplication(new Date(Date.now() - 3 * 86_400_000).toISOString());
    expect(await cli(["anonymize", "--days", "2"], { APPLICATION_RETENTION_DAYS: "xyz" })).toBe(0);
    expect(output.log.join("\n")).toContain("Anonymised 1 application(s) older than 2 days.");
    expect(anonymised()).toBe(1);
  });
});

describe("npm run seed", () => {
  test.each(["abc", "-1", "1.5", ""])("refuses --seed %j and leaves no database behind", async (seed) => {
    expect(await cli(["seed", `--seed=${seed}`])).toBe(1);
    expect(output.error.join("\n")).toContain("--seed must be an integer >= 0");
    expect(existsSync(databasePath)).toBe(false);
  });
});

describe("npm run snapshot", () => {
  test.each([
    [["--rome"], "option '--rome <value>'"],
    [["--companies", "--keep", "2"], "option '--companies'"],
    [["--trainings="], "--trainings needs a file"],
  ])(
    "refuses %j without its file instead of building a snapshot without that import",
    async (args, message) => {
      expect(await cli(["snapshot", ...args])).toBe(1);
      expect(output.error.join("\n")).toContain(message);
      expect(existsSync(databasePath)).toBe(false);
    },
  );
});

describe("npm run backup", () => {
  /** A database with `rows` applications, plus `walRows` more committed to its -wal only, held by a connection. */
  function runningServer(rows: number, walRows: number): Db {
    withDatabase((db) => {
      for (let i = 0; i < rows; i++) insertApplication(db, `checkpointed-${i}`);
    });
    const server = createDb(databasePath);
    // The server's connection checkpoints on its own schedule: here never, so these rows exist only in the -wal.
    server.$client.pragma("wal_autocheckpoint = 0");
    for (let i = 0; i < walRows; i++) insertApplication(server, `in-wal-${i}`);
    return server;
  }
  function insertApplication(db: Db, publicId: string) {
    const at = new Date().toISOString();
    db.insert(applicationsTable)
      .values({ publicId, companyType: "lba", createdAt: at, lastUpdateAt: at })
      .run();
  }
  const backupPath = () => join(dirname(databasePath), "backups", "lba-backup.sqlite");
  const countIn = (path: string) => {
    const db = createDb(path);
    try {
      return count(db, "applications");
    } finally {
      closeDb(db);
    }
  };

  test("copies the rows still in the -wal of a running server, which a plain copy of the file loses", async () => {
    const server = runningServer(20, 30);
    try {
      expect(readFileSync(`${databasePath}-wal`).length).toBeGreaterThan(0);
      mkdirSync(dirname(backupPath()));
      expect(await cli(["backup", backupPath()])).toBe(0);
      expect(output.log.join("\n")).toMatch(
        /Backed up .*lba\.sqlite to .*lba-backup\.sqlite: [\d.]+ MB in [\d.]+ s\./,
      );
      insertApplication(server, "after-the-backup");
      const copy = join(dirname(databasePath), "copied.sqlite");
      copyFileSync(databasePath, copy);
      expect(countIn(copy)).toBe(20);
    } finally {
      closeDb(server);
    }
    expect(countIn(backupPath())).toBe(50);
  });

  test("restores: the stopped server's file replaced by the backup, its stale -wal and -shm removed", async () => {
    const server = runningServer(5, 7);
    mkdirSync(dirname(backupPath()));
    expect(await cli(["backup", backupPath()])).toBe(0);
    insertApplication(server, "lost-by-the-restore");
    // The stop of the restore; the server's close writes the WAL back, so leave a stale -wal as a crash would.
    server.$client.pragma("wal_checkpoint(PASSIVE)");
    const staleWal = readFileSync(`${databasePath}-wal`);
    closeDb(server);
    writeFileSync(`${databasePath}-wal`, staleWal);
    copyFileSync(backupPath(), databasePath);
    for (const file of [`${databasePath}-wal`, `${databasePath}-shm`]) rmSync(file, { force: true });
    withDatabase((db) => {
      expect(count(db, "applications")).toBe(12);
      expect(db.$client.pragma("integrity_check", { simple: true })).toBe("ok");
    });
  });

  test("refuses an existing destination without --overwrite and leaves it as it was; replaces it with it", async () => {
    withDatabase((db) => insertApplication(db, "one"));
    const destination = join(dirname(databasePath), "existing.sqlite");
    writeFileSync(destination, "an older backup");
    expect(await cli(["backup", destination])).toBe(1);
    expect(output.error.join("\n")).toContain(
      `the destination ${destination} exists: pass --overwrite to replace it`,
    );
    expect(readFileSync(destination, "utf8")).toBe("an older backup");
    expect(await cli(["backup", destination, "--overwrite"])).toBe(0);
    expect(countIn(destination)).toBe(1);
  });

  test.each([
    [[], "missing FILE; see npm run backup -- --help"],
    [["a.sqlite", "b.sqlite"], "unexpected argument 'b.sqlite'; see npm run backup -- --help"],
    [["a.sqlite", "--force"], "unknown option '--force'; see npm run backup -- --help"],
    [
      ["/nonexistent-folder-lba/backup.sqlite"],
      "the destination folder /nonexistent-folder-lba does not exist",
    ],
  ])("refuses %j with a message and exit code 1", async (args, message) => {
    withDatabase((db) => insertApplication(db, "one"));
    expect(await cli(["backup", ...args])).toBe(1);
    expect(output.error.join("\n")).toContain(`Error: ${message}`);
  });

  test("refuses the database itself, a folder, and a database that does not exist", async () => {
    withDatabase((db) => insertApplication(db, "one"));
    expect(await cli(["backup", databasePath, "--overwrite"])).toBe(1);
    expect(output.error.join("\n")).toContain("the destination is the database itself");
    expect(await cli(["backup", dirname(databasePath), "--overwrite"])).toBe(1);
    expect(output.error.join("\n")).toContain("is a folder: give a file name");
    const missing = join(dirname(databasePath), "missing.sqlite");
    expect(await cli(["backup", join(dirname(databasePath), "b.sqlite")], { DATABASE_PATH: missing })).toBe(
      1,
    );
    expect(output.error.join("\n")).toContain(`no database at ${missing}`);
    expect(existsSync(missing)).toBe(false);
    expect(countIn(databasePath)).toBe(1);
  });
});
