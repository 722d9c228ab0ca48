import type { Item } from "@lba/core/schemas";

/** URL `type` values (docs/reference/v1.md#s5: the UI's item identity). */
export type ItemType = "training" | "peJob" | "matcha" | "lba" | "lbb";
export const ITEM_TYPES: readonly ItemType[] = ["training", "peJob", "matcha", "lba", "lbb"];

/**
 * What a card says when its item can no longer be found: a training is no longer offered, an offer is gone, a
 * company (spontaneous applications: there was no offer) is no longer listed.
 */
export function goneMessage(type: ItemType): string {
  if (type === "training") return "Cette formation n'est plus proposée.";
  if (type === "lba" || type === "lbb")
    return "Cette entreprise n'est plus référencée sur La bonne alternance.";
  return "Cette offre n'est plus disponible.";
}

export function itemType(item: Item): ItemType {
  return item.ideaType === "formation" ? "training" : item.ideaType;
}

/** training: id; peJob and matcha: job.id; lba/lbb: company.siret. */
export function itemId(item: Item): string | null {
  switch (item.ideaType) {
    case "formation":
      return item.id;
    case "peJob":
    case "matcha":
      return item.job?.id ?? item.id;
    default:
      return item.company.siret;
  }
}

export function itemKey(item: Item): string {
  return `${itemType(item)}:${itemId(item) ?? item.title ?? ""}`;
}

export function isJob(item: Item): boolean {
  return item.ideaType !== "formation";
}

export function canApply(item: Item): boolean {
  const applicable = item.ideaType === "lba" || item.ideaType === "lbb" || item.ideaType === "matcha";
  return applicable && Boolean(item.contact?.email && item.contact.iv);
}
