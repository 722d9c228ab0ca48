import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { MailRefusedError } from "./mailer";
import { createPostmarkMailer } from "./postmark-mailer";

interface Received {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** Speaks the part of Postmark's HTTP API we use: POST /email. */
async function fakePostmark(reply: (body: Record<string, unknown>) => [number, unknown]) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
      received.push({ method: req.method, url: req.url, headers: req.headers, body });
      const [status, payload] = reply(body);
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(payload));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

let servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  servers = [];
});

describe("createPostmarkMailer", () => {
  it("posts the message, its attachment and the server token to the Postmark API", async () => {
    const api = await fakePostmark((body) => [
      200,
      { To: body.To, SubmittedAt: "2024-05-15T10:00:00Z", MessageID: "pm-123", ErrorCode: 0, Message: "OK" },
    ]);
    const mailer = createPostmarkMailer({
      serverToken: "server-token-1",
      from: "LBA <no-reply@lba.example>",
      apiUrl: api.url,
    });
    const result = await mailer.send({
      to: "rh@entreprise.example",
      replyTo: "camille@example.org",
      subject: "Candidature spontanée en alternance",
      html: "<p>Bonjour</p>",
      text: "Bonjour",
      tag: "application-company",
      attachments: [{ name: "cv.pdf", contentType: "application/pdf", contentBase64: "JVBERi0xLjQ=" }],
    });
    expect(result).toEqual({ messageId: "pm-123" });
    const [request] = api.received;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("/email");
    expect(request?.headers["x-postmark-server-token"]).toBe("server-token-1");
    expect(request?.headers.accept).toBe("application/json");
    expect(request?.body).toMatchObject({
      From: "LBA <no-reply@lba.example>",
      To: "rh@entreprise.example",
      ReplyTo: "camille@example.org",
      Subject: "Candidature spontanée en alternance",
      HtmlBody: "<p>Bonjour</p>",
      TextBody: "Bonjour",
      Tag: "application-company",
      TrackOpens: true,
      MessageStream: "outbound",
      Attachments: [
        { Name: "cv.pdf", Content: "JVBERi0xLjQ=", ContentType: "application/pdf", ContentID: null },
      ],
    });
  });

  it("never gives Postmark a control character in the subject or an attachment name", async () => {
    const api = await fakePostmark(() => [200, { MessageID: "pm-1", ErrorCode: 0, Message: "OK" }]);
    const mailer = createPostmarkMailer({ serverToken: "t", from: "no-reply@lba.example", apiUrl: api.url });
    await mailer.send({
      to: "rh@entreprise.example",
      subject: "Candidature\r\nBcc: victime@example.org\u0000",
      html: "h",
      text: "t",
      attachments: [{ name: "cv\r\n\u0000.pdf", contentType: "application/pdf", contentBase64: "JVBE" }],
    });
    expect(api.received[0]?.body).toMatchObject({
      Subject: "Candidature Bcc: victime@example.org",
      Attachments: [{ Name: "cv.pdf" }],
    });
  });

  it("rejects with MailRefusedError when Postmark refuses the message, not when it cannot be reached", async () => {
    const api = await fakePostmark(() => [422, { ErrorCode: 300, Message: "Invalid email request" }]);
    const refusing = createPostmarkMailer({
      serverToken: "t",
      from: "no-reply@lba.example",
      apiUrl: api.url,
    });
    await expect(refusing.send({ to: "x@y.fr", subject: "s", html: "h", text: "t" })).rejects.toBeInstanceOf(
      MailRefusedError,
    );
    const down = await fakePostmark(() => [503, { ErrorCode: 0, Message: "down" }]);
    const unknown = createPostmarkMailer({
      serverToken: "t",
      from: "no-reply@lba.example",
      apiUrl: down.url,
    });
    const error = await unknown.send({ to: "x@y.fr", subject: "s", html: "h", text: "t" }).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(MailRefusedError);
  });

  it("says when Postmark refuses the recipient itself: inactive (406) or an invalid To (300), not another 300", async () => {
    const refusalFor = async (payload: { ErrorCode: number; Message: string }) => {
      const api = await fakePostmark(() => [422, payload]);
      const mailer = createPostmarkMailer({
        serverToken: "t",
        from: "no-reply@lba.example",
        apiUrl: api.url,
      });
      return mailer.send({ to: "rh@entreprise.example", subject: "s", html: "h", text: "t" }).catch((e) => e);
    };
    expect(
      await refusalFor({
        ErrorCode: 406,
        Message:
          "You tried to send to recipient(s) that have been marked as inactive. Found inactive addresses: rh@entreprise.example. Inactive recipients are ones that have generated a hard bounce, a spam complaint, or a manual suppression.",
      }),
    ).toMatchObject({ name: "MailRefusedError", code: 406, recipientRejected: true });
    expect(
      await refusalFor({ ErrorCode: 300, Message: "Invalid 'To' address: 'rh@entreprise'." }),
    ).toMatchObject({ code: 300, recipientRejected: true });
    expect(
      await refusalFor({
        ErrorCode: 300,
        Message: "Error parsing 'To': Illegal email address 'rh'. It must contain the '@' symbol.",
      }),
    ).toMatchObject({ code: 300, recipientRejected: true });
    // 300 is also an empty body or too many recipients: our message, not the address.
    expect(
      await refusalFor({ ErrorCode: 300, Message: "Provide either email TextBody or HtmlBody or both." }),
    ).toMatchObject({ code: 300, recipientRejected: false });
    expect(
      await refusalFor({
        ErrorCode: 400,
        Message: "The 'From' address you supplied is not a Sender Signature.",
      }),
    ).toMatchObject({ code: 400, recipientRejected: false });
  });

  it("rejects when Postmark refuses the message", async () => {
    const api = await fakePostmark(() => [
      422,
      { ErrorCode: 406, Message: "You tried to send to a recipient that has been marked as inactive." },
    ]);
    const mailer = createPostmarkMailer({ serverToken: "t", from: "no-reply@lba.example", apiUrl: api.url });
    await expect(mailer.send({ to: "x@y.fr", subject: "s", html: "h", text: "t" })).rejects.toThrow(
      /inactive/,
    );
  });
});
