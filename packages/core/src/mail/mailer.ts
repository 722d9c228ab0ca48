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

export interface Mailer {
  /** Resolves once the transport accepted the message; rejects when it refused it. */
  send(message: MailMessage): Promise<{ messageId: string }>;
}
