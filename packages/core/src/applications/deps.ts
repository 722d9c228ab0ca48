import type { VirusScanner, ClamavConfig } from "../antivirus/clamav";
import type { CoreDeps } from "../deps";
import type { Mailer } from "../mail/mailer";

/**
 * A reservation or an Idempotency-Key claim still pending after this long belongs to a process that died while sending it (no send lasts
 * that long: the mail transport and the antivirus time out well before); a retry may take it over (decision 028).
 */
export const ABANDONED_AFTER_MS = 10 * 60_000;

/** Later than any stored date (ISO strings compare as text): "everything so far". */
export const END_OF_TIME = new Date("9999-12-31T23:59:59.999Z");

export interface ApplicationSettings {
  /** docs/reference/v1.md#s9-7: 100 per applicant e-mail and day; the 101st is refused. */
  maxApplicationsPerDay: number;
  /** Lifetime of recruiter reply links. */
  replyTokenTtlDays: number;
  /** Lifetime of the companies' unsubscription links (decision 026). */
  unsubscribeTokenTtlDays: number;
  /** docs/reference/v1.md#s9-8: days without an answer before the one reminder to the recruiter; 0: never. */
  reminderAfterDays: number;
  /** Calendar used for the daily quota (the original used the server's local day). */
  timeZone: string;
  /** Absent: no antivirus scan. */
  antivirus: { scanner: VirusScanner; policyWhenUnreachable: ClamavConfig["policyWhenUnreachable"] } | null;
}

export const DEFAULT_APPLICATION_SETTINGS: ApplicationSettings = {
  maxApplicationsPerDay: 100,
  replyTokenTtlDays: 30,
  unsubscribeTokenTtlDays: 365,
  reminderAfterDays: 7,
  timeZone: "Europe/Paris",
  antivirus: null,
};

export interface ApplicationDeps extends CoreDeps {
  mailer: Mailer;
  applications?: Partial<ApplicationSettings>;
  /**
   * Called after this process changed what searches show of a company: an address put on or taken off the
   * blacklist, an unsubscription recorded or undone. The server empties its search answer cache there, since
   * answers embed whether a company can be applied to and the cache does not see this process's own writes.
   */
  onSearchDataChanged?: () => void;
}

export function settingsOf(deps: ApplicationDeps): ApplicationSettings {
  return { ...DEFAULT_APPLICATION_SETTINGS, ...deps.applications };
}
