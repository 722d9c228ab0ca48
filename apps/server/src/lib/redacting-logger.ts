import type { Logger } from "@lba/core/deps";

// Anything shaped like an address: transports name the recipient in their errors (Postmark: "Found inactive
// addresses: ..."), and a company e-mail must never reach a log line.
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

export function redactEmails(text: string): string {
  return text.replace(EMAIL, "[e-mail]");
}

function redactData(data: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!data) return data;
  const json = JSON.stringify(data);
  const redacted = redactEmails(json);
  return redacted === json ? data : (JSON.parse(redacted) as Record<string, unknown>);
}

/** Wraps a logger so that no e-mail address (company or applicant) is ever written, whatever logs it. */
export function redactingLogger(log: Logger): Logger {
  return {
    info: (message, data) => log.info(redactEmails(message), redactData(data)),
    warn: (message, data) => log.warn(redactEmails(message), redactData(data)),
    error: (message, data) => log.error(redactEmails(message), redactData(data)),
  };
}
