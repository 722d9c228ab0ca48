import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonRecords, parseRecord, type RawRecord } from "./json-records";

const record = (text: string): RawRecord => ({ text, index: 1, line: 1 });

function tempFile(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "lba-json-")), "export.json");
  writeFileSync(path, content);
  return path;
}

async function readAll(path: string): Promise<{ line: number; index: number; value: unknown }[]> {
  const records = [];
  for await (const raw of jsonRecords(path)) {
    const parsed = parseRecord(raw);
    records.push({ line: raw.line, index: raw.index, value: parsed.ok ? parsed.value : parsed.reason });
  }
  return records;
}

describe("parseRecord", () => {
  const plain = {
    _id: "65a1b2c3d4e5f6a7b8c9d0e1",
    created_at: "2024-01-01T00:00:00.000Z",
    count: 3,
    total: 12,
    score: 0.82,
    price: 1.25,
  };

  it("decodes a mongoexport record in canonical Extended JSON into the plain values of the catalogue API", () => {
    const canonical = JSON.stringify({
      _id: { $oid: "65a1b2c3d4e5f6a7b8c9d0e1" },
      created_at: { $date: { $numberLong: "1704067200000" } },
      count: { $numberInt: "3" },
      total: { $numberLong: "12" },
      score: { $numberDouble: "0.82" },
      price: { $numberDecimal: "1.25" },
    });
    expect(parseRecord(record(canonical))).toEqual({ ok: true, value: plain });
  });

  it("decodes one in relaxed Extended JSON, nested values included", () => {
    const relaxed = JSON.stringify({
      _id: { $oid: "65a1b2c3d4e5f6a7b8c9d0e1" },
      created_at: { $date: "2024-01-01T00:00:00Z" },
      count: 3,
      total: 12,
      score: 0.82,
      price: { $numberDecimal: "1.25" },
      date_debut: [{ $date: "2026-09-07T00:00:00Z" }],
      rome_codes: [{ rome_code: "D1102", normalized_score: { $numberDouble: "0.5" } }],
    });
    expect(parseRecord(record(relaxed))).toEqual({
      ok: true,
      value: {
        ...plain,
        date_debut: ["2026-09-07T00:00:00.000Z"],
        rome_codes: [{ rome_code: "D1102", normalized_score: 0.5 }],
      },
    });
  });

  it("reads plain JSON as before, a dollar in a text included", () => {
    const text = JSON.stringify({ intitule_long: 'PRIX "$5"', capacite: "12", created_at: "2024-01-01" });
    expect(parseRecord(record(text))).toEqual({ ok: true, value: JSON.parse(text) });
  });

  it("rejects an Extended JSON wrapper that does not decode, and text that is not JSON", () => {
    expect(parseRecord(record('{"_id":{"$oid":"abc"}}'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^JSON étendu MongoDB invalide : /),
      kind: "JSON étendu invalide",
    });
    expect(parseRecord(record('{"a":'))).toMatchObject({ ok: false, kind: "JSON invalide" });
  });
});

describe("jsonRecords", () => {
  it("reads a mongoexport's documents one after the other, one per line or pretty-printed, with their lines", async () => {
    const file = tempFile('{"a":1}\n{"b":{"$numberInt":"2"}}\n\n{\n  "c": "}"\n}\n');
    expect(await readAll(file)).toEqual([
      { line: 1, index: 1, value: { a: 1 } },
      { line: 2, index: 2, value: { b: 2 } },
      { line: 4, index: 3, value: { c: "}" } },
    ]);
  });

  it("reads the elements of an array, as before", async () => {
    expect(await readAll(tempFile('[{"a":1},\n{"b":2}]'))).toEqual([
      { line: 1, index: 1, value: { a: 1 } },
      { line: 2, index: 2, value: { b: 2 } },
    ]);
  });

  it.each([
    ['{"a":1}\n[1]\n', 'ligne 2 : objet JSON attendu (un document par ligne), "[" trouvé'],
    ['{"a":1},\n{"b":2}\n', 'ligne 1 : objet JSON attendu (un document par ligne), "," trouvé'],
    ['{"a":1}\n{"b":', "JSON tronqué : l'objet commencé ligne 2 n'est pas fermé"],
    [
      "name;siret\n",
      "ligne 1 : le fichier n'est ni un tableau JSON ni des objets JSON l'un après l'autre (mongoexport)",
    ],
  ])("refuses %j: %s", async (content, message) => {
    await expect(readAll(tempFile(content))).rejects.toThrow(message);
  });
});
