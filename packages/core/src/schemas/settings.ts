import { z } from "zod";

/**
 * An integer setting read from text (an environment variable or a command-line option), its range said in the
 * message (zod's own would speak of NaN). "" is 0, so an empty value is refused by any minimum above 0.
 */
export const integerSetting = (min: number, max?: number) => {
  const range = max === undefined ? `an integer >= ${min}` : `an integer from ${min} to ${max}`;
  const n = z.coerce.number({ error: range }).int({ error: range }).min(min, { error: range });
  return max === undefined ? n : n.max(max, { error: range });
};

/** APPLICATION_RETENTION_DAYS (server) and `npm run anonymize -- --days`: applications older than this are anonymised. */
export const RetentionDaysSchema = integerSetting(1).default(365);
