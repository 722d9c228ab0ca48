import { describe, expect, it } from "vitest";
import { NULL_ONLY, validNullables } from "./openapi-nullable";

const ref = { $ref: "#/components/schemas/Results" };
const inComponent = (schema: unknown) => ({ components: { schemas: { S: schema } } });

describe("validNullables", () => {
  it("turns the null member of a union into a typed schema accepting null alone", () => {
    expect(validNullables(inComponent({ anyOf: [ref, { type: "string" }, { nullable: true }] }))).toEqual(
      inComponent({ anyOf: [ref, { type: "string" }, NULL_ONLY] }),
    );
    expect(validNullables(inComponent({ oneOf: [ref, { nullable: true }] }))).toEqual(
      inComponent({ oneOf: [ref, NULL_ONLY] }),
    );
  });

  it("turns the allOf of a nullable $ref into an anyOf of the $ref and null", () => {
    const jobs = { allOf: [ref, { nullable: true }], description: "d" };
    expect(validNullables(inComponent({ type: "object", properties: { jobs } }))).toEqual(
      inComponent({ type: "object", properties: { jobs: { anyOf: [ref, NULL_ONLY], description: "d" } } }),
    );
    expect(validNullables(inComponent({ allOf: [ref, { type: "object" }, { nullable: true }] }))).toEqual(
      inComponent({ anyOf: [{ allOf: [ref, { type: "object" }] }, NULL_ONLY] }),
    );
  });

  it("drops an untyped nullable, since an untyped schema already accepts null", () => {
    const record = { type: "object", nullable: true, additionalProperties: { nullable: true } };
    expect(validNullables(inComponent(record))).toEqual(
      inComponent({ type: "object", nullable: true, additionalProperties: {} }),
    );
    expect(validNullables(inComponent({ type: "array", items: { nullable: true } }))).toEqual(
      inComponent({ type: "array", items: {} }),
    );
  });

  it("reaches the schemas of parameters and media types, and leaves examples and typed nullables alone", () => {
    const document = {
      paths: {
        "/x": {
          get: {
            parameters: [{ name: "q", in: "query", schema: { anyOf: [ref, { nullable: true }] } }],
            responses: {
              default: {
                content: {
                  "application/json": {
                    schema: { type: "string", nullable: true },
                    example: { anyOf: [{ nullable: true }] },
                  },
                },
              },
            },
          },
        },
      },
    };
    const valid = validNullables(document);
    expect(valid.paths["/x"].get.parameters[0]?.schema).toEqual({ anyOf: [ref, NULL_ONLY] });
    expect(valid.paths["/x"].get.responses.default.content["application/json"]).toEqual(
      document.paths["/x"].get.responses.default.content["application/json"],
    );
  });
});
