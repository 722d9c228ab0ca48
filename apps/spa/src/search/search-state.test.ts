import { describe, expect, it } from "vitest";
import { rateLimitedError } from "../api/test-errors";
import { applyErrorMessage } from "../detail/apply-errors";
import { retryHint, searchState, type SearchFacts, type SideFacts } from "./search-state";

const side = (over: Partial<SideFacts> = {}): SideFacts => ({
  on: true,
  shown: true,
  loading: false,
  failed: false,
  count: 3,
  error: null,
  ...over,
});
const facts = (over: Partial<SearchFacts> = {}): SearchFacts => ({
  searching: true,
  refused: false,
  trainings: side(),
  jobs: side(),
  ...over,
});

describe("searchState", () => {
  it("says nothing before a search, and found once results are in", () => {
    expect(searchState(facts({ searching: false }))).toEqual({ kind: "idle" });
    expect(searchState(facts())).toEqual({ kind: "found" });
  });

  it("is loading while a search the page shows is on its way", () => {
    expect(searchState(facts({ jobs: side({ loading: true }) }))).toEqual({ kind: "loading" });
    // The filter hides the jobs: their loading does not hide the trainings found.
    expect(searchState(facts({ jobs: side({ loading: true, shown: false }) }))).toEqual({ kind: "found" });
  });

  it("is a failure to retry when every search of the page failed, in the list's words", () => {
    const offline = new TypeError("Failed to fetch");
    const failed = side({ failed: true, error: offline });
    expect(searchState(facts({ trainings: failed, jobs: failed }))).toEqual({
      kind: "failed",
      what: "Les formations et les entreprises ne peuvent pas être affichées pour le moment.",
      hint: "Vérifiez votre connexion, puis réessayez.",
    });
    // An answer came whose every job source failed (no error: a 200): the connection works, wait a little.
    expect(
      searchState(facts({ trainings: failed, jobs: side({ failed: true, error: null }) })),
    ).toMatchObject({
      hint: "Vérifiez votre connexion, puis réessayez.",
    });
    expect(retryHint([null])).toBe(
      "Le service ne répond pas correctement pour le moment : réessayez dans un instant.",
    );
    expect(
      searchState(facts({ trainings: side({ on: false, shown: false }), jobs: side({ failed: true }) })),
    ).toMatchObject({ kind: "failed", what: "Problème momentané d'accès aux opportunités d'emploi" });
  });

  it("asks to wait, in the apply form's words and as long as Retry-After says, when the server limited the rate, not to check the connection", () => {
    const limited = rateLimitedError("1");
    const both = facts({
      trainings: side({ failed: true, error: limited }),
      jobs: side({ failed: true, error: limited }),
    });
    expect(searchState(both)).toMatchObject({
      kind: "failed",
      hint: "Trop de tentatives en peu de temps. Patientez quelques secondes puis réessayez.",
    });
    expect(retryHint([limited])).toBe(applyErrorMessage(limited));
    expect(retryHint([rateLimitedError("30")])).toMatch(/Patientez 30 secondes/);
    expect(retryHint([new TypeError("Failed to fetch")])).toBe("Vérifiez votre connexion, puis réessayez.");
    // the server answered: the connection works (an upstream down is a 502; a proxy's bare 500 has no tRPC data)
    const upstreamDown = { data: { code: "BAD_GATEWAY", httpStatus: 502 } };
    const bare500 = { meta: { response: { status: 500 } } };
    expect(retryHint([upstreamDown])).toBe(
      "Le service ne répond pas correctement pour le moment : réessayez dans un instant.",
    );
    expect(retryHint([upstreamDown, bare500])).toMatch(/^Le service ne répond pas/);
    expect(retryHint([upstreamDown, new TypeError("Failed to fetch")])).toBe(
      "Vérifiez votre connexion, puis réessayez.",
    );
  });

  it("names the failed search when the other one answered", () => {
    expect(searchState(facts({ trainings: side({ failed: true }) }))).toMatchObject({
      kind: "partial",
      what: "Oups ! Les résultats formation ne sont pas disponibles actuellement !",
    });
    expect(searchState(facts({ trainings: side({ failed: true, shown: false }) }))).toEqual({
      kind: "found",
    });
  });

  it("says when what the page shows found nothing", () => {
    expect(searchState(facts({ trainings: side({ count: 0 }), jobs: side({ count: 0 }) }))).toEqual({
      kind: "empty",
      what: "Aucune formation ni entreprise trouvée pour votre recherche.",
    });
    expect(searchState(facts({ trainings: side({ count: 0 }), jobs: side({ shown: false }) }))).toEqual({
      kind: "empty",
      what: "Aucune formation en alternance trouvée pour votre recherche.",
    });
    expect(searchState(facts({ trainings: side({ count: 0 }) }))).toEqual({ kind: "found" });
  });

  it("puts a refused search before anything else", () => {
    expect(searchState(facts({ refused: true, trainings: side({ failed: true }) }))).toEqual({
      kind: "refused",
      reason: null,
    });
  });

  it("says why a search is refused when the page knows it", () => {
    const refusal = "Aucune commune n'a le code INSEE « 99999 » donné par le lien.";
    expect(searchState(facts({ refused: true, refusal }))).toEqual({ kind: "refused", reason: refusal });
  });
});
