import { describe, expect, it } from "vitest";
import { toV1ErrorMessages } from "./errors";
import { FormationsV1ParamsSchema, toTrainingsQuery } from "./formations";
import { JobsEtFormationsV1ParamsSchema, toJobsEtFormationsQuery } from "./jobs-et-formations";
import { JobsV1ParamsSchema, toJobsQuery } from "./jobs";
import { MSG } from "./messages";

// The partner scope parameters (docs/decisions/024-partner-scopes.md), checked like the V1 ones.
const JOBS = { caller: "test", romes: "D1102" };

function messages(schema: typeof JobsV1ParamsSchema | typeof FormationsV1ParamsSchema, query: object) {
  const parsed = schema.safeParse(query);
  return parsed.success ? [] : toV1ErrorMessages(parsed.error);
}

describe("scope parameters", () => {
  it("accept one or several ROME domains, a département or a region, and a population", () => {
    for (const query of [
      { domains: "A" },
      { domains: "a,F16,M18" },
      { departement: "69" },
      { departement: "974" },
      { region: "84" },
      { population: "apprentissage" },
      { population: "alternance", domains: "D", departement: "20" },
    ]) {
      expect(messages(JobsV1ParamsSchema, { ...JOBS, ...query })).toEqual([]);
      expect(messages(JobsEtFormationsV1ParamsSchema, { ...JOBS, ...query })).toEqual([]);
    }
    expect(messages(FormationsV1ParamsSchema, { ...JOBS, domains: "A,F16", region: "11" })).toEqual([]);
  });

  it("report each bad parameter with its exact message, with the other V1 rules", () => {
    expect(messages(JobsV1ParamsSchema, { ...JOBS, domains: "A1" })).toEqual([MSG.domainsFormat]);
    expect(messages(JobsV1ParamsSchema, { ...JOBS, domains: "A,,B" })).toEqual([MSG.domainsFormat]);
    expect(messages(JobsV1ParamsSchema, { ...JOBS, domains: "D1102" })).toEqual([MSG.domainsFormat]);
    const many = Array.from({ length: 31 }, (_, i) => `D${String(i + 10)}`).join(",");
    expect(messages(JobsV1ParamsSchema, { ...JOBS, domains: many })).toEqual([MSG.tooManyDomains(30)]);
    expect(messages(JobsV1ParamsSchema, { ...JOBS, departement: "2A" })).toEqual([MSG.departementFormat]);
    expect(messages(JobsV1ParamsSchema, { ...JOBS, region: "1" })).toEqual([MSG.regionFormat]);
    expect(messages(JobsV1ParamsSchema, { ...JOBS, region: "99" })).toEqual([MSG.regionUnknown]);
    expect(messages(JobsV1ParamsSchema, { ...JOBS, region: "84", departement: "69" })).toEqual([
      MSG.regionAndDepartement,
    ]);
    expect(messages(JobsV1ParamsSchema, { ...JOBS, population: "professionnalisation" })).toEqual([
      MSG.population,
    ]);
    expect(
      messages(JobsV1ParamsSchema, { romes: "D1102", domains: "?", population: "x", departement: "6" }),
    ).toEqual([MSG.callerMissing, MSG.domainsFormat, MSG.departementFormat, MSG.population]);
  });

  it("have their messages in French, in the V1 '<parameter> : ' form", () => {
    expect(MSG.domainsFormat).toBe(
      "domains : Domaines ROME mal formés. Un domaine est une lettre ou une lettre suivie de 2 chiffres, séparés par des virgules. ex : A,F16",
    );
    expect(MSG.tooManyDomains(30)).toBe("domains : Trop de domaines ROME. 30 au plus.");
    expect(MSG.population).toBe("population : Valeur inconnue. population vaut apprentissage ou alternance.");
  });

  it("become the query's scope, upper-cased and without duplicates; absent, no scope at all", () => {
    const jobs = JobsV1ParamsSchema.parse({
      ...JOBS,
      domains: "a,F16,A",
      region: "84",
      population: "apprentissage",
    });
    expect(toJobsQuery(jobs).scope).toEqual({
      domains: ["A", "F16"],
      region: "84",
      population: "apprentissage",
    });
    expect("scope" in toJobsQuery(JobsV1ParamsSchema.parse(JOBS))).toBe(false);
    expect("scope" in toJobsQuery(JobsV1ParamsSchema.parse({ ...JOBS, domains: "" }))).toBe(false);
    const trainings = FormationsV1ParamsSchema.parse({ ...JOBS, departement: "69" });
    expect(toTrainingsQuery(trainings).scope).toEqual({ departement: "69" });
    const both = JobsEtFormationsV1ParamsSchema.parse({ ...JOBS, domains: "D" });
    expect(toJobsEtFormationsQuery(both).scope).toEqual({ domains: ["D"] });
  });
});
