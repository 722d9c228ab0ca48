import { describe, expect, it } from "vitest";
import { DEV_SECRET, loadEnv } from "./env";

const SECRET = "a-real-production-secret-of-40-characters";
/** Every identity of the legal notice, for production settings that should raise no other warning. */
const LEGAL = {
  LEGAL_PUBLISHER: "Région Exemple",
  LEGAL_PUBLISHER_ADDRESS: "1 place de la Région, 69002 Lyon",
  LEGAL_PUBLISHER_PHONE: "04 00 00 00 00",
  LEGAL_PUBLICATION_DIRECTOR: "Camille Martin",
  LEGAL_HOST: "Hébergeur SAS",
  LEGAL_HOST_ADDRESS: "2 rue du Centre de données, 59100 Roubaix",
  LEGAL_HOST_PHONE: "03 00 00 00 00",
};
const POSTMARK = { POSTMARK_SERVER_TOKEN: "server-token" };

describe("loadEnv", () => {
  it("applies the documented defaults and warns about the development secret", () => {
    const { env, secret, warnings } = loadEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      DATABASE_PATH: "./data/lba.sqlite",
      NODE_ENV: "development",
      RATE_LIMIT_ENABLED: true,
    });
    expect(secret).toBe(DEV_SECRET);
    expect(warnings).toHaveLength(1);
  });

  it("requires LBA_SECRET in production and lists every bad variable", () => {
    expect(() => loadEnv({ NODE_ENV: "production", PORT: "abc" })).toThrow(/PORT[\s\S]*LBA_SECRET/);
  });

  it("lists every invalid variable on its own readable line, mail and antivirus ones included", () => {
    expect(() => loadEnv({ CLAMAV_PORT: "abc", PORT: "x" })).toThrow(
      new Error(
        "Invalid environment:\n  PORT: an integer from 0 to 65535\n  CLAMAV_PORT: an integer from 1 to 65535",
      ),
    );
  });

  it("refuses an empty integer instead of reading it as 0 (PORT= would listen on a random port)", () => {
    expect(() => loadEnv({ PORT: "" })).toThrow(
      new Error("Invalid environment:\n  PORT: an integer from 0 to 65535"),
    );
    expect(() => loadEnv({ SEARCH_CACHE_TTL_MS: " " })).toThrow(/SEARCH_CACHE_TTL_MS: an integer >= 0/);
    expect(loadEnv({ PORT: "0" }).env.PORT).toBe(0);
  });

  it("serves search snapshots when DATABASE_URL is set or SEARCH_SNAPSHOTS asks, a plain SQLite file otherwise", () => {
    expect(loadEnv({}).env).toMatchObject({
      SEARCH_SNAPSHOTS: false,
      SNAPSHOT_POLL_MS: 10_000,
      SNAPSHOT_KEEP: 3,
    });
    expect(loadEnv({ SEARCH_SNAPSHOTS: "1" }).env.SEARCH_SNAPSHOTS).toBe(true);
    const url = "postgres://lba:secret@127.0.0.1:5432/lba";
    expect(loadEnv({ DATABASE_URL: url }).env.SEARCH_SNAPSHOTS).toBe(true);
    expect(loadEnv({ DATABASE_URL: url, SEARCH_SNAPSHOTS: "false" }).env.SEARCH_SNAPSHOTS).toBe(false);
    expect(() => loadEnv({ SNAPSHOT_POLL_MS: "5" })).toThrow(
      new Error("Invalid environment:\n  SNAPSHOT_POLL_MS: an integer >= 100"),
    );
  });

  it("takes a PostgreSQL URL for DATABASE_URL and nothing else, without echoing it", () => {
    expect(loadEnv({ DATABASE_URL: "postgres://lba@127.0.0.1:5432/lba" }).env.DATABASE_URL).toBe(
      "postgres://lba@127.0.0.1:5432/lba",
    );
    expect(loadEnv({}).env.DATABASE_URL).toBeUndefined();
    expect(() => loadEnv({ DATABASE_URL: "mysql://root:hunter2@db/lba" })).toThrow(
      new Error("Invalid environment:\n  DATABASE_URL: a postgres://user@host:port/database URL"),
    );
  });

  it("parses lists and toggles", () => {
    const { env } = loadEnv({ ALLOWED_CALLERS: "a|b, c", RATE_LIMIT_ENABLED: "false", TRUST_PROXY: "1" });
    expect(env.ALLOWED_CALLERS).toEqual(["a", "b", "c"]);
    expect(env.RATE_LIMIT_ENABLED).toBe(false);
    expect(env.TRUST_PROXY).toBe(true);
  });
});

