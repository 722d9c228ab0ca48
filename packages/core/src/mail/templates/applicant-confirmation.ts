import { aupresDe } from "../../referentials/text";
import { escapeHtml, joinText, layout, link, paragraph, type RenderedMail } from "./layout";

/**
 * The confirmation goes to an address nobody verified: besides the applicant's own first name, it carries no text
 * of the request, only the server's data (decision 035), so that it cannot relay a stranger's words.
 */
export interface ApplicantConfirmationData {
  applicantFirstName: string;
  /** The company's name, address and NAF label, from the server's data. */
  companyName: string | null;
  companyAddress: string | null;
  companyNaf: string | null;
  /** An answer to an offer (matcha): the offer's title from the server's data; null for a spontaneous application. */
  offerTitle: string | null;
  /** An answer to an offer (matcha) rather than a spontaneous application. */
  offer: boolean;
  /** The applicant wrote a message: it went to the company, it is not repeated here. */
  withMessage: boolean;
  /** The candidate's one follow-up of the company (docs/reference/v1.md#s9-8). */
  followUpUrl: string;
}

export const FOLLOW_UP_LINK_LABEL = "Relancer l'entreprise";

export function renderApplicantConfirmation(d: ApplicantConfirmationData): RenderedMail {
  const company = d.companyName ?? "l'entreprise";
  const subject = `Votre candidature chez ${company}`;
  const what = d.offer ? `pour l'offre${d.offerTitle ? ` « ${d.offerTitle} »` : ""}` : "spontanée";
  // The CV went to the company; this confirmation carries no attachment, and says so.
  const sent = `Votre candidature ${what} ${aupresDe(company)} a bien été envoyée, avec votre CV${d.withMessage ? " et votre message" : ""}.`;
  const followUp =
    "Pas de réponse d'ici une semaine ? Vous pouvez relancer l'entreprise une fois, en un clic : nous lui enverrons un message poli de votre part.";
  const details = [d.companyName, d.companyAddress, d.companyNaf].filter((v): v is string => !!v);
  const html = layout(
    subject,
    [
      paragraph(`Bonjour ${escapeHtml(d.applicantFirstName)},`),
      paragraph(escapeHtml(sent)),
      details.length ? paragraph(details.map(escapeHtml).join("<br />")) : "",
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
