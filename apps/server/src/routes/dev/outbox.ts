import type { OutboxMessage } from "@lba/core/mail";
import { escapeHtml } from "@lba/core/mail";
import type { WriteStore } from "@lba/core/db";
import type { Hono } from "hono";

function page(title: string, body: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:24px}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:6px;text-align:left;vertical-align:top}td{overflow-wrap:anywhere}iframe{width:100%;height:70vh;border:1px solid #ccc}pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f6f6;padding:12px}
@media (max-width:600px){body{margin:12px}.list thead{display:none}.list tr{display:block;border-bottom:1px solid #ddd;padding:6px 0}.list td{display:block;border:0;padding:2px 0}.list td::before{content:attr(data-label) " : ";font-weight:600}}</style>
</head><body>${body}</body></html>`;
}

// The list's columns: each heading, and the cell of a message. Under 600 px the headings are hidden and each cell
// shows its own (data-label).
const LIST_COLUMNS: [string, (m: OutboxMessage) => string][] = [
  ["Date", (m) => escapeHtml(m.createdAt)],
  ["Destinataire", (m) => escapeHtml(m.to)],
  ["Objet", (m) => `<a href="/dev/outbox/${m.id}">${escapeHtml(m.subject)}</a>`],
  ["Pièces jointes", (m) => String(m.attachments.length)],
  ["Type", (m) => escapeHtml(m.tag ?? "")],
];

function listPage(messages: OutboxMessage[]): string {
  const headings = LIST_COLUMNS.map(([label]) => `<th>${label}</th>`).join("");
  const rows = messages
    .map(
      (m) =>
        `<tr>${LIST_COLUMNS.map(([label, cell]) => `<td data-label="${label}">${cell(m)}</td>`).join("")}</tr>`,
    )
    .join("");
  return page(
    "Boîte d'envoi (développement)",
    `<h1>Boîte d'envoi (développement)</h1><p>${messages.length} message(s). Ces e-mails n'ont pas été envoyés : Postmark n'est pas configuré.</p>
<table class="list"><thead><tr>${headings}</tr></thead><tbody>${rows}</tbody></table>`,
  );
}

function messagePage(m: OutboxMessage): string {
  const attachments = m.attachments
    .map(
      (a, i) =>
        `<li><a href="/dev/outbox/${m.id}/attachments/${i}">${escapeHtml(a.name)}</a> (${escapeHtml(a.contentType)})</li>`,
    )
    .join("");
  return page(
    m.subject,
    `<p><a href="/dev/outbox">← Boîte d'envoi</a></p><h1>${escapeHtml(m.subject)}</h1>
<table><tr><th>De</th><td>${escapeHtml(m.from)}</td></tr><tr><th>À</th><td>${escapeHtml(m.to)}</td></tr>
<tr><th>Répondre à</th><td>${escapeHtml(m.replyTo ?? "")}</td></tr><tr><th>Date</th><td>${escapeHtml(m.createdAt)}</td></tr></table>
${attachments ? `<h2>Pièces jointes</h2><ul>${attachments}</ul>` : ""}
<h2>HTML</h2><iframe sandbox title="Version HTML" src="/dev/outbox/${m.id}/html"></iframe>
<h2>Texte</h2><pre>${escapeHtml(m.text)}</pre>`,
  );
}

/** Development view of the outbox transport (SQLite or PostgreSQL): list, message, HTML body and attachments. */
export function registerOutboxRoutes(app: Hono, store: WriteStore) {
  const find = async (id: string) => (/^\d+$/.test(id) ? await store.outbox.get(Number(id)) : undefined);

  app.get("/dev/outbox", async (c) => c.html(listPage(await store.outbox.list(200))));

  app.get("/dev/outbox/:id", async (c) => {
    const m = await find(c.req.param("id"));
    return m ? c.html(messagePage(m)) : c.json({ error: "not_found" }, 404);
  });

  app.get("/dev/outbox/:id/html", async (c) => {
    const m = await find(c.req.param("id"));
    if (!m) return c.json({ error: "not_found" }, 404);
    // The stored HTML is rendered as-is: keep it from running scripts or reaching the app.
    c.header(
      "Content-Security-Policy",
      "sandbox; default-src 'none'; img-src data: https:; style-src 'unsafe-inline'",
    );
    return c.html(m.html);
  });

  app.get("/dev/outbox/:id/attachments/:index", async (c) => {
    const attachment = (await find(c.req.param("id")))?.attachments[Number(c.req.param("index"))];
    if (!attachment) return c.json({ error: "not_found" }, 404);
    // filename: an ASCII fallback (a header holds Latin-1 at most); filename*: the real name (RFC 5987).
    const name = attachment.name.replace(/[^\x20-\x7e]|["\\]/g, "_");
    const encoded = encodeURIComponent(attachment.name).replace(
      /['()*]/g,
      (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
    );
    return c.body(new Uint8Array(Buffer.from(attachment.contentBase64, "base64")), 200, {
      "Content-Type": attachment.contentType,
      "Content-Disposition": `attachment; filename="${name}"; filename*=UTF-8''${encoded}`,
    });
  });
}
