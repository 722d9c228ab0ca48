import { describe, expect, it } from "vitest";
import { generatedFiles, staleFiles } from "../scripts/generated-files";
import { withNullableParents } from "../scripts/rest-types";

describe("generated clients", () => {
  it("are those the server generates today (else run npm run client:generate)", async () => {
    const files = await generatedFiles();
    expect(files.map((f) => f.path)).toEqual([
      "packages/client/src/contract.ts",
      "packages/client/src/rest/v1.ts",
    ]);
    expect(staleFiles(files)).toEqual([]);
  });

  it("read a `{ nullable: true }` member of a union as `null`, the OpenAPI 3.0 way", () => {
    const ref = { $ref: "#/components/schemas/Results" };
    expect(withNullableParents({ anyOf: [ref, { nullable: true }] })).toEqual({
      anyOf: [ref],
      nullable: true,
    });
    expect(withNullableParents({ properties: { jobs: { allOf: [ref, { nullable: true }] } } })).toEqual({
      properties: { jobs: { allOf: [ref], nullable: true } },
    });
    expect(withNullableParents({ anyOf: [{ nullable: true }] })).toEqual({ anyOf: [{ nullable: true }] });
  });
});
