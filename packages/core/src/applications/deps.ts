import type { VirusScanner, ClamavConfig } from "../antivirus/clamav";
import type { CoreDeps } from "../deps";
import type { Mailer } from "../mail/mailer";

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
}

export function settingsOf(deps: ApplicationDeps): ApplicationSettings {
  return { ...DEFAULT_APPLICATION_SETTINGS, ...deps.applications };
}
