import type { Intention } from "./application-to-company";
import { escapeHtml, joinText, layout, link, multiline, paragraph, type RenderedMail } from "./layout";

export interface IntentionReplyData {
  intention: Intention;
  applicantFirstName: string;
  companyName: string | null;
  /** May be empty when a refusal gives its reasons only. */
  comment: string;
  /** Refusals: the reasons the recruiter ticked, as sentences. */
  refusalReasons?: string[];
  email: string | null;
  phone: string | null;
  publicUrl: string;
}

// One sentence each, after "<company> a répondu à votre candidature.": never two colons in a row.
const INTRO: Record<Intention, string> = {
  entretien: "Bonne nouvelle, le recruteur souhaite vous rencontrer en entretien.",
  ne_sais_pas:
    "Le recruteur a bien reçu votre candidature mais ne peut pas encore vous donner de réponse définitive.",
  refus: "Le recruteur ne donne malheureusement pas suite à votre candidature.",
};

/** docs/reference/v1.md#s9-5: one notification per recruiter intention. */
export function renderIntentionReply(d: IntentionReplyData): RenderedMail {
  const company = d.companyName ?? "l'entreprise";
  const subject =
    d.intention === "entretien"
      ? `Réponse positive à votre candidature chez ${company}`
      : `Réponse à votre candidature chez ${company}`;
  const showContact = d.intention !== "refus" && (d.email || d.phone);
  const prepareUrl = `${d.publicUrl}/conseils-entretien`;
  // A refusal sends the candidate back to the search, as the positive reply links its advice.
  const searchUrl = `${d.publicUrl}/recherche-apprentissage`;
  const reasons = d.refusalReasons ?? [];
  const html = layout(
    subject,
    [
      paragraph(`Bonjour ${escapeHtml(d.applicantFirstName)},`),
      paragraph(`${escapeHtml(company)} a répondu à votre candidature. ${escapeHtml(INTRO[d.intention])}`),
      reasons.length
        ? `${paragraph("<strong>Motifs indiqués par le recruteur :</strong>")}<ul style="margin:0 0 16px">${reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join("")}</ul>`
        : "",
      d.comment ? paragraph(`<strong>Message du recruteur :</strong><br />${multiline(d.comment)}`) : "",
      showContact
        ? paragraph(
            `<strong>Pour le contacter :</strong>${d.email ? `<br />E-mail : ${link(d.email, `mailto:${d.email}`)}` : ""}${d.phone ? `<br />Téléphone : ${escapeHtml(d.phone)}` : ""}`,
          )
        : "",
      d.intention === "entretien"
        ? paragraph(`Préparez votre entretien : ${link("nos conseils", prepareUrl)}.`)
        : "",
      d.intention === "refus"
        ? paragraph(
            `Ne vous découragez pas : d'autres entreprises recrutent, continuez vos recherches sur ${link("La bonne alternance", searchUrl)}.`,
          )
        : "",
    ].join("\n"),
  );
  const text = joinText([
    `Bonjour ${d.applicantFirstName},`,
    "",
    `${company} a répondu à votre candidature. ${INTRO[d.intention]}`,
    reasons.length
      ? `\nMotifs indiqués par le recruteur :\n${reasons.map((r) => `- ${r}`).join("\n")}`
      : null,
    d.comment ? `\nMessage du recruteur :\n${d.comment}` : null,
    showContact ? "\nPour le contacter :" : null,
    showContact && d.email ? `E-mail : ${d.email}` : null,
    showContact && d.phone ? `Téléphone : ${d.phone}` : null,
    d.intention === "entretien" ? `\nPréparez votre entretien : ${prepareUrl}` : null,
    d.intention === "refus"
      ? `\nNe vous découragez pas : d'autres entreprises recrutent, continuez vos recherches sur La bonne alternance.\n${searchUrl}`
      : null,
  ]);
  return { subject, html, text };
}
