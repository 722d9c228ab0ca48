import { z } from "zod";

/**
 * An integer setting read from text (an environment variable or a command-line option), its range said in the
 * message (zod's own would speak of NaN). An empty value is refused, not read as the 0 that coercion makes of it
 * (`PORT=` would otherwise listen on a random port): unset the variable to get its default.
 */
export const integerSetting = (min: number, max?: number) => {
  const range = max === undefined ? `an integer >= ${min}` : `an integer from ${min} to ${max}`;
  const n = z.coerce.number({ error: range }).int({ error: range }).min(min, { error: range });
  return z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? Number.NaN : value),
    max === undefined ? n : n.max(max, { error: range }),
  );
};

/** APPLICATION_RETENTION_DAYS (server) and `npm run anonymize -- --days`: applications older than this are anonymised. */
export const RetentionDaysSchema = integerSetting(1).default(365);

/** SNAPSHOT_KEEP (server) and `npm run snapshot -- --keep`: how many published search snapshots are kept. */
export const SnapshotKeepSchema = integerSetting(1).default(3);
