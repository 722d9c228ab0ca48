import { describe, expect, it } from "vitest";
import { createTestDb } from "../testing/db";
import { getCompany, getMatchaOffer } from "./details";
import { insertCompany, insertRecruiter } from "../testing/factories";
import { testDeps } from "../testing/deps";

describe("getCompany", () => {
  it("finds a company by siret and type, with a null distance", () => {
    const db = createTestDb();
    insertCompany(db, { siret: "12345678900011", type: "lbb", enseigne: "Boîte" });
    const item = getCompany(testDeps(db), "12345678900011", "lbb");
    expect(item).toMatchObject({
      ideaType: "lbb",
      title: "Boîte",
      company: { siret: "12345678900011" },
      place: { distance: null },
    });
    expect(getCompany(testDeps(db), "12345678900011", "lba")).toBeNull();
    expect(getCompany(testDeps(db), "00000000000000", "lbb")).toBeNull();
  });

  it("gives the phone to first-party and allow-listed viewers only", () => {
    const db = createTestDb();
    insertCompany(db, { siret: "12345678900011", telephone: "0102030405" });
    const phone = (viewer?: Parameters<typeof getCompany>[3]) =>
      getCompany(testDeps(db), "12345678900011", "lba", viewer)?.contact?.phone;
    expect(phone()).toBeNull();
    expect(phone({ caller: "partenaire-inconnu" })).toBeNull();
    expect(phone({ caller: "partenaire-autorise" })).toBe("0102030405");
    expect(phone({ caller: null })).toBe("0102030405");
  });
});

describe("getMatchaOffer", () => {
  it("returns only the offer asked for, not the other offers of its form", () => {
    const db = createTestDb();
    const { recruiter, offers } = insertRecruiter(db, {}, [{ libelle: "first" }, { libelle: "second" }]);
    const item = getMatchaOffer(testDeps(db), offers[1]?.id ?? "");
    expect(item).toMatchObject({
      ideaType: "matcha",
      id: `${recruiter.idForm}-1`,
      title: "second",
      job: { id: offers[1]?.id },
    });
    expect(getMatchaOffer(testDeps(db), "unknown")).toBeNull();
  });

  it("does not return an offer that is no longer open", () => {
    const db = createTestDb();
    const { offers } = insertRecruiter(db, {}, [{ statut: "Pourvue" }, { dateExpiration: "2024-12-31" }]);
    for (const offer of offers) expect(getMatchaOffer(testDeps(db), offer.id)).toBeNull();
  });
});
