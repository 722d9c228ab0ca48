import { describe, expect, it } from "vitest";
import { MSG, NOT_ONE_TEXT } from "@lba/core/schemas";
import { getJson, testApp } from "../test-app";

// Every V1 rule of docs/reference/v1.md#s4 (as amended by docs/decisions/005-v1-contract-kept.md), through the real routes.

async function messages(url: string) {
  const { app } = testApp();
  const { status, body } = await getJson(app, url);
  return { status, body, list: (body.error_messages ?? []) as string[] };
}

const GEO = "latitude=48.85&longitude=2.35";

describe("V1 validation messages", () => {
  it("requires caller on every REST search route", async () => {
    for (const path of [
      "formations?romes=D1102",
      "formationsParRegion?region=11",
      "jobs?romes=D1102",
      "jobsEtFormations?romes=D1102",
    ]) {
      const { status, body } = await messages(`/api/V1/${path}`);
      expect(status).toBe(400);
      expect(body).toEqual({ error: "wrong_parameters", error_messages: [MSG.callerMissing] });
    }
  });

  it("formations: romes or romeDomain, not both, well formed, at most 20", async () => {
    expect((await messages("/api/V1/formations?caller=x")).list).toEqual([MSG.romesOrDomainMissing]);
    expect((await messages("/api/V1/formations?caller=x&romes=D1102&romeDomain=D")).list).toEqual([
      MSG.romesAndDomain,
    ]);
    expect((await messages("/api/V1/formations?caller=x&romeDomain=D1")).list).toEqual([
      MSG.romeDomainFormat,
    ]);
    expect((await messages("/api/V1/formations?caller=x&romeDomain=d11")).status).toBe(200);
    const many = Array.from({ length: 21 }, (_, i) => `D${1100 + i}`).join(",");
    expect((await messages(`/api/V1/formations?caller=x&romes=${many}`)).list).toEqual([
      MSG.tooManyRomes(20),
    ]);
    expect((await messages("/api/V1/formations?caller=x&romes=d1102")).status).toBe(200);
  });

  it("jobs: romes required (with the format message too), at most 15", async () => {
    expect((await messages("/api/V1/jobs?caller=x")).list).toEqual([MSG.romesMissing, MSG.romesFormat]);
    const many = Array.from({ length: 16 }, (_, i) => `D${1100 + i}`).join(",");
    expect((await messages(`/api/V1/jobs?caller=x&romes=${many}`)).list).toEqual([
      "romes : Too many rome codes. Maximum is 15.",
    ]);
    expect((await messages(`/api/V1/jobs?caller=x&romes=D1102,XX`)).list).toEqual([MSG.romesFormat]);
  });

  it("coordinates: missing, not a number, out of range (parseInt semantics, 1e2 is a number)", async () => {
    expect((await messages("/api/V1/formations?caller=x&romes=D1102&latitude=48")).list).toEqual([
      MSG.longitudeMissing,
    ]);
    expect((await messages("/api/V1/formations?caller=x&romes=D1102&longitude=2")).list).toEqual([
      MSG.latitudeMissing,
    ]);
    expect((await messages("/api/V1/formations?caller=x&romes=D1102&latitude=a&longitude=b")).list).toEqual([
      MSG.latitudeNaN,
      MSG.longitudeNaN,
    ]);
    expect(
      (await messages("/api/V1/formations?caller=x&romes=D1102&latitude=91&longitude=-181")).list,
    ).toEqual([MSG.latitudeRange, MSG.longitudeRange]);
    expect(
      (await messages("/api/V1/formations?caller=x&romes=D1102&latitude=90.9&longitude=1e2")).status,
    ).toBe(200);
  });

  it("radius: a number in 0..200 or exactly 20000; absent or 0 means 30 km", async () => {
    expect((await messages(`/api/V1/jobs?caller=x&romes=D1102&${GEO}&radius=abc`)).list).toEqual([
      MSG.radiusNaN,
    ]);
    expect((await messages(`/api/V1/jobs?caller=x&romes=D1102&${GEO}&radius=201`)).list).toEqual([
      MSG.radiusRange,
    ]);
    expect((await messages(`/api/V1/jobs?caller=x&romes=D1102&${GEO}&radius=-1`)).list).toEqual([
      MSG.radiusRange,
    ]);
    for (const radius of ["20000", "0", "200", "10.9", ""]) {
      expect((await messages(`/api/V1/jobs?caller=x&romes=D1102&${GEO}&radius=${radius}`)).status).toBe(200);
    }
    expect((await messages(`/api/V1/jobs?caller=x&romes=D1102&${GEO}`)).status).toBe(200);
  });

  it("radius: 1e309, 200.0000001 and 20000.5 are out of range (not read as 1, 200 and 20000)", async () => {
    for (const radius of ["1e309", "200.0000001", "20000.5", "-0.5", "Infinity"])
      expect(
        (await messages(`/api/V1/jobs?caller=x&romes=D1102&${GEO}&radius=${radius}`)).list,
        radius,
      ).toEqual([MSG.radiusRange]);
    expect((await messages(`/api/V1/jobs?caller=x&romes=D1102&${GEO}&radius=2e4`)).status).toBe(200);
  });

  it("caller: at most 250 characters on every route that takes it, and never stored longer", async () => {
    const long = "c".repeat(251);
    for (const path of [
      `formations?romes=D1102&caller=${long}`,
      `jobs?romes=D1102&caller=${long}`,
      `formations/formation/x?caller=${long}`,
      `jobs/company/12345678901234?caller=${long}`,
    ]) {
      const { status, list } = await messages(`/api/V1/${path}`);
      expect(status, path).toBe(400);
      expect(list, path).toContain(MSG.callerTooLong);
    }
    expect((await messages(`/api/V1/jobs?romes=D1102&caller=${"c".repeat(250)}`)).status).toBe(200);
  });

  it("diploma must start with 3 to 7", async () => {
    expect((await messages("/api/V1/formations?caller=x&romes=D1102&diploma=2")).list).toEqual([MSG.diploma]);
    expect((await messages("/api/V1/jobsEtFormations?caller=x&romes=D1102&diploma=8")).list).toEqual([
      MSG.diploma,
    ]);
    expect((await messages("/api/V1/formations?caller=x&romes=D1102&diploma=5 (BTS...)")).status).toBe(200);
  });

  it("insee is optional but must be well formed (2A/2B allowed)", async () => {
    expect((await messages(`/api/V1/jobs?caller=x&romes=D1102&${GEO}`)).status).toBe(200);
    expect((await messages(`/api/V1/jobs?caller=x&romes=D1102&${GEO}&insee=7505`)).list).toEqual([
      MSG.inseeFormat,
    ]);
    expect((await messages(`/api/V1/jobsEtFormations?caller=x&romes=D1102&${GEO}&insee=ABCDE`)).list).toEqual(
      [MSG.inseeFormat],
    );
    expect((await messages(`/api/V1/jobs?caller=x&romes=D1102&${GEO}&insee=2A004`)).status).toBe(200);
  });

  it("sources: only the listed names", async () => {
    expect((await messages("/api/V1/jobs?caller=x&romes=D1102&sources=lba,formations")).list).toEqual([
      MSG.jobSources,
    ]);
    expect((await messages("/api/V1/jobsEtFormations?caller=x&romes=D1102&sources=lba,foo")).list).toEqual([
      MSG.jobsEtFormationsSources,
    ]);
    expect(
      (await messages("/api/V1/jobsEtFormations?caller=x&romes=D1102&sources=formations,matcha")).status,
    ).toBe(200);
  });

  it("formationsParRegion: at least one criterion, region xor departement, valid codes", async () => {
    expect((await messages("/api/V1/formationsParRegion?caller=x")).list).toEqual([MSG.regionNothing]);
    expect((await messages("/api/V1/formationsParRegion?caller=x&region=11&departement=75")).list).toEqual([
      MSG.regionAndDepartement,
    ]);
    expect((await messages("/api/V1/formationsParRegion?caller=x&region=1")).list).toEqual([
      MSG.regionFormat,
    ]);
    expect((await messages("/api/V1/formationsParRegion?caller=x&region=99")).list).toEqual([
      MSG.regionUnknown,
    ]);
    expect((await messages("/api/V1/formationsParRegion?caller=x&departement=2A")).list).toEqual([
      MSG.departementFormat,
    ]);
    expect((await messages("/api/V1/formationsParRegion?caller=x&romes=D1102&romeDomain=D")).list).toEqual([
      MSG.romesAndDomain,
    ]);
    expect((await messages("/api/V1/formationsParRegion?caller=x&departement=974")).status).toBe(200);
  });

  it("reports every failed rule of one request together, in rule order", async () => {
    const { list } = await messages(
      "/api/V1/jobsEtFormations?latitude=100&longitude=x&radius=300&diploma=1&insee=1&sources=x",
    );
    expect(list).toEqual([
      MSG.callerMissing,
      MSG.romesMissing,
      MSG.romesFormat,
      MSG.latitudeRange,
      MSG.longitudeNaN,
      MSG.radiusRange,
      MSG.diploma,
      MSG.inseeFormat,
      MSG.jobsEtFormationsSources,
    ]);
  });

  it("refuses a query whose escapes are not UTF-8 (searched as literal text before), giving the URL to send", async () => {
    const { status, body } = await messages("/api/V1/metiers?title=boulang%E8re");
    expect(status).toBe(400);
    expect(body).toMatchObject({
      error: "url_not_encoded",
      encoded: "/api/V1/metiers?title=boulang%C3%A8re",
    });
    expect((await messages("/api/V1/metiers?title=boulang%C3%A8re")).status).toBe(200);
    // On tRPC, tRPC's envelope, as its client reads it; a path that does not decode is refused the same way.
    for (const url of ["/api/trpc/metiers.autocomplete?input=%E8", "/api/trpc/metiers%E8?input=%7B%7D"]) {
      const trpc = await messages(url);
      expect(trpc.status).toBe(400);
      expect(trpc.body.error).toMatchObject({ message: "url_not_encoded", data: { httpStatus: 400 } });
    }
  });

  it("a repeated parameter is reported in the same envelope", async () => {
    const { status, body } = await messages("/api/V1/formations?caller=x&romes=D1102&romes=D1103");
    expect(status).toBe(400);
    expect(body.error).toBe("wrong_parameters");
    expect(body.error_messages).toEqual([`romes : ${NOT_ONE_TEXT}`]);
    for (const [url, name] of [
      ["/api/V1/geo/communes?insee=75056&insee=13055", "insee"],
      ["/api/V1/jobs?romes=D1102&caller=a&caller=b", "caller"],
    ] as const)
      expect((await messages(url)).list).toEqual([`${name} : ${NOT_ONE_TEXT}`]);
  });

  it("métiers without any criterion answers missing_parameters", async () => {
    const { status, body } = await messages("/api/V1/metiers");
    expect(status).toBe(400);
    expect(body).toEqual({ error: "missing_parameters", error_messages: [MSG.metiersNothing] });
  });

  it("métiers: ROME codes, when given, are well formed (a bad one matched nothing)", async () => {
    expect(await messages("/api/V1/metiers?romes=bad")).toMatchObject({
      status: 400,
      body: { error: "wrong_parameters", error_messages: [MSG.romesFormat] },
    });
    expect((await messages("/api/V1/metiers?title=boulang&romes=D1102,XX")).list).toEqual([MSG.romesFormat]);
    expect((await messages("/api/V1/metiers?romes=d1102,%20D1104,")).status).toBe(200);
  });

  it("communes: limit, when given, is an integer from 1 to 20 (it was clamped silently)", async () => {
    for (const limit of ["0", "21", "abc", "2.5", "-1"])
      expect((await messages(`/api/V1/geo/communes?q=lyon&limit=${limit}`)).list).toEqual([
        MSG.communesLimit,
      ]);
    const { status, body } = await messages("/api/V1/geo/communes?q=a&limit=20");
    expect(status).toBe(200);
    expect((body.results as unknown[]).length).toBeLessThanOrEqual(20);
  });

  it("autocomplete needs a title; diploma levels need romes", async () => {
    expect((await messages("/api/V1/metiers/autocomplete")).list).toEqual([MSG.titleMissing]);
    expect((await messages("/api/romelabels?title=")).list).toEqual([MSG.titleMissing]);
    expect((await messages("/api/jobsdiplomas")).list).toEqual([MSG.romesMissing, MSG.romesFormat]);
  });

  it("company type is lba or lbb, with the same message over REST and tRPC", async () => {
    expect((await messages("/api/V1/jobs/company/12345678901234?type=xyz")).list).toEqual([MSG.companyType]);
    const input = encodeURIComponent(JSON.stringify({ siret: "12345678901234", type: "xyz" }));
    const trpc = await messages(`/api/trpc/jobs.company?input=${input}`);
    expect(trpc.status).toBe(400);
    expect(trpc.body.error.data.errorMessages).toEqual([MSG.companyType]);
    // Absent or empty, as over REST: lba.
    const empty = encodeURIComponent(JSON.stringify({ siret: "12345678901234", type: "" }));
    expect((await messages(`/api/trpc/jobs.company?input=${empty}`)).status).toBe(404);
  });
});
