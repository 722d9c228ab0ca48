import { describe, expect, it } from "vitest";
import { DEV_SECRET, loadEnv } from "./env";

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

  it("parses lists and toggles", () => {
    const { env } = loadEnv({ ALLOWED_CALLERS: "a|b, c", RATE_LIMIT_ENABLED: "false", TRUST_PROXY: "1" });
    expect(env.ALLOWED_CALLERS).toEqual(["a", "b", "c"]);
    expect(env.RATE_LIMIT_ENABLED).toBe(false);
    expect(env.TRUST_PROXY).toBe(true);
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
        POSTMARK_WEBHOOK_TOKEN: "a-long-webhook-token",
      }),
      createTestDb(),
      { spaDist: null, embedDist: null, version: "1" },
    );
    expect(deps.applications?.webhookAuth).toEqual({ token: "a-long-webhook-token" });
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
