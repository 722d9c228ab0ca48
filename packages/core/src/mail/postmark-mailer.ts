import { Errors, ServerClient } from "postmark";
import { headerSafe, MailRefusedError, type Mailer } from "./mailer";

export interface PostmarkMailerOptions {
  serverToken: string;
  from: string;
  /** e.g. "http://127.0.0.1:4010" for a local fake; defaults to https://api.postmarkapp.com. */
  apiUrl?: string;
  /** Postmark message stream; "outbound" is the default transactional stream. */
  messageStream?: string;
  timeoutSeconds?: number;
}

/** Postmark's ErrorCode for a recipient marked inactive (hard bounce, spam complaint or manual suppression). */
const INACTIVE_RECIPIENT = 406;
/** Postmark's ErrorCode for any invalid request; only its messages naming the To address are about the recipient. */
const INVALID_EMAIL_REQUEST = 300;

/** Postmark's definite refusal, saying whether the recipient's address itself is unusable. */
function refusal(code: number, message: string): MailRefusedError {
  const recipientRejected =
    code === INACTIVE_RECIPIENT ||
    (code === INVALID_EMAIL_REQUEST && /(Invalid|Error parsing) 'To'/i.test(message));
  return new MailRefusedError(`Postmark refused the message: ${code} ${message}`, {
    code,
    recipientRejected,
  });
}

/** Production transport through the official client; open tracking is on so the webhook receives Open events. */
export function createPostmarkMailer(options: PostmarkMailerOptions): Mailer {
  const config: { useHttps?: boolean; requestHost?: string; timeout?: number } = {
    timeout: options.timeoutSeconds ?? 30,
  };
  if (options.apiUrl) {
    // The v5 client builds `${useHttps ? "https" : "http"}://${requestHost}${path}`, so host, port and a path prefix all fit in requestHost.
    const url = new URL(options.apiUrl);
    config.useHttps = url.protocol === "https:";
    config.requestHost = `${url.host}${url.pathname.replace(/\/$/, "")}`;
  }
  const client = new ServerClient(options.serverToken, config);
  return {
    async send(unsafe) {
      const message = headerSafe(unsafe);
      const response = await client
        .sendEmail({
          From: message.from ?? options.from,
          To: message.to,
          ReplyTo: message.replyTo,
          Subject: message.subject,
          HtmlBody: message.html,
          TextBody: message.text,
          Tag: message.tag,
          TrackOpens: true,
          MessageStream: options.messageStream ?? "outbound",
          Attachments: (message.attachments ?? []).map((a) => ({
            Name: a.name,
            Content: a.contentBase64,
            ContentType: a.contentType,
            ContentID: null,
          })),
        })
        .catch((error: unknown) => {
          // A 4xx is Postmark's definite refusal; a network error (status 0) or a 5xx leaves the outcome unknown.
          if (error instanceof Errors.PostmarkError && error.statusCode >= 400 && error.statusCode < 500)
            throw refusal(error.code, error.message);
          throw error;
        });
      if (response.ErrorCode !== 0) throw refusal(response.ErrorCode, response.Message);
      return { messageId: response.MessageID };
    },
  };
}
