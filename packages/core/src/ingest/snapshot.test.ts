import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { appliedMigrations, codeMigrations } from "../db/migrate";
import { checkSnapshot, listSnapshots, openSnapshot, readSnapshotStamp } from "../db/snapshots";
import { publishTestSnapshot } from "../testing/snapshots";
import { countDatasetRows } from "./sample/generate";
import { sealingFingerprint } from "../crypto/email-token";
import { buildSnapshot } from "./snapshot";
import { SwapRefusedError } from "./stage";
import { storedSeal } from "./store-items";

const SECRET = "snapshot-test-secret-snapshot-test-secret";
const sizes = { trainings: 120, companies: 300, jobOffers: 80, recruiterOffers: 20 };
const databasePathIn = () => join(mkdtempSync(join(tmpdir(), "lba-snapshot-build-")), "lba.sqlite");

// Each build loads the communes and the referentials: seconds alone, much more on a loaded machine.
describe("buildSnapshot", () => {
  it(
    "publishes a complete, migrated, analysed, stamped snapshot in rollback-journal mode",
    { timeout: 120_000 },
    async () => {
      const databasePath = databasePathIn();
      const result = await buildSnapshot(databasePath, {
        sizes,
        seed: 3,
        secret: SECRET,
        now: () => new Date("2026-11-30T07:00:00Z"),
      });

      expect(result.status).toBe("published");
      expect(result.snapshot.version).toMatch(/^20261130T070000000Z-[0-9a-f]{8}$/);
      expect(listSnapshots(databasePath)).toEqual([result.snapshot]);
      // only the published file: no temporary, -wal, -shm or -journal left behind
      expect(readdirSync(join(databasePath, ".."))).toEqual([`lba.${result.snapshot.version}.sqlite`]);
      const db = openSnapshot(result.snapshot.path);
      expect(checkSnapshot(db, result.snapshot.version)).toBeNull();
      expect(readSnapshotStamp(db)).toEqual({
        version: result.snapshot.version,
        builtAt: "2026-11-30T07:00:00.000Z",
        contentId: result.snapshot.version.slice(-8),
      });
      expect(appliedMigrations(db)).toEqual(codeMigrations());
      expect(countDatasetRows(db)).toEqual(result.counts);
      expect(result.counts.trainings).toBe(sizes.trainings);
      expect(db.$client.pragma("journal_mode", { simple: true })).toBe("delete");
      expect(db.$client.prepare("SELECT count(*) FROM sqlite_stat1").pluck().get()).toBeGreaterThan(0);
      // Items stored sealed with the replicas' secret (decision 031): a replica never writes to its snapshot.
      expect(storedSeal(db)).toBe(sealingFingerprint(SECRET));
      expect(db.$client.prepare("SELECT count(*) FROM companies WHERE item_json IS NULL").pluck().get()).toBe(
        0,
      );
      db.$client.close();
    },
  );

  it(
    "prunes to the `keep` newest, and with onlyIfNone returns a snapshot published meanwhile",
    { timeout: 120_000 },
    async () => {
      const databasePath = databasePathIn();
      const old = publishTestSnapshot(databasePath, { at: new Date("2026-01-01T00:00:00Z") });
      const result = await buildSnapshot(databasePath, { sizes, keep: 1 });
      expect(result.pruned).toEqual([old.path]);
      expect(listSnapshots(databasePath)).toEqual([result.snapshot]);

      const again = await buildSnapshot(databasePath, { sizes, onlyIfNone: true });
      expect(again.status).toBe("existing");
      expect(again.snapshot).toEqual(result.snapshot);
      expect(readdirSync(join(databasePath, ".."))).toHaveLength(1);
    },
  );

  it("publishes nothing and leaves no file when an import fails", { timeout: 120_000 }, async () => {
    const databasePath = databasePathIn();
    await expect(
      buildSnapshot(databasePath, { sizes, imports: { trainings: join(tmpdir(), "no-such-export.json") } }),
    ).rejects.toThrow();
    expect(readdirSync(join(databasePath, ".."))).toEqual([]);
  });

  it(
    "publishes nothing for a trainings file mostly rejected, and publishes it with force",
    { timeout: 240_000 },
    async () => {
      const databasePath = databasePathIn();
      const trainings = join(mkdtempSync(join(tmpdir(), "lba-snapshot-import-")), "formations.json");
      writeFileSync(
        trainings,
        JSON.stringify([
          { cle_ministere_educatif: "A#L01", rome_codes: ["D1202"] },
          { cle_ministere_educatif: "B#L01", rome_codes: ["nope"] },
          { cle_ministere_educatif: "C#L01", rome_codes: ["nope"] },
        ]),
      );
      await expect(buildSnapshot(databasePath, { sizes, imports: { trainings } })).rejects.toBeInstanceOf(
        SwapRefusedError,
      );
      expect(readdirSync(join(databasePath, ".."))).toEqual([]);
      const result = await buildSnapshot(databasePath, { sizes, imports: { trainings }, force: true });
      expect(result.counts.trainings).toBe(1);
    },
  );

  it(
    "publishes atomically: a reader polling the folder during a build in another process never sees a partial file",
    { timeout: 120_000 },
    async () => {
      const databasePath = databasePathIn();
      const folder = join(databasePath, "..");
      const probe = fileURLToPath(new URL("./snapshot.probe.ts", import.meta.url));
      let exited = false;
      const child = new Promise<string>((resolve, reject) => {
        execFile(
          process.execPath,
          ["--import", "tsx", probe, databasePath],
          { cwd: fileURLToPath(new URL("../../../..", import.meta.url)) },
          (error, stdout) => {
            exited = true;
            if (error) reject(error);
            else resolve(stdout);
          },
        );
      });
      let looks = 0;
      let sawBuilding = false;
      const problems: string[] = [];
      const seen = new Set<string>();
      while (!exited) {
        looks += 1;
        if (readdirSync(folder).some((name) => name.includes(".building-"))) sawBuilding = true;
        for (const file of listSnapshots(databasePath)) {
          seen.add(file.version);
          try {
            const db = openSnapshot(file.path);
            const reason = checkSnapshot(db, file.version);
            if (reason) problems.push(reason);
            if (countDatasetRows(db).trainings !== 400) problems.push("incomplete data");
            db.$client.close();
          } catch (error) {
            if (existsSync(file.path)) problems.push(String(error));
          }
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      const report = JSON.parse((await child).trim().split("\n").at(-1) ?? "{}") as { version: string };
      expect(problems).toEqual([]);
      expect(sawBuilding).toBe(true);
      expect(looks).toBeGreaterThan(10);
      expect([...seen].every((version) => version === report.version)).toBe(true);
      expect(listSnapshots(databasePath).map((s) => s.version)).toEqual([report.version]);
    },
  );
});
