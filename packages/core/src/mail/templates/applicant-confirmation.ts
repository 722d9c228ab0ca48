import { aupresDe } from "../../referentials/text";
import { escapeHtml, joinText, layout, multiline, paragraph, type RenderedMail } from "./layout";

export interface ApplicantConfirmationData {
  applicantFirstName: string;
  companyName: string | null;
  companyAddress: string | null;
  companyNaf: string | null;
  jobTitle: string | null;
  message: string | null;
  fileName: string;
}

export function renderApplicantConfirmation(d: ApplicantConfirmationData): RenderedMail {
  const company = d.companyName ?? "l'entreprise";
  const subject = `Votre candidature chez ${company}`;
  const what = d.jobTitle ? `pour l'offre « ${d.jobTitle} »` : "spontanée";
  // The CV went to the company; this confirmation carries no attachment, and says so.
  const sent = `Votre candidature ${what} ${aupresDe(company)} a bien été envoyée, avec votre CV (${d.fileName}).`;
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
    "Bonne chance !",
  ]);
  return { subject, html, text };
}
