import type { CoreDeps } from "@lba/core/deps";
import { recordApiCall, type ApiName } from "@lba/core/stats";

export interface CallCounts {
  nbFormations?: number | null;
  nbEmplois?: number | null;
  resultCount?: number | null;
  /** A source failed inside a 200 answer: the call is recorded as "Error" (docs/reference/v1.md#s2-3). */
  partialError?: boolean;
  /** The answer of an earlier call given again (an Idempotency-Key's replay): not recorded a second time. */
  replayed?: boolean;
}

function safeRecord(core: CoreDeps, record: Parameters<typeof recordApiCall>[1]): void {
  // Statistics must never fail nor delay the answer itself (on PostgreSQL the row is written after it).
  recordApiCall(core, record).catch((error: unknown) =>
    core.log.error("api call not recorded", { api: record.api, error: String(error) }),
  );
}

/** Runs a call and records it in api_calls when it carries a caller, as "Error" when it throws. */
export async function tracked<T>(
  core: CoreDeps,
  api: ApiName,
  caller: string | null,
  run: () => T | Promise<T>,
  counts: (answer: T) => CallCounts,
): Promise<T> {
  if (!caller) return run();
  let answer: T;
  try {
    answer = await run();
  } catch (error) {
    safeRecord(core, { caller, api, result: "Error" });
    throw error;
  }
  const { partialError, replayed, ...numbers } = counts(answer);
  if (!replayed) safeRecord(core, { caller, api, result: partialError ? "Error" : "OK", ...numbers });
  return answer;
}
