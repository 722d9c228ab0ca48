// Generates large import files in the real upstream shapes, for `npm run import` at national scale:
// a catalogue export in the current shape and the prediction algorithm's companies JSON (Lambert-93 and the
// overseas projections). Places come from the `communes` table of a seeded database. Invented values.
// Usage: npx tsx scripts/gen-import-files.mjs --db data/lba.sqlite [--out /tmp/lba-import-files]
//        [--trainings 50000] [--companies 400000]
import { once } from "node:events";
import { createWriteStream, mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { fromWgs84, projectionOf } from "../packages/core/src/sources/companies/projection.ts";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const dbPath = option("db", "data/lba.sqlite");
const out = option("out", "/tmp/lba-import-files");
const trainingCount = Number(option("trainings", 50_000));
const companyCount = Number(option("companies", 400_000));

// mulberry32: the same files for the same counts
let seed = 20261130;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (values) => values[Math.floor(random() * values.length)];
const digits = (n) => Array.from({ length: n }, () => Math.floor(random() * 10)).join("");
const jitter = (degrees) => (random() - 0.5) * 2 * degrees;

const db = new Database(dbPath, { readonly: true });
const communes = db
  .prepare("SELECT insee, name, departement_code AS dep, postcodes, latitude, longitude FROM communes")
  .all();
db.close();
if (communes.length === 0) throw new Error(`no communes in ${dbPath}: seed it first (npm run seed)`);

const ROMES = [
  "D1102",
  "D1104",
  "D1101",
  "D1106",
  "G1602",
  "G1603",
  "M1805",
  "M1607",
  "I1604",
  "F1703",
  "H2909",
];
const NAFS = [
  ["1071C", "Boulangerie et boulangerie-pâtisserie"],
  ["5610A", "Restauration traditionnelle"],
  ["6201Z", "Programmation informatique"],
  ["4520A", "Entretien et réparation de véhicules automobiles légers"],
  ["4711D", "Supermarchés"],
];
const TITLES = [
  "BOULANGER (CAP)",
  "P&Acirc;TISSIER (CAP)",
  "CUISINE (CAP)",
  "D&Eacute;VELOPPEUR WEB (TP)",
  "MCO (BTS)",
];

/** Writes a JSON array one element at a time, waiting when the stream is full. */
async function writeArray(path, count, make) {
  const stream = createWriteStream(path);
  stream.write("[\n");
  for (let i = 0; i < count; i++) {
    const text = `${i > 0 ? ",\n" : ""}${JSON.stringify(make(i))}`;
    if (!stream.write(text)) await once(stream, "drain");
  }
  stream.end("\n]\n");
  await once(stream, "finish");
  console.log(`${path}: ${count} records`);
}

function training(i) {
  const c = pick(communes);
  const point = `${(c.latitude + jitter(0.02)).toFixed(6)},${(c.longitude + jitter(0.02)).toFixed(6)}`;
  const siret = `${digits(9)}${String(i % 100000).padStart(5, "0")}`;
  const past = random() < 0.1;
  return {
    _id: digits(24),
    published: true,
    catalogue_published: true,
    cle_ministere_educatif: `${digits(6)}P${digits(8)}${siret}-${c.insee}#L${String(i).padStart(6, "0")}`,
    intitule_long: pick(TITLES),
    intitule_court: "FORMATION",
    niveau: pick(["3 (CAP...)", "4 (BAC...)", "5 (BTS, DEUST...)", "6 (Licence, BUT...)"]),
    diplome: "CERTIFICAT D'APTITUDES PROFESSIONNELLES",
    cfd: digits(8),
    rncp_code: `RNCP${digits(5)}`,
    rome_codes: [pick(ROMES), pick(ROMES)],
    tags: past ? ["2023", "2024"] : ["2026", "2027"],
    email: `inscriptions-${i}@cfa.example.org`,
    lieu_formation_adresse: `${1 + (i % 120)} RUE DE L'ECOLE`,
    lieu_formation_geo_coordonnees: random() < 0.9 ? point : null,
    code_postal: c.postcodes.split(" ")[0],
    localite: c.name,
    code_commune_insee: c.insee,
    num_departement: c.dep,
    etablissement_formateur_siret: siret,
    etablissement_formateur_entreprise_raison_sociale: `CFA L&#039;AVENIR ${i % 3000}`,
    etablissement_formateur_courriel: `contact-${i % 3000}@cfa.example.org`,
    geo_coordonnees_etablissement_formateur: point,
    etablissement_gestionnaire_siret: siret,
    etablissement_gestionnaire_courriel: `direction-${i % 1000}@cfa.example.org`,
    geo_coordonnees_etablissement_gestionnaire: point,
    objectif: "Former des professionnels qualifi&eacute;s.<br />Alternance 2 ans.",
    date_debut: ["2026-09-07T00:00:00.000Z"],
    date_fin: ["2028-06-30T00:00:00.000Z"],
    modalites_entrees_sorties: [false],
  };
}

function company(i) {
  const c = pick(communes);
  const [naf, label] = pick(NAFS);
  const withPoint = random() < 0.95;
  let x = null;
  let y = null;
  if (withPoint) {
    const point = { latitude: c.latitude + jitter(0.01), longitude: c.longitude + jitter(0.01) };
    [x, y] = fromWgs84(projectionOf(c.insee), point);
    x = Math.round(x * 100) / 100;
    y = Math.round(y * 100) / 100;
  }
  const romes = [...new Set([pick(ROMES), pick(ROMES), pick(ROMES)])];
  return {
    siret: `${digits(8)}${String(i).padStart(6, "0")}`,
    enseigne: random() < 0.7 ? `ENSEIGNE ${i}` : null,
    raison_sociale: `SOCIETE L&#039;EXEMPLE ${i}`,
    naf_code: naf,
    naf_label: label,
    street_number: String(1 + (i % 200)),
    street_name: "RUE DE LA REPUBLIQUE",
    insee_city_code: c.insee,
    zip_code: c.postcodes.split(" ")[0],
    city: c.name.toUpperCase(),
    email: random() < 0.4 ? `contact-${i}@entreprise.example.fr` : null,
    phone: random() < 0.5 ? `01${digits(8)}` : null,
    company_size: pick(["1-2", "3-5", "6-9", "10-19", "20-49"]),
    website: random() < 0.3 ? `https://entreprise-${i}.example.fr` : null,
    x,
    y,
    rome_codes: romes.map((rome_code) => ({
      rome_code,
      normalized_score: Math.round(random() * 1000) / 1000,
    })),
  };
}

mkdirSync(out, { recursive: true });
await writeArray(join(out, `catalogue-${trainingCount}.json`), trainingCount, training);
await writeArray(join(out, `companies-${companyCount}.json`), companyCount, company);
