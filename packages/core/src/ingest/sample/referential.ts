import type { Db } from "../../db/client";

/** What the generator reads of the loaded referentials: the métiers, and ROME labels and job titles. */
export interface SampleReferential {
  /** every métier of the autocomplete, by label, with the ROME codes its searches use */
  metiers: { label: string; romes: string[] }[];
  /** the ROME 4.0 label of a code ("Boulanger / Boulangère") */
  romeLabel(code: string): string;
  /** the appellations of a code and of its children: the titles an offer for it may carry */
  appellations(code: string): string[];
}

export function loadSampleReferential(db: Db): SampleReferential {
  const metiers = (
    db.$client.prepare(`SELECT label, romes FROM metiers ORDER BY label`).all() as {
      label: string;
      romes: string;
    }[]
  ).map((m) => ({ label: m.label, romes: JSON.parse(m.romes) as string[] }));
  if (metiers.length === 0)
    throw new Error("No métier in the database: load the referentials before generating the dataset.");
  const labels = new Map(
    (db.$client.prepare(`SELECT code, label FROM romes`).all() as { code: string; label: string }[]).map(
      (r) => [r.code, r.label],
    ),
  );
  const byCode = new Map<string, string[]>();
  const rows = db.$client
    .prepare(
      `SELECT coalesce(r.parent_code, a.rome_code) AS parent, a.rome_code AS code, a.label
       FROM rome_appellations a LEFT JOIN romes r ON r.code = a.rome_code
       WHERE a.rarely_used = 0 ORDER BY a.code_ogr`,
    )
    .all() as { parent: string; code: string; label: string }[];
  for (const { parent, code, label } of rows) {
    for (const key of new Set([code, parent])) {
      const list = byCode.get(key);
      if (list) list.push(label);
      else byCode.set(key, [label]);
    }
  }
  return {
    metiers,
    romeLabel: (code) => labels.get(code) ?? code,
    appellations: (code) => byCode.get(code) ?? [labels.get(code) ?? code],
  };
}
