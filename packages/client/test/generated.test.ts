import { describe, expect, it } from "vitest";
import { generatedFiles, staleFiles } from "../scripts/generated-files";

describe("generated clients", () => {
  it("are those the server generates today (else run npm run client:generate)", async () => {
    const files = await generatedFiles();
    expect(files.map((f) => f.path)).toEqual([
      "packages/client/src/contract.ts",
      "packages/client/src/rest/v1.ts",
    ]);
    expect(staleFiles(files)).toEqual([]);
  });
});
