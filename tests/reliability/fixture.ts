import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Db } from "@lba/core/db";
import { createTestDb } from "@lba/core/testing";
import type { Logger } from "@lba/core/deps";
import { createOutboxMailer, type Mailer } from "@lba/core/mail";
import {
  insertCompany,
  insertJobOffer,
  insertOpco,
  insertRecruiter,
  insertTraining,
  rebuildSearchIndexes,
} from "@lba/core/testing";
import { createApp } from "../../apps/server/src/app";
import type { ServerDeps } from "../../apps/server/src/deps";
import { redactingLogger } from "../../apps/server/src/lib/redacting-logger";
import { testServerDeps } from "../../apps/server/src/test-app";

export const REPO = resolve(fileURLToPath(new URL(".", import.meta.url)), "../..");
export const SECRET = "reliability-secret-0123456789-abcdefghij";
export const WEBHOOK_PASSWORD = "reliability-webhook-password-42";

export interface Fixture {
  app: ReturnType<typeof createApp>;
  deps: ServerDeps;
  db: Db;
  /** Every company and recruiter e-mail in the database (never in clear in an answer). */
  companyEmails: string[];
  logLines: string[];
  /** While true the mailer refuses every message the way Postmark does (its error names the recipient). */
  mailer: { failing: boolean };
}

/** A search database with every kind of item near Paris, and the whole app over it (applications included). */
export function buildFixture(options: { env?: "test" | "production"; rateLimit?: boolean } = {}): Fixture {
  const db = createTestDb();
  const emails: string[] = [];
  for (let i = 0; i < 6; i += 1) {
    insertTraining(db, {
      romeCodes: i % 2 ? ["D1102"] : ["D1102", "M1607"],
      cfd: `3202211${i}`,
      rncpCode: `RNCP3${i}`,
    });
    const company = insertCompany(db, { type: i % 2 ? "lbb" : "lba", email: `rh${i}@societe-${i}.example` });
    if (i === 0) insertOpco(db, company.siret.slice(0, 9), "AKTO");
    const { recruiter } = insertRecruiter(db, { email: `recrute${i}@matcha-${i}.example` });
    insertJobOffer(db);
    emails.push(company.email ?? "", recruiter.email ?? "");
  }
  rebuildSearchIndexes(db);

  const logLines: string[] = [];
  const capture =
    (level: string) =>
    (message: string, data?: Record<string, unknown>): void => {
      logLines.push(JSON.stringify({ level, message, ...data }));
    };
  // Wrapped as index.ts wraps the real logger.
  const log: Logger = redactingLogger({
    info: capture("info"),
    warn: capture("warn"),
    error: capture("error"),
  });

  const base = testServerDeps(db, {
    spaDist: existsSync(resolve(REPO, "apps/spa/dist/index.html")) ? resolve(REPO, "apps/spa/dist") : null,
    embedDist: existsSync(resolve(REPO, "apps/embed/dist/embed.js"))
      ? resolve(REPO, "apps/embed/dist")
      : null,
    rateLimit: { enabled: options.rateLimit ?? false, windowMs: 60_000, factor: 1 },
  });
  const core = {
    ...base.core,
    log,
    config: { ...base.core.config, secret: SECRET, env: options.env ?? "test" },
  };
  const outbox = createOutboxMailer({ db }, { now: core.now });
  const mailerState = { failing: false };
  const mailer: Mailer = {
    send: (message) =>
      mailerState.failing
        ? Promise.reject(
            new Error(
              `Found inactive addresses: ${message.to}. Inactive recipients have generated a hard bounce.`,
            ),
          )
        : outbox.send(message),
  };
  const deps: ServerDeps = {
    ...base,
    core,
    applications: {
      applications: { ...core, mailer },
      webhookAuth: { username: "postmark", password: WEBHOOK_PASSWORD },
    },
  };
  return {
    app: createApp(deps),
    deps,
    db,
    companyEmails: emails.filter(Boolean),
    logLines,
    mailer: mailerState,
  };
}

/** Row count of every table (virtual-table shadows included): what a request may have written. */
export function tableCounts(db: Db): Record<string, number> {
  const tables = db.$client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      (db.$client.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n,
    ]),
  );
}

/** The derived keys of the company e-mail tokens, in the encodings a leak would take. */
export function tokenKeys(secret: string): string[] {
  const key = createHash("sha256").update(`company-email\0${secret}`).digest();
  return [key.toString("hex"), key.toString("base64"), key.toString("base64url")];
}
