import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDb, closeDb } from "../db/client";
import { catalogueFormation } from "../testing/factories";
import { runCli } from "./run";

const formation = (key: string) => catalogueFormation(key);

let server: Server | undefined;

/** A catalogue API serving `records` 500 a page (its `?page=&limit=` protocol); `emptyPage` answers `formations: []`. */
async function fakeCatalogue(records: unknown[], emptyPage?: number): Promise<string> {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const page = Number(url.searchParams.get("page"));
    const limit = Number(url.searchParams.get("limit"));
    const body = {
      formations: page === emptyPage ? [] : records.slice((page - 1) * limit, page * limit),
      pagination: {
        page,
        resultats_par_page: limit,
        nombre_de_page: Math.ceil(records.length / limit) || 1,
        total: records.length,
      },
    };
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/entity/formations`;
}

let env: NodeJS.ProcessEnv;
let out: string[];

beforeEach(() => {
  env = { DATABASE_PATH: join(mkdtempSync(join(tmpdir(), "lba-cli-")), "lba.sqlite") };
  out = [];
  const capture = (...args: unknown[]) => {
    out.push(args.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg))).join(" "));
  };
  vi.spyOn(console, "log").mockImplementation(capture);
  vi.spyOn(console, "warn").mockImplementation(capture);
  vi.spyOn(console, "error").mockImplementation(capture);
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
});

afterEach(async () => {
  vi.restoreAllMocks();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

function trainings(): number {
  const db = createDb(env.DATABASE_PATH ?? "");
  try {
    return db.$client.prepare("SELECT count(*) FROM trainings").pluck().get() as number;
  } finally {
    closeDb(db);
  }
}

const records = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => formation(`${prefix}${i}`));

describe("npm run sync -- trainings", () => {
  it("fails and keeps the current trainings when a middle page of the catalogue comes back empty", async () => {
    const old = await fakeCatalogue(records("OLD", 2702));
    expect(await runCli(["sync", "trainings", "--url", old], env)).toBe(0);
    expect(trainings()).toBe(2702);
    await new Promise((resolve) => server?.close(resolve));

    out = [];
    const url = await fakeCatalogue(records("NEW", 3000), 3);
    expect(await runCli(["sync", "trainings", "--url", url], env)).toBe(1);
    expect(out).toContain("Error: catalogue : page 3 incomplète : 0 formation reçue sur 500 annoncées");
    expect(trainings()).toBe(2702);
  });

  it("reports records read, stored and rejected, and the rejections by reason, as the import does", async () => {
    const url = await fakeCatalogue([
      ...records("NEW", 3),
      { cle_ministere_educatif: "BAD", rome_codes: ["nope"] },
      formation("NEW0"),
    ]);
    expect(await runCli(["sync", "trainings", "--url", url], env)).toBe(0);
    expect(out).toEqual(
      expect.arrayContaining([
        '      record 4: champ rome_codes.0 : attendu un code ROME (lettre de A à N + 4 chiffres : D1102), trouvé "NOPE"',
        "      record 5: cle_ministere_educatif en double : NEW0",
        "  1 x cle_ministere_educatif en double",
        `Synced trainings from ${url}: {"read":5,"stored":3,"rejected":2,"leftOut":0,"pages":1,"total":5}`,
      ]),
    );
    expect(out.join("\n")).not.toContain('"errors"');
  });

  it("keeps the synced trainings when a catalogue holds less than half of them, exits 1 with the counts; --force swaps", async () => {
    const old = await fakeCatalogue(records("OLD", 10));
    expect(await runCli(["sync", "trainings", "--url", old], env)).toBe(0);
    await new Promise((resolve) => server?.close(resolve));

    out = [];
    const url = await fakeCatalogue([
      ...records("NEW", 4),
      { cle_ministere_educatif: "BAD", rome_codes: ["nope"] },
    ]);
    expect(await runCli(["sync", "trainings", "--url", url], env)).toBe(1);
    expect(out).toEqual(
      expect.arrayContaining([
        '      record 5: champ rome_codes.0 : attendu un code ROME (lettre de A à N + 4 chiffres : D1102), trouvé "NOPE"',
        "Error: Remplacement refusé : 4 formations valides (1 enregistrement rejeté) remplaceraient les 10 d'un import " +
          "précédent, moins de la moitié (fichier tronqué ou partiel ?). Les 10 formations en place sont gardées : " +
          "rien n'est remplacé. Si c'est voulu, relancez avec --force pour remplacer quand même.",
      ]),
    );
    expect(trainings()).toBe(10);

    expect(await runCli(["sync", "trainings", "--url", url, "--force"], env)).toBe(0);
    expect(trainings()).toBe(4);
  });

  it("says why when every record is rejected, and keeps the current trainings", async () => {
    const old = await fakeCatalogue(records("OLD", 2));
    expect(await runCli(["sync", "trainings", "--url", old], env)).toBe(0);
    await new Promise((resolve) => server?.close(resolve));

    out = [];
    // an export of past campaigns: every session tagged with years no longer searched
    const url = await fakeCatalogue(records("PAST", 3).map((r) => ({ ...r, tags: ["2019", "2020"] })));
    expect(await runCli(["sync", "trainings", "--url", url], env)).toBe(1);
    expect(out).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ {6}record 1: aucune session des campagnes .* \(tags : 2019, 2020\)$/),
        "  3 x campagne passée (tags)",
        "Error: catalogue : aucune formation valide sur 3 reçues : les formations actuelles sont conservées",
      ]),
    );
    expect(trainings()).toBe(2);
  });
});
