import type { AutocompleteAnswer, MetierSuggestion } from "../api/types";

export interface SuggestionGroup {
  label: string;
  options: MetierSuggestion[];
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** docs/reference/v1.md#s11-2: up to 4 métiers, up to 4 diplomas (capitalised), then the rest under one heading. */
export function groupSuggestions(answer: AutocompleteAnswer | undefined): SuggestionGroup[] {
  if (!answer) return [];
  const jobs = answer.labelsAndRomes ?? [];
  const diplomas = (answer.labelsAndRomesForDiplomas ?? []).map((d) => ({
    ...d,
    label: capitalise(d.label),
  }));
  const groups: SuggestionGroup[] = [
    { label: "Métiers", options: jobs.slice(0, 4) },
    { label: "Diplômes", options: diplomas.slice(0, 4) },
    { label: "...autres métiers et diplômes", options: [...jobs.slice(4), ...diplomas.slice(4)] },
  ];
  return groups.filter((group) => group.options.length > 0);
}
