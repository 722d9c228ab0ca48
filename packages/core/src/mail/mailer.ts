import { singleLine, withoutControlCharacters } from "../schemas/application-limits";

export interface MailAttachment {
  name: string;
  contentType: string;
  contentBase64: string;
}

export interface MailMessage {
  /** Defaults to the mailer's own sender. */
  from?: string;
  to: string;
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  attachments?: MailAttachment[];
  /** Kind of message (e.g. "application-company"), kept by the transport for tracking. */
  tag?: string;
}

/**
 * The transport answered that it will not send the message (e.g. Postmark's 4xx): it did not leave. Any other
 * rejection leaves the outcome unknown (timeout, connection cut, 5xx): the message may have left.
 */
export class MailRefusedError extends Error {
  override name = "MailRefusedError";
}

export interface Mailer {
  /** Resolves once the transport accepted the message; rejects with MailRefusedError when it refused it. */
  send(message: MailMessage): Promise<{ messageId: string }>;
}

/** What a transport may put in a header: the subject on one line, attachment names without control characters. */
export function headerSafe(message: MailMessage): MailMessage {
  if (!message.attachments) return { ...message, subject: singleLine(message.subject) };
  return {
    ...message,
    subject: singleLine(message.subject),
    attachments: message.attachments.map((a) => ({ ...a, name: withoutControlCharacters(a.name) })),
  };
}
