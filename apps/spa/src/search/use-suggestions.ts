import { useQuery } from "@tanstack/react-query";
import { api } from "../api/client";
import type { Commune, MetierSuggestion } from "../api/types";
import type { ComboGroup } from "../components/combobox";
import { useDebounced } from "../lib/use-debounced";
import { groupSuggestions } from "./suggestions";

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
  return { suggestions, groups };
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
  return { communes, groups };
}
