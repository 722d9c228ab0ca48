import type { Sent } from "../search/sent";

/** A search answer as a client receives it: its JSON decoded (stored items become items). */
export function sent<T>(value: T): Sent<T> {
  return JSON.parse(JSON.stringify(value)) as Sent<T>;
}
