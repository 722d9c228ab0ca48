import { REGIONS } from "@lba/core/referentials";
import type { PartnerScope } from "./url-state";

/**
 * What a search without a place covers, for the "Lieu" field and the folded form: the partner's département or
 * region (docs/decisions/024-partner-scopes.md) when the widget is scoped to one, else "France entière". A region
 * is named from the V1 list (REGIONS); an unknown code, which the search refuses anyway, is shown as it is.
 */
export function scopeArea(scope: PartnerScope): string {
  if (scope.departement) return `Département ${scope.departement}`;
  if (scope.region) {
    const region = REGIONS.find((r) => r.code === scope.region);
    return region ? `Région ${region.name}` : `Région ${scope.region}`;
  }
  return "France entière";
}
