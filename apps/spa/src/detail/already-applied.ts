const KEY = "lba:applied";

type Store = Record<string, string>;

function read(): Store {
  try {
    return JSON.parse(window.localStorage.getItem(KEY) ?? "{}") as Store;
  } catch {
    return {};
  }
}

/** ISO date of this browser's earlier application to the item, if any. */
export function appliedOn(itemKey: string): string | null {
  return read()[itemKey] ?? null;
}

export function rememberApplication(itemKey: string, date: Date = new Date()) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify({ ...read(), [itemKey]: date.toISOString() }));
  } catch {
    // Private browsing may refuse storage: the reminder is a convenience only.
  }
}
