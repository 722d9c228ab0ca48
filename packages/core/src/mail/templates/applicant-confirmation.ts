import { aupresDe } from "../../referentials/text";
import { escapeHtml, joinText, layout, link, multiline, paragraph, type RenderedMail } from "./layout";

export interface ApplicantConfirmationData {
  applicantFirstName: string;
  companyName: string | null;
  companyAddress: string | null;
  companyNaf: string | null;
  /** The offer's title, or the métier of a spontaneous application. */
  jobTitle: string | null;
  /** An answer to an offer (matcha) rather than a spontaneous application. */
  offer: boolean;
  message: string | null;
  fileName: string;
  /** The candidate's one follow-up of the company (docs/reference/v1.md#s9-8). */
  followUpUrl: string;
}

export const FOLLOW_UP_LINK_LABEL = "Relancer l'entreprise";

export function renderApplicantConfirmation(d: ApplicantConfirmationData): RenderedMail {
  const company = d.companyName ?? "l'entreprise";
  const subject = `Votre candidature chez ${company}`;
  const what = d.offer
    ? `pour l'offre${d.jobTitle ? ` « ${d.jobTitle} »` : ""}`
    : `spontanée${d.jobTitle ? ` (${d.jobTitle})` : ""}`;
  // The CV went to the company; this confirmation carries no attachment, and says so.
  const sent = `Votre candidature ${what} ${aupresDe(company)} a bien été envoyée, avec votre CV (${d.fileName}).`;
  const followUp =
    "Pas de réponse d'ici une semaine ? Vous pouvez relancer l'entreprise une fois, en un clic : nous lui enverrons un message poli de votre part.";
  const details = [d.companyName, d.companyAddress, d.companyNaf].filter((v): v is string => !!v);
  const html = layout(
    subject,
    [
      paragraph(`Bonjour ${escapeHtml(d.applicantFirstName)},`),
      paragraph(escapeHtml(sent)),
      details.length ? paragraph(details.map(escapeHtml).join("<br />")) : "",
      d.message ? paragraph(`<strong>Votre message :</strong><br />${multiline(d.message)}`) : "",
      paragraph(
        "Si le recruteur répond depuis notre service, vous recevrez sa réponse par e-mail. Pensez aussi à le relancer par téléphone dans une semaine.",
      ),
      paragraph(`${escapeHtml(followUp)} ${link(FOLLOW_UP_LINK_LABEL, d.followUpUrl)}`),
      paragraph("Bonne chance !"),
    ].join("\n"),
  );
  const text = joinText([
    `Bonjour ${d.applicantFirstName},`,
    "",
    sent,
    details.length ? `\n${details.join("\n")}` : null,
    d.message ? `\nVotre message :\n${d.message}` : null,
    "",
    "Si le recruteur répond depuis notre service, vous recevrez sa réponse par e-mail. Pensez aussi à le relancer par téléphone dans une semaine.",
    "",
    followUp,
    `${FOLLOW_UP_LINK_LABEL} : ${d.followUpUrl}`,
    "",
    "Bonne chance !",
  ]);
  return { subject, html, text };
}
