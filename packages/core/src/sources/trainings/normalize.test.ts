import { describe, expect, it } from "vitest";
import { createTestDb } from "../../testing/db";
import { ItemSchema } from "../../schemas/item";
import { insertTraining } from "../../testing/factories";
import { trainingAddress, trainingToItem } from "./normalize";

describe("trainingToItem", () => {
  it("never serves an onisep link that is not http(s)", () => {
    const db = createTestDb();
    expect(
      trainingToItem(insertTraining(db, { onisepUrl: "javascript:alert(1)" }), null).onisepUrl,
    ).toBeNull();
    const kept = "https://www.onisep.fr/http/redirection-formation/slug/FOR.1";
    expect(trainingToItem(insertTraining(db, { onisepUrl: kept }), null).onisepUrl).toBe(kept);
  });

  it("maps a catalogue training to a formation item with numeric coordinates and a 0.1 km distance", () => {
    const row = insertTraining(createTestDb(), {
      cleMinistereEducatif: "083P1",
      intituleLong: "CAP Boulanger",
      intituleCourt: "Boulanger",
      idFormation: "rco-1",
      email: "cfa@example.fr",
      romeCodes: ["D1102", "D1104"],
      region: "Normandie",
      gestionnaireRaisonSociale: "Gestion",
      gestionnaireAdresse: "1 rue A",
      gestionnaireComplementAdresse: "Bât. B",
      latitude: 49.1,
      longitude: 0.5,
    });
    const item = trainingToItem(row, 12.345);
    expect(ItemSchema.parse(item)).toEqual(item);
    expect(item).toMatchObject({
      ideaType: "formation",
      title: "CAP Boulanger",
      longTitle: "CAP Boulanger",
      id: "083P1",
      cleMinistereEducatif: "083P1",
      idRco: "rco-1",
      diplomaLevel: "3 (CAP...)",
      contact: { email: "cfa@example.fr", iv: null },
      romes: [
        { code: "D1102", label: null },
        { code: "D1104", label: null },
      ],
      place: { distance: 12.3, latitude: 49.1, longitude: 0.5, region: "Normandie", zipCode: "75001" },
    });
    expect(item.company.headquarter?.place.address).toBe("1 rue A, Bât. B");
  });

  it("uses the short title and the gestionnaire's name when the long ones are missing, and maps region codes to names", () => {
    const row = insertTraining(createTestDb(), {
      intituleLong: null,
      intituleCourt: "BTS",
      formateurRaisonSociale: null,
      gestionnaireRaisonSociale: "G",
      region: "28",
    });
    const item = trainingToItem(row, null, { "28": "Normandie" });
    expect([item.title, item.longTitle, item.company.name, item.place.region, item.place.distance]).toEqual([
      "BTS",
      null,
      "G",
      "Normandie",
      null,
    ]);
  });
});

describe("trainingAddress (docs/reference/v1.md#s7-4)", () => {
  const db = createTestDb();
  it("prefers the training place, then the formateur, then the gestionnaire", () => {
    expect(
      trainingAddress(
        insertTraining(db, { lieuFormationAdresse: "3 rue X", codePostal: "75003", localite: "Paris" }),
      ),
    ).toBe("3 rue X 75003 Paris");
    expect(
      trainingAddress(
        insertTraining(db, {
          lieuFormationAdresse: null,
          formateurAdresse: "5 av Y",
          formateurComplementAdresse: "BP 12",
          formateurLocalite: "Caen",
          formateurCodePostal: "14000",
          formateurCedex: "9",
        }),
      ),
    ).toBe("5 av Y, BP 12 Caen 14000 CEDEX 9");
    expect(
      trainingAddress(
        insertTraining(db, {
          lieuFormationAdresse: null,
          gestionnaireAdresse: "7 bd Z",
          gestionnaireLocalite: "Lyon",
          gestionnaireCodePostal: "69003",
        }),
      ),
    ).toBe("7 bd Z Lyon 69003");
    expect(trainingAddress(insertTraining(db, { lieuFormationAdresse: null }))).toBeNull();
  });
});
