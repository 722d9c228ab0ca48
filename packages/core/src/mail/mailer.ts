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
