import type { Item } from "@lba/core/schemas";
import { useQuery } from "@tanstack/react-query";
import { api } from "../api/client";
import type { ItemType } from "../lib/item-identity";

/**
 * Loads an item opened by URL (shared link, email link) when it is not in the current results. Retried as any
 * query (main.tsx): a not-found answer is not, a server failure once.
 */
export function useDetail(selected: { type: ItemType; itemId: string } | null, enabled: boolean) {
  return useQuery({
    queryKey: ["detail", selected?.type, selected?.itemId],
    enabled: enabled && selected !== null,
    queryFn: ({ signal }): Promise<Item | null> => {
      if (!selected) return Promise.resolve(null);
      const { type, itemId } = selected;
      switch (type) {
        case "training":
          return api.training(itemId, { signal });
        case "peJob":
          return api.peJob(itemId, { signal });
        case "matcha":
          return api.matcha(itemId, { signal });
        default:
          return api.company(itemId, type, { signal });
      }
    },
  });
}
