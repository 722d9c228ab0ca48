import type { ApplicationDeps, WebhookAuth } from "@lba/core/applications";

export interface ApplicationRouteDeps {
  /** Core deps plus the mailer and the application settings. */
  applications: ApplicationDeps;
  /** Credentials Postmark must send to the webhook; null disables the webhook route. */
  webhookAuth: WebhookAuth | null;
  /**
   * Called after a bounce was recorded: a hard bounce erases the address from companies and recruiters, a write of
   * this process that the search answer cache cannot see (it only watches other connections).
   */
  onSearchDataChanged?: () => void;
  /** Request bodies above this answer 413 (the original sat behind nginx's 5 MB limit). */
  maxBodyBytes?: number;
}

export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;
