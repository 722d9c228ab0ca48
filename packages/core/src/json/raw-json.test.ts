import { describe, expect, it } from "vitest";
import {
  asciiJson,
  deferRawJson,
  RawJson,
  spliceRawJson,
  spliceRawJsonBytes,
  writeJson,
  writeJsonBytes,
} from "./raw-json";

const answer = () => ({
  formations: { results: [new RawJson('{"id":"a","title":"é \\"q\\""}'), { id: "b", title: null }] },
  jobs: null,
  text: "\u000012",
});

describe("RawJson", () => {
  it("is written as its text by writeJson, the rest as JSON.stringify writes it", () => {
    const text = writeJson(answer());
    expect(text).toBe(
      '{"formations":{"results":[{"id":"a","title":"é \\"q\\""},{"id":"b","title":null}]},"jobs":null,"text":"\\u000012"}',
    );
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(answer())));
  });

  it("encodes as its decoded value outside a writer: any JSON.stringify gives the same JSON", () => {
    expect(JSON.stringify(answer())).toBe(writeJson(answer()));
  });

  it("is spliced into a text another encoder wrote inside deferRawJson (tRPC's JSON.stringify)", async () => {
    const parts: string[] = [];
    const text = await deferRawJson(parts, async () => {
      await Promise.resolve();
      return JSON.stringify({ result: { data: new RawJson(writeJson(answer())) } });
    });
    expect(parts).toHaveLength(1);
    expect(text).not.toContain('"id":"a"');
    expect(spliceRawJson(text, parts)).toBe(`{"result":{"data":${writeJson(answer())}}}`);
  });

  it("leaves a text without placeholders as it is, and never takes a stored string for a placeholder", () => {
    expect(spliceRawJson('{"a":"\\u00000"}', ["x"])).toBe('{"a":"\\u00000"}');
    expect(writeJson({ a: "\u00000", b: [new RawJson("1")] })).toBe('{"a":"\\u00000","b":[1]}');
  });
});

describe("writeJsonBytes and spliceRawJsonBytes", () => {
  // RawJson texts are ASCII, as stored items are (written by writeJson); the rest is escaped by asciiJson.
  const asciiAnswer = () => ({
    formations: { results: [new RawJson(writeJson({ id: "a", title: "Pâtissier \u{1F950}" }))] },
    jobs: { label: "Boulangère", results: [] },
  });

  it("are writeJson's and spliceRawJson's texts as UTF-8 bytes", async () => {
    const bytes = writeJsonBytes(asciiAnswer());
    expect(bytes.equals(Buffer.from(writeJson(asciiAnswer()), "utf8"))).toBe(true);
    expect(JSON.parse(bytes.toString("utf8"))).toEqual(JSON.parse(JSON.stringify(asciiAnswer())));
    expect(writeJsonBytes(undefined).toString()).toBe("null");
    const parts: string[] = [];
    const text = await deferRawJson(parts, async () =>
      JSON.stringify({ data: new RawJson(writeJson(asciiAnswer())) }),
    );
    expect(spliceRawJsonBytes(text, parts).equals(Buffer.from(spliceRawJson(text, parts), "utf8"))).toBe(
      true,
    );
  });
});

describe("asciiJson", () => {
  it("escapes every non-ASCII character, astral ones as their surrogate pair: the same JSON value", () => {
    const value = {
      ville: "Île-de-France",
      métier: "pâtissier·ère",
      emoji: "🥐",
      quote: '"\\',
      del: "\u007f",
    };
    const text = asciiJson(JSON.stringify(value));
    expect(text).not.toMatch(/[^\x20-\x7f]/);
    expect(text).toContain("\\u00cele-de-France");
    expect(text).toContain("\\ud83e\\udd50");
    expect(JSON.parse(text)).toEqual(value);
  });

  it("is what writeJson writes, outside the RawJson texts it splices in as they are", () => {
    expect(writeJson({ a: "é", b: new RawJson('"ok"') })).toBe('{"a":"\\u00e9","b":"ok"}');
  });
});
