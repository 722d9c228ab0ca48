import type { Db } from "../client";
import { unsubscribedSirets } from "../query/unsubscriptions";

/** What searches ask of the write side: unsubscribed companies (decision 026) and hard-bounced addresses. */
export interface SearchLists {
  /** The SIRETs among `sirets` whose companies asked not to receive spontaneous applications. */
  unsubscribed(sirets: readonly (string | null)[]): Set<string>;
  /** true when `email` hard-bounced: searches give no e-mail token for it. */
  bounced(email: string | null): boolean;
}

/** One SQLite file: unsubscriptions are read beside the search data, bounced addresses were erased from it. */
export function sqliteLists(db: Db): SearchLists {
  return { unsubscribed: (sirets) => unsubscribedSirets(db, sirets), bounced: () => false };
}

/** The lists of a deployment: the replica's live copy with PostgreSQL, otherwise the SQLite file's. */
export function listsOf(deps: { db: Db; lists?: SearchLists }): SearchLists {
  return deps.lists ?? sqliteLists(deps.db);
}

/** `row` with its e-mail removed when that address hard-bounced (the snapshot may still hold it). */
export function withoutBounced<T extends { email: string | null }>(lists: SearchLists, row: T): T {
  return row.email && lists.bounced(row.email) ? { ...row, email: null } : row;
}
