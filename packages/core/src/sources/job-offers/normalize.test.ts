import { describe, expect, it } from "vitest";
import { openCompanyToken } from "../../crypto/email-token";
import { ItemSchema } from "../../schemas/item";
import { OfferSchema, type Offer } from "./api-types";
import { createTestDb } from "../../testing/db";
import { insertTestCommunes } from "../../testing/communes";
import { offerFixture, partnerOfferFixture, searchFixture } from "./fixtures";
import { departementOfLabel, departementPointFinder } from "./departement-place";
import { applyUrl, compareByDistance, normalizeOffer, OFFER_URL_TRACKING } from "./normalize";

const SECRET = "normalize-test-secret";
const offers = searchFixture.resultats.map((raw) => OfferSchema.parse(raw));
const [developer, support, departementOnly] = offers as [Offer, Offer, Offer];
const REPUBLIQUE = { latitude: 48.8674, longitude: 2.3636 };

describe("normalizeOffer", () => {
  it("maps a France Travail offer to a valid peJob item (docs/reference/v1.md#s5)", () => {
    const item = normalizeOffer(developer, { centre: REPUBLIQUE, caller: null, secret: SECRET });
    expect(ItemSchema.parse(item)).toEqual(item);
    expect(item).toMatchObject({
      ideaType: "peJob",
      title: "Développeur / Développeuse web en alternance (H/F)",
      id: null,
      place: {
        distance: 1.5, // 0.93 km north, 1.13 km east
        fullAddress: "75 - Paris 11e Arrondissement 75011",
        latitude: 48.859,
        longitude: 2.379,
        city: "75 - Paris 11e Arrondissement",
        zipCode: "75011",
        insee: "75111",
      },
      company: {
        name: "ATELIER NUMERIQUE",
        siret: "85323948700021",
        logo: expect.stringContaining("logos/"),
        description: expect.stringContaining("Agence"),
      },
      url: `https://candidat.francetravail.fr/offres/recherche/detail/171QXNW${OFFER_URL_TRACKING}`,
      job: {
        id: "171QXNW",
        creationDate: "2024-02-27T14:12:08.000Z",
        contractType: "CDD",
        contractDescription: "Contrat à durée déterminée - 24 Mois",
        duration: "35H Horaires normaux",
      },
      romes: [{ code: "M1805", label: "Développeur / Développeuse web" }],
      nafs: [{ code: "62", label: "Programmation informatique" }],
    });
    expect(item.url).toContain("?at_medium=CMP&at_campaign=labonnealternance_candidater_a_une_offre");
  });

  it("never exposes the recruiter e-mail in clear: it becomes an authenticated token", () => {
    const item = normalizeOffer(developer, { centre: null, caller: null, secret: SECRET });
    expect(JSON.stringify(item)).not.toContain("claire.martin@");
    expect(item.contact).toMatchObject({
      name: "ATELIER NUMERIQUE - Mme Claire Martin",
      info: "12 rue de la Roquette\n75011 PARIS 11",
      phone: null,
    });
    const token = { email: item.contact?.email ?? "", iv: item.contact?.iv ?? "" };
    // A France Travail offer's token is of kind peJob: applications refuse it (decision 035).
    expect(openCompanyToken(SECRET, token)).toEqual({
      kind: "peJob",
      siret: null,
      jobId: null,
      email: "claire.martin@atelier-numerique.fr",
    });
    expect(openCompanyToken("another-secret", token)).toBeNull();
  });

  it("keeps France Travail's application instructions (not an e-mail) as contact info", () => {
    const item = normalizeOffer(support, { centre: null, caller: null, secret: SECRET });
    expect(item.contact).toEqual({
      name: "SERVINFO - M. Karim Benali",
      email: null,
      iv: null,
      phone: null,
      info: "Pour postuler, utiliser le lien suivant : https://candidat.francetravail.fr/offres/recherche/detail/170ZKMB",
      url: null,
    });
  });

  it("gives the siret only to our own front, not to partner callers", () => {
    expect(
      normalizeOffer(developer, { centre: null, caller: "partenaire", secret: SECRET }).company.siret,
    ).toBeNull();
    expect(normalizeOffer(developer, { centre: null, caller: null, secret: SECRET }).company.siret).toBe(
      "85323948700021",
    );
  });

  it("has no distance nor coordinates for an offer located by département only, and no empty contact", () => {
    const item = normalizeOffer(departementOnly, { centre: REPUBLIQUE, caller: null, secret: SECRET });
    expect(item.place).toMatchObject({
      distance: null,
      latitude: null,
      longitude: null,
      fullAddress: "75 - Paris (Dept.)",
    });
    expect(item.contact).toBeNull();
    expect(item.company.name).toBeNull();
  });

  it("reports distance 0 without a search centre", () => {
    expect(normalizeOffer(developer, { centre: null, caller: null, secret: SECRET }).place.distance).toBe(0);
  });

  it("sorts by distance, unknown distances last, ties by title then id", () => {
    const at = (id: string, title: string, latitude?: number) =>
      normalizeOffer(
        OfferSchema.parse({
          ...offerFixture,
          id,
          intitule: title,
          lieuTravail: latitude ? { latitude, longitude: 2.35 } : {},
        }),
        { centre: { latitude: 48.85, longitude: 2.35 }, caller: null, secret: SECRET },
      );
    const items = [
      at("D", "b", 48.9),
      at("C", "x"),
      at("B", "b", 48.86),
      at("A", "B", 48.86),
      at("E", "a", 48.86),
    ];
    expect(items.sort(compareByDistance).map((i) => i.job?.id)).toEqual(["E", "A", "B", "D", "C"]);
  });

  it("decodes entities, turns <br> and <p> into line breaks in titles, descriptions and names", () => {
    const item = normalizeOffer(OfferSchema.parse(partnerOfferFixture), {
      centre: null,
      caller: null,
      secret: SECRET,
    });
    expect(item.title).toBe("Boulangère / Boulanger en apprentissage (H/F)");
    expect(item.job?.description).toBe(
      "L'ATELIER DU PAIN recrute un(e) apprenti(e).\nMissions :\n- façonnage\n- cuisson\nHoraires à définir.",
    );
    expect(item.company).toMatchObject({
      name: "L'ATELIER DU PAIN",
      description: "Boulangerie artisanale,\n3 salariés.",
      url: "https://atelier-du-pain.example.fr",
    });
    expect(item.contact?.name).toBe("L'ATELIER DU PAIN - Mme Julie Morel");
    expect(item.romes).toEqual([{ code: "D1102", label: "Boulanger / Boulangère" }]);
  });

  it("links to the application in the original's order: urlPostulation, a partner's URL, then urlOrigine", () => {
    const offer = OfferSchema.parse(partnerOfferFixture);
    const without = (changes: Partial<Offer>) => applyUrl({ ...offer, ...changes });
    expect(normalizeOffer(offer, { centre: null, caller: null, secret: SECRET }).contact?.url).toBe(
      "https://recrutement.atelier-du-pain.example.fr/offres/181BKRT/postuler",
    );
    expect(without({ contact: { nom: "x" } })).toBe("https://www.jobboard.example.com/candidature/181BKRT");
    expect(
      without({
        contact: { urlPostulation: "javascript:alert(1)" },
        origineOffre: { urlOrigine: "https://www.jobboard.example.com/offres/181BKRT", partenaires: [] },
      }),
    ).toBe("https://www.jobboard.example.com/offres/181BKRT");
    expect(without({ contact: null, origineOffre: null })).toBeNull();
    // the only way to apply is the link: the contact still carries it
    const linkOnly = normalizeOffer(
      { ...offer, contact: { urlPostulation: "https://apply.example.org/1" } },
      { centre: null, caller: null, secret: SECRET },
    );
    expect(linkOnly.contact).toEqual({
      name: null,
      email: null,
      iv: null,
      phone: null,
      info: null,
      url: "https://apply.example.org/1",
    });
  });

  it("places an offer known only by its département at the chef-lieu, with its département and distance", () => {
    const db = createTestDb();
    insertTestCommunes(db);
    const item = normalizeOffer(departementOnly, {
      centre: REPUBLIQUE,
      caller: null,
      secret: SECRET,
      departementPoint: departementPointFinder(db),
    });
    expect(item.place).toMatchObject({
      distance: 1.5, // 0.95 km south, 1.22 km west
      latitude: 48.8589,
      longitude: 2.347,
      departementNumber: "75",
      insee: null,
      fullAddress: "75 - Paris (Dept.)",
    });
    expect(ItemSchema.parse(item)).toEqual(item);
  });
});

describe("departementOfLabel", () => {
  it("reads the département of a département-only place, and nothing from a commune", () => {
    expect(departementOfLabel("75 - Paris (Dept.)")).toBe("75");
    expect(departementOfLabel("2A - Corse-du-Sud (Dept.)")).toBe("2A");
    expect(departementOfLabel("974 - La Réunion (Dept.)")).toBe("974");
    expect(departementOfLabel("75 - Paris 11e Arrondissement")).toBeNull();
    expect(departementOfLabel("Ile-de-France (Région)")).toBeNull();
    expect(departementOfLabel(null)).toBeNull();
  });
});
