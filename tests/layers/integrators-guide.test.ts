import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  APPLICATION_ERRORS,
  IDEMPOTENCY_ERRORS,
  INTENTION_ERRORS,
  REQUEST_ERRORS,
  WEBHOOK_ERRORS,
} from "@lba/core/schemas";
import { describe, expect, it } from "vitest";

// The integrators' guide lists the error keys of the calls it documents; a key added in core without a line
// there would reach integrators undocumented.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const GUIDE = readFileSync(join(ROOT, "docs/integrators.md"), "utf8");

describe("docs/integrators.md", () => {
  it.each([
    ["the application", APPLICATION_ERRORS],
    ["Idempotency-Key", IDEMPOTENCY_ERRORS],
    ["the recruiter's reply", INTENTION_ERRORS],
    ["the HTTP layer", REQUEST_ERRORS],
    ["the Postmark webhook", WEBHOOK_ERRORS],
  ])("names every error key of %s", (_, errors: Record<string, string>) => {
    const missing = Object.values(errors).filter((key) => !GUIDE.includes(`\`${key}\``));
    expect(missing).toEqual([]);
  });
});
