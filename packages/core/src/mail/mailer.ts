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
  /** The transport's own error code, if it gave one (Postmark's `ErrorCode`), for logs. */
  readonly code: number | null;
  /**
   * The refusal is about the recipient's address itself (inactive, or not a valid address): every later message
   * to it would be refused too, as if it had hard-bounced.
   */
  readonly recipientRejected: boolean;

  constructor(message: string, details: { code?: number; recipientRejected?: boolean } = {}) {
    super(message);
    this.code = details.code ?? null;
    this.recipientRejected = details.recipientRejected ?? false;
  }
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
