import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const probe = fileURLToPath(new URL("./attachment-memory.probe.ts", import.meta.url));
const MB = 1024 * 1024;

describe("POST /api/V1/application with a zip bomb", () => {
  it("refuses a 1 MB DOCX whose [Content_Types].xml inflates without limit, its memory growing by less than 50 MB", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", probe], {
      cwd: fileURLToPath(new URL("../../..", import.meta.url)),
      maxBuffer: 10 * MB,
    });
    const report = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as {
      warmUp: { status: number };
      answer: { status: number; body: unknown };
      fileBytes: number;
      peakRssGrowth: number;
      arrayBuffersGrowth: number;
    };
    expect(report.warmUp.status).toBe(200);
    expect(report.fileBytes).toBeGreaterThan(MB);
    expect(report.answer).toEqual({ status: 400, body: { error: "pièce jointe invalide" } });
    expect(report.peakRssGrowth).toBeLessThan(50 * MB);
    expect(report.arrayBuffersGrowth).toBeLessThan(50 * MB);
  });
});
