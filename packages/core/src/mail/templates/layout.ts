export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** User-written text (cover letter, recruiter comment): escaped, line breaks kept. */
export function multiline(value: string): string {
  return escapeHtml(value).replace(/\r?\n/g, "<br />");
}

export function paragraph(inner: string): string {
  return `<p style="margin:0 0 16px;line-height:1.5">${inner}</p>`;
}

export function button(label: string, href: string, color = "#000091"): string {
  return `<a href="${escapeHtml(href)}" style="display:inline-block;margin:0 8px 8px 0;padding:10px 16px;background:${color};color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(label)}</a>`;
}

export function link(label: string, href: string): string {
  return `<a href="${escapeHtml(href)}" style="color:#000091">${escapeHtml(label)}</a>`;
}

/** The footer of an e-mail sent from an address nobody reads. */
const NO_REPLY =
  "Ce message vous est envoyé par La bonne alternance. Merci de ne pas répondre à l'adresse d'expédition.";

/**
 * The footer of an e-mail to a company whose Reply-To is the candidate: replying is the natural way to answer, and
 * it reaches the candidate (the no-reply footer told recruiters the opposite).
 */
export const REPLIES_REACH_APPLICANT =
  "Ce message vous est envoyé par La bonne alternance. Si vous y répondez, votre réponse est adressée directement au candidat.";

/** Wraps already-escaped body HTML in the common frame; `footer` (plain text) defaults to the no-reply one. */
export function layout(title: string, bodyHtml: string, footer: string = NO_REPLY): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:0;background:#f6f6f6;font-family:Arial,Helvetica,sans-serif;color:#1e1e1e">
<div style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff">
<p style="margin:0 0 24px;font-weight:bold;color:#000091">La bonne alternance</p>
${bodyHtml}
<p style="margin:32px 0 0;font-size:12px;color:#666666">${escapeHtml(footer)}</p>
</div></body></html>`;
}

export function joinText(lines: (string | false | null | undefined)[]): string {
  return `${lines.filter((l): l is string => typeof l === "string").join("\n")}\n\n--\nLa bonne alternance\n`;
}
