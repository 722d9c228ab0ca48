import { useQuery } from "@tanstack/react-query";
import { api } from "../api/client";
import type { Commune, MetierSuggestion } from "../api/types";
import type { ComboGroup } from "../components/combobox";
import { plural } from "../lib/format";
import { useDebounced } from "../lib/use-debounced";
import { groupSuggestions } from "./suggestions";

interface Words {
  failed: string;
  loading: string;
  found: (count: number) => string;
  none: string;
}

export const METIER_WORDS: Words = {
  failed: "La recherche des métiers est momentanément indisponible.",
  loading: "Recherche des métiers en cours",
  found: (n) => `${plural(n, "proposition", "propositions")}. Utilisez les flèches pour choisir.`,
  none: "Aucun métier trouvé",
};

export const COMMUNE_WORDS: Words = {
  failed: "La recherche des communes est momentanément indisponible.",
  loading: "Recherche des communes en cours",
  found: (n) => plural(n, "commune proposée", "communes proposées"),
  none: "Aucune commune trouvée",
};

/**
 * What a combobox announces to screen readers (`status`) and shows under its field when nothing matched (`empty`),
 * for a query that is failing, loading, or answered with `count` options; nothing while it is off (a value is
 * chosen).
 */
export function announced(
  query: { isError: boolean; isFetching: boolean; isSuccess: boolean },
  enabled: boolean,
  count: number,
  words: Words,
): { status: string; empty: string | null } {
  if (!enabled) return { status: "", empty: null };
  const none = query.isSuccess && !query.isFetching && count === 0;
  const status = query.isError
    ? words.failed
    : query.isFetching
      ? words.loading
      : count > 0
        ? words.found(count)
        : none
          ? words.none
          : "";
  return { status, empty: none ? words.none : null };
}

/** docs/reference/v1.md#s11-2 autocomplete: debounced 300 ms, cancelled when the text changes, memoised; grouped for the combobox. */
export function useMetierSuggestions(text: string, enabled: boolean, minChars: number) {
  const query = useDebounced(text.trim(), 300);
  const suggestions = useQuery({
    queryKey: ["metiers.autocomplete", query],
    // react-query aborts the request when the key changes before it answers.
    queryFn: ({ signal }) => api.autocomplete(query, { signal }),
    enabled: enabled && query.length >= minChars,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const groups: ComboGroup<MetierSuggestion>[] = enabled
    ? groupSuggestions(suggestions.data).map((group) => ({
        label: group.label,
        options: group.options.map((option, i) => ({
          key: `${option.type}-${i}-${option.label}`,
          label: option.label,
          value: option,
        })),
      }))
    : [];
  const count = groups.reduce((n, g) => n + g.options.length, 0);
  return { suggestions, groups, ...announced(suggestions, enabled, count, METIER_WORDS) };
}

/** Communes matching the "Lieu" text (offline referential or api-adresse, as the server is configured). */
export function usePlaceSuggestions(text: string, enabled: boolean, minChars: number) {
  const query = useDebounced(text.trim(), 300);
  const communes = useQuery({
    queryKey: ["geo.communes", query],
    queryFn: ({ signal }) => api.communes(query, { signal }),
    enabled: enabled && query.length >= minChars,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const groups: ComboGroup<Commune>[] =
    enabled && communes.data?.length
      ? [
          {
            label: "Communes",
            options: communes.data.map((c) => ({ key: `${c.insee}-${c.zipcode}`, label: c.label, value: c })),
          },
        ]
      : [];
  return { communes, groups, ...announced(communes, enabled, communes.data?.length ?? 0, COMMUNE_WORDS) };
}