describe("loadEnv, secrets and mail transports", () => {
  it("refuses to start in production with the public development secret", () => {
    expect(() => loadEnv({ NODE_ENV: "production", LBA_SECRET: DEV_SECRET, ...POSTMARK })).toThrow(
      new Error(
        "Invalid environment:\n  LBA_SECRET: the public development secret; set a secret of your own (32 characters at least)",
      ),
    );
  });

  it("refuses a secret shorter than 32 characters", () => {
    expect(() => loadEnv({ NODE_ENV: "production", LBA_SECRET: "short", ...POSTMARK })).toThrow(
      /LBA_SECRET: LBA_SECRET must be at least 32 characters/,
    );
  });

  it("refuses Postmark with the development secret, in development too", () => {
    const expected =
      /LBA_SECRET: required with POSTMARK_SERVER_TOKEN \(real e-mails must not carry links signed with the public development secret\)/;
    expect(() => loadEnv(POSTMARK)).toThrow(expected);
    expect(() => loadEnv({ ...POSTMARK, LBA_SECRET: DEV_SECRET })).toThrow(/LBA_SECRET/);
    expect(loadEnv({ ...POSTMARK, LBA_SECRET: SECRET }).secret).toBe(SECRET);
  });

  it("refuses production without Postmark unless MAIL_TRANSPORT=outbox says so", () => {
    expect(() => loadEnv({ NODE_ENV: "production", LBA_SECRET: SECRET })).toThrow(
      new Error(
        "Invalid environment:\n  POSTMARK_SERVER_TOKEN: required in production (or MAIL_TRANSPORT=outbox to keep e-mails in the database on purpose)",
      ),
    );
    const { env } = loadEnv({ NODE_ENV: "production", LBA_SECRET: SECRET, MAIL_TRANSPORT: "outbox" });
    expect(env.MAIL_TRANSPORT).toBe("outbox");
    expect(loadEnv({ NODE_ENV: "production", LBA_SECRET: SECRET, ...POSTMARK }).env.MAIL_TRANSPORT).toBe(
      "postmark",
    );
  });

  it("refuses MAIL_TRANSPORT=postmark without its token", () => {
    expect(() => loadEnv({ MAIL_TRANSPORT: "postmark" })).toThrow(
      /POSTMARK_SERVER_TOKEN: required with MAIL_TRANSPORT=postmark/,
    );
  });

  it("uses the outbox by default out of production, and Postmark when its token is set", () => {
    expect(loadEnv({}).env.MAIL_TRANSPORT).toBe("outbox");
    expect(loadEnv({ ...POSTMARK, LBA_SECRET: SECRET }).env.MAIL_TRANSPORT).toBe("postmark");
  });

  it("requires a webhook password of 16 characters at least, like the token", () => {
    expect(() => loadEnv({ POSTMARK_WEBHOOK_USER: "postmark", POSTMARK_WEBHOOK_PASSWORD: "short" })).toThrow(
      /POSTMARK_WEBHOOK_PASSWORD: at least 16 characters/,
    );
    expect(() => loadEnv({ POSTMARK_WEBHOOK_TOKEN: "short" })).toThrow(
      /POSTMARK_WEBHOOK_TOKEN: at least 16 characters/,
    );
    expect(
      loadEnv({ POSTMARK_WEBHOOK_USER: "postmark", POSTMARK_WEBHOOK_PASSWORD: "sixteen-chars-ok" }).env
        .POSTMARK_WEBHOOK_PASSWORD,
    ).toBe("sixteen-chars-ok");
  });
});

