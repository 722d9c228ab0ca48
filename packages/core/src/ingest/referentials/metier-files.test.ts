import { describe, expect, test } from "vitest";
import {
  mergeMetiers,
  metierFileKind,
  metierKey,
  parseMetiersMapping,
  parseMetiersSeo,
} from "./metier-files";
import { readVendored } from "./vendored";

describe("métier files", () => {
  test("recognise the SEO list by its 'label [codes]' lines", () => {
    expect(metierFileKind("\nPlomberie [F1603,I1308]\n")).toBe("seo");
    expect(metierFileKind("_id;code;intitule;sousDomaine\n")).toBe("mapping");
  });

  test("share one key for labels that differ only by case, accents or an ellipsis", () => {
    expect(metierKey("Façade, étanchéité (…)")).toBe(metierKey("Facade, etancheite (...)"));
    expect(metierKey("Façade, étanchéité (…)")).toBe("facade etancheite");
  });

  test("merge the SEO list into the mapping, keeping the mapping's label and putting SEO codes first", () => {
    const mapping = [
      { label: "Facade, étanchéité", romes: ["F1611"], titles: ["Façadier"] },
      { label: "Magasinage, préparation de commandes", romes: ["N1105"], titles: [] },
    ];
    const seo = [
      { label: "Façade, étanchéité", romes: ["F1610", "F1611"], titles: [] },
      { label: "Magasinage, péparation de commandes", romes: ["N1103"], titles: [] },
      { label: "Plomberie", romes: ["F1603"], titles: [] },
      { label: "Plomb", romes: ["F1603"], titles: [] },
    ];
    expect(mergeMetiers(mapping, seo)).toEqual([
      { label: "Facade, étanchéité", romes: ["F1610", "F1611"], titles: ["Façadier"] },
      { label: "Magasinage, préparation de commandes", romes: ["N1103", "N1105"], titles: [] },
      { label: "Plomberie", romes: ["F1603"], titles: [] },
      // A one-character difference joins long labels only.
      { label: "Plomb", romes: ["F1603"], titles: [] },
    ]);
  });

  test("give 122 métiers in the vendored mapping, 77 in the SEO list, 135 merged", () => {
    const mapping = parseMetiersMapping(readVendored("metiersMapping"));
    const seo = parseMetiersSeo(readVendored("metiersSeo"));
    expect([mapping.metiers.length, mapping.removedLines, mapping.badLines]).toEqual([122, 24, []]);
    expect([seo.metiers.length, seo.badLines]).toEqual([77, []]);
    const merged = mergeMetiers(mapping.metiers, seo.metiers);
    expect(merged).toHaveLength(135);
    expect(merged.slice(122).map((m) => m.label)).toEqual([
      "Secrétariat médical",
      "Plomberie",
      "Conseil, vente de produits bancaires ou d'assurance, gestion de clientèle",
      "Analyse médicale et biologique",
      "Management, support en banque, assurance",
      "Vente de fleurs, végétaux",
      "Optique",
      "Diététique",
      "Service en hotellerie, restauration",
      "Peinture en bâtiment, décor mural, finitions",
      "Gestion de l'information et de la documentation",
      "Robotique, systèmes automatisés",
      "Maçonnerie, coffrage",
    ]);
  });
});
