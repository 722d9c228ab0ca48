import { describe, expect, it } from "vitest";
import { announced, COMMUNE_WORDS, METIER_WORDS } from "./use-suggestions";

const words = {
  failed: "indisponible",
  loading: "en cours",
  found: (n: number) => `${n} trouvée(s)`,
  none: "Aucune commune trouvée",
};
const answered = { isError: false, isFetching: false, isSuccess: true };

describe("announced", () => {
  it("counts the options, and says when none matched, under the field too", () => {
    expect(announced(answered, true, 3, words)).toEqual({ status: "3 trouvée(s)", empty: null });
    expect(announced(answered, true, 0, words)).toEqual({
      status: "Aucune commune trouvée",
      empty: "Aucune commune trouvée",
    });
  });

  it("says a failure or a search in progress, and nothing while the field holds a chosen value", () => {
    expect(announced({ ...answered, isError: true, isSuccess: false }, true, 0, words).status).toBe(
      "indisponible",
    );
    expect(announced({ ...answered, isFetching: true }, true, 0, words)).toEqual({
      status: "en cours",
      empty: null,
    });
    expect(announced(answered, false, 0, words)).toEqual({ status: "", empty: null });
  });

  it("agrees in number: one proposition, one commune", () => {
    expect(announced(answered, true, 1, METIER_WORDS).status).toBe(
      "1 proposition. Utilisez les flèches pour choisir.",
    );
    expect(announced(answered, true, 1, COMMUNE_WORDS).status).toBe("1 commune proposée");
    expect(announced(answered, true, 12, COMMUNE_WORDS).status).toBe("12 communes proposées");
    expect(announced(answered, true, 0, COMMUNE_WORDS).empty).toBe("Aucune commune trouvée");
  });
});