describe("loadEnv: settings that would fail later, or silently", () => {
  it("takes only an http(s) PUBLIC_URL, and warns in production without one", () => {
    expect(() => loadEnv({ PUBLIC_URL: "localhost:3000" })).toThrow(
      new Error(
        "Invalid environment:\n  PUBLIC_URL: an http(s) URL, e.g. https://labonnealternance.example.fr",
      ),
    );
    expect(loadEnv({ PUBLIC_URL: "https://lba.example.fr" }).env.PUBLIC_URL).toBe("https://lba.example.fr");
    const production = {
      NODE_ENV: "production",
      LBA_SECRET: SECRET,
      MAIL_TRANSPORT: "outbox",
      PORT: "3991",
      CONTACT_EMAIL: "contact@lba.example.fr",
      ...LEGAL,
    };
    expect(loadEnv(production).warnings).toEqual([
      "PUBLIC_URL is not set: the links of the e-mails name http://localhost:3991, which only this machine reaches.",
    ]);
    expect(loadEnv({ ...production, PUBLIC_URL: "https://lba.example.fr" }).warnings).toEqual([]);
  });

  it("warns in production without CONTACT_EMAIL: the legal pages would give no address to write to", () => {
    const production = {
      NODE_ENV: "production",
      LBA_SECRET: SECRET,
      MAIL_TRANSPORT: "outbox",
      PUBLIC_URL: "https://lba.example.fr",
      ...LEGAL,
    };
    expect(loadEnv(production).warnings).toEqual([expect.stringMatching(/^CONTACT_EMAIL is not set/)]);
    expect(loadEnv({ ...production, CONTACT_EMAIL: "contact@lba.example.fr" }).warnings).toEqual([]);
  });

  it("warns in production while the legal notice lacks an identity French law requires (LCEN art. 6-III)", () => {
    const production = {
      NODE_ENV: "production",
      LBA_SECRET: SECRET,
      MAIL_TRANSPORT: "outbox",
      PUBLIC_URL: "https://lba.example.fr",
      CONTACT_EMAIL: "contact@lba.example.fr",
    };
    expect(loadEnv(production).warnings).toEqual([
      "LEGAL_PUBLISHER, LEGAL_PUBLISHER_ADDRESS, LEGAL_PUBLISHER_PHONE, LEGAL_PUBLICATION_DIRECTOR, LEGAL_HOST, LEGAL_HOST_ADDRESS, LEGAL_HOST_PHONE are not set: the legal notice (mentions légales) does not name who publishes and hosts the site, which French law (LCEN art. 6-III) requires.",
    ]);
    expect(loadEnv({ ...production, ...LEGAL, LEGAL_HOST_PHONE: " " }).warnings).toEqual([
      expect.stringMatching(/^LEGAL_HOST_PHONE is not set: /),
    ]);
    expect(loadEnv({ ...production, ...LEGAL }).warnings).toEqual([]);
    // out of production, a development server needs none
    expect(loadEnv({}).warnings.filter((w) => w.includes("LEGAL_"))).toEqual([]);
  });

  it("refuses a legal address or phone without the name it belongs to", () => {
    expect(() => loadEnv({ LEGAL_HOST_ADDRESS: "2 rue X", LEGAL_PUBLISHER_PHONE: "01" })).toThrow(
      "Invalid environment:\n  LEGAL_PUBLISHER: required with LEGAL_PUBLISHER_PHONE\n  LEGAL_HOST: required with LEGAL_HOST_ADDRESS",
    );
    expect(loadEnv({ LEGAL_HOST: "Hébergeur SAS", LEGAL_HOST_ADDRESS: "2 rue X" }).env.LEGAL_HOST).toBe(
      "Hébergeur SAS",
    );
  });

  it("takes the legal notice's identities as single trimmed lines", () => {
    expect(loadEnv({ LEGAL_PUBLISHER: "  Région Exemple " }).env.LEGAL_PUBLISHER).toBe("Région Exemple");
    expect(loadEnv({ LEGAL_HOST: "" }).env.LEGAL_HOST).toBeUndefined();
    expect(() => loadEnv({ LEGAL_HOST_ADDRESS: "1 rue X\nTRUNCATE" })).toThrow(
      "Invalid environment:\n  LEGAL_HOST_ADDRESS: one line of text",
    );
    expect(() => loadEnv({ LEGAL_PUBLISHER_PHONE: "0".repeat(41) })).toThrow(
      /LEGAL_PUBLISHER_PHONE: at most 40/,
    );
  });

  it("takes a sender address, and warns when Postmark would send from the default one", () => {
    expect(() => loadEnv({ MAIL_FROM: "not an address" })).toThrow(
      /MAIL_FROM: an e-mail address, or Name <address>/,
    );
    expect(() => loadEnv({ MAIL_FROM: "" })).toThrow(/MAIL_FROM/);
    expect(loadEnv({ MAIL_FROM: "LBA <contact@lba.example.fr>" }).env.MAIL_FROM).toBe(
      "LBA <contact@lba.example.fr>",
    );
    expect(loadEnv({ ...POSTMARK, LBA_SECRET: SECRET }).warnings).toEqual([
      expect.stringMatching(/^MAIL_FROM is not set/),
    ]);
    expect(
      loadEnv({ ...POSTMARK, LBA_SECRET: SECRET, MAIL_FROM: "contact@lba.example.fr" }).warnings,
    ).toEqual([]);
  });

  it("refuses half of a pair of credentials, which would turn its feature off without a word", () => {
    expect(() => loadEnv({ FT_CLIENT_ID: "id" })).toThrow(
      new Error("Invalid environment:\n  FT_CLIENT_SECRET: required with FT_CLIENT_ID"),
    );
    expect(() => loadEnv({ POSTMARK_WEBHOOK_USER: "postmark" })).toThrow(
      /POSTMARK_WEBHOOK_PASSWORD: required with POSTMARK_WEBHOOK_USER/,
    );
    expect(() => loadEnv({ POSTMARK_WEBHOOK_PASSWORD: "sixteen-chars-ok" })).toThrow(
      /POSTMARK_WEBHOOK_USER: required with POSTMARK_WEBHOOK_PASSWORD/,
    );
  });

  it("names what was set when Postmark needs a secret, and says a factor is a number", () => {
    expect(() => loadEnv({ MAIL_TRANSPORT: "postmark" })).toThrow(
      /LBA_SECRET: required with MAIL_TRANSPORT=postmark/,
    );
    expect(() => loadEnv({ RATE_LIMIT_FACTOR: "abc" })).toThrow(
      new Error("Invalid environment:\n  RATE_LIMIT_FACTOR: a number > 0"),
    );
  });
});

