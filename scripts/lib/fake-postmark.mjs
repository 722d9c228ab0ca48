// A Postmark stand-in on loopback speaking its `POST /email` protocol, for the scripts that drive the built server
// (scripts/faults.mjs, scripts/cluster/run.mjs): every message is recorded when it arrives (Postmark has it from
// then on) and answered `delayMs` later.
import { createServer } from "node:http";

/**
 * Starts the fake on a free loopback port. Returns `{ url, received, inFlight, until, whenInFlight, close }`:
 * `received` lists every message in order of arrival (`{ messageId, to, replyTo, subject, tag, text }`), `inFlight`
 * counts the messages received and not answered yet by tag, `until(condition)` resolves once `condition()` holds
 * (checked at each arrival and answer), `whenInFlight(n)` once at least n company e-mails and n applicant
 * confirmations are in flight together. `onArrival(message)` is called on arrival, before the message is recorded.
 */
export async function startFakePostmark({ delayMs = 0, onArrival = () => {} } = {}) {
  const received = [];
  const inFlight = { "application-company": 0, "application-applicant": 0 };
  let waiters = [];
  const changed = () => (waiters = waiters.filter((settled) => !settled()));
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      const mail = {
        messageId: `pm-${received.length + 1}`,
        to: body.To,
        replyTo: body.ReplyTo,
        subject: body.Subject,
        tag: body.Tag,
        text: body.TextBody,
      };
      onArrival(mail);
      received.push(mail);
      inFlight[mail.tag] = (inFlight[mail.tag] ?? 0) + 1;
      let answered = false;
      const settle = () => {
        if (answered) return;
        answered = true;
        inFlight[mail.tag] -= 1;
        changed();
      };
      // A SIGKILLed server cuts the connection: the message stays received, its answer is lost.
      res.once("close", settle);
      changed();
      setTimeout(() => {
        settle();
        if (res.destroyed) return;
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            To: body.To,
            SubmittedAt: new Date().toISOString(),
            MessageID: mail.messageId,
            ErrorCode: 0,
            Message: "OK",
          }),
        );
      }, delayMs);
    });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const until = (condition) =>
    new Promise((resolveWhen) => {
      const settled = () => condition() && (resolveWhen(), true);
      if (!settled()) waiters.push(settled);
    });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    received,
    inFlight,
    until,
    whenInFlight: (n) =>
      until(() => inFlight["application-company"] >= n && inFlight["application-applicant"] >= n),
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** The signed reply tokens of a company e-mail, by intention (`{ entretien, ne_sais_pas, refus }`), decoded. */
export function replyTokensOfMail(text) {
  const tokens = {};
  for (const [, raw] of (text ?? "").matchAll(/formulaire-intention\?token=([^\s"<]+)/g)) {
    const token = decodeURIComponent(raw);
    const payload = payloadOf(token);
    if (typeof payload?.i === "string") tokens[payload.i] = token;
  }
  return tokens;
}

/** The application a company e-mail's reply links point to (the public id in the signed token's payload). */
export function applicationOfMail(text) {
  const token = /formulaire-intention\?token=([^\s"<]+)/.exec(text ?? "")?.[1];
  return token ? (payloadOf(decodeURIComponent(token))?.a ?? null) : null;
}

function payloadOf(token) {
  try {
    return JSON.parse(Buffer.from(token.split(".")[0], "base64url").toString("utf8"));
  } catch {
    return null;
  }
}