describe("buildDeps", () => {
  it("uses the offline geocoder and the embedded offers unless upstreams are configured", async () => {
    const { buildDeps } = await import("./build-deps");
    const { createTestDb } = await import("@lba/core/testing");
    const db = createTestDb();
    const offline = buildDeps(loadEnv({ LOG_LEVEL: "silent" }), db, {
      spaDist: null,
      embedDist: null,
      version: "1",
    });
    expect(offline.offres).toBeNull();
    expect(offline.core.jobSources).toBeUndefined();
    const live = buildDeps(
      loadEnv({
        LOG_LEVEL: "silent",
        FT_CLIENT_ID: "id",
        FT_CLIENT_SECRET: "secret",
        API_ADRESSE_URL: "http://127.0.0.1:1",
      }),
      db,
      { spaDist: null, embedDist: null, version: "1" },
    );
    expect(live.offres).toMatchObject({ clientId: "id", timeoutMs: 5000 });
    expect(live.core.jobSources?.offres).toBeDefined();
    expect(offline.geocoder).not.toBe(live.geocoder);
  });

  it("gives the information pages the legal notice's identities, null where unset", async () => {
    const { buildDeps } = await import("./build-deps");
    const { createTestDb } = await import("@lba/core/testing");
    const extra = { spaDist: null, embedDist: null, version: "1" };
    const db = createTestDb();
    const set = buildDeps(loadEnv({ LOG_LEVEL: "silent", ...LEGAL, LEGAL_HOST_PHONE: "" }), db, extra);
    expect(set.site?.legal).toMatchObject({
      publisher: LEGAL.LEGAL_PUBLISHER,
      publicationDirector: LEGAL.LEGAL_PUBLICATION_DIRECTOR,
      hostAddress: LEGAL.LEGAL_HOST_ADDRESS,
      hostPhone: null,
    });
    expect(buildDeps(loadEnv({ LOG_LEVEL: "silent" }), db, extra).site?.legal.publisher).toBeNull();
  });
});

describe("buildDeps, application feature", () => {
  it("wires the mailer, the antivirus, the quotas and the webhook credentials from the same environment", async () => {
    const { buildDeps } = await import("./build-deps");
    const { createTestDb } = await import("@lba/core/testing");
    const deps = buildDeps(
      loadEnv({
        LOG_LEVEL: "silent",
        CLAMAV_HOST: "127.0.0.1",
        CLAMAV_POLICY_WHEN_UNREACHABLE: "accept",
        APPLICATION_MAX_PER_DAY: "3",
        APPLICATION_REMINDER_DAYS: "0",
        POSTMARK_WEBHOOK_TOKEN: "a-long-webhook-token",
      }),
      createTestDb(),
      { spaDist: null, embedDist: null, version: "1" },
    );
    expect(deps.applications?.webhookAuth).toEqual({ token: "a-long-webhook-token" });
    // The information pages quote the same settings (docs/reference/v1.md#s11-6).
    expect(deps.site).toMatchObject({ maxApplicationsPerDay: 3, reminderAfterDays: 0 });
    expect(deps.applications?.applications.applications).toMatchObject({
      maxApplicationsPerDay: 3,
      antivirus: { policyWhenUnreachable: "accept" },
    });
    expect(deps.applications?.applications.mailer).toBeDefined();
    expect(deps.applications?.applications.db).toBe(deps.core.db);
  });
});

describe("MAP_TILE_URL", () => {
  it("accepts an https template and refuses anything else", () => {
    expect(loadEnv({ MAP_TILE_URL: "https://t.example/{z}/{x}/{y}.png" }).env.MAP_TILE_URL).toContain("{z}");
    expect(() => loadEnv({ MAP_TILE_URL: "http://t.example/{z}/{x}/{y}.png" })).toThrow(/MAP_TILE_URL/);
    expect(() => loadEnv({ MAP_TILE_URL: "https://t.example/tiles" })).toThrow(/MAP_TILE_URL/);
  });
});
