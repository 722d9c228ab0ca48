import { INTENTION_BUTTON_LABELS, UNSUBSCRIBE_LINK_LABEL, type Intention } from "./application-to-company";
import { frenchDate } from "../../referentials/french-date";
import {
  button,
  escapeHtml,
  joinText,
  layout,
  link,
  paragraph,
  REPLIES_REACH_APPLICANT,
  type RenderedMail,
} from "./layout";

export interface RecruiterReminderData {
  /** reminder: the service's one reminder after N days; followUp: the candidate asked us to follow up. */
  kind: "reminder" | "followUp";
  applicantFirstName: string;
  applicantLastName: string;
  companyName: string | null;
  jobTitle: string | null;
  /** ISO date of the application. */
  sentAt: string;
  recruiterViewUrl: string;
  replyUrls: Record<Intention, string>;
  unsubscribeUrl: string | null;
}

/** docs/reference/v1.md#s9-8: a recruiter who has not answered, reminded once by the service or by the candidate. */
export function renderRecruiterReminder(d: RecruiterReminderData): RenderedMail {
  const fullName = `${d.applicantFirstName} ${d.applicantLastName}`;
  const about = d.jobTitle ? ` (${d.jobTitle})` : "";
  const subject =
    d.kind === "followUp"
      ? `${fullName} attend votre réponse à sa candidature${about}`
      : `Rappel : la candidature de ${fullName}${about} attend votre réponse`;
  const date = frenchDate(new Date(d.sentAt)) ?? d.sentAt;
  const intro =
    d.kind === "followUp"
      ? `${fullName} vous a envoyé sa candidature en alternance le ${date}, par La bonne alternance. Toujours très intéressé(e) par votre entreprise, le candidat nous a demandé de vous la rappeler : une réponse, même négative, l'aidera à avancer dans sa recherche.`
      : `Le ${date}, ${fullName} vous a envoyé sa candidature en alternance par La bonne alternance, et n'a pas encore reçu de réponse. Une réponse, même négative, l'aidera à avancer dans sa recherche : elle ne prend qu'un clic.`;
  const once =
    d.kind === "followUp"
      ? "Le candidat ne peut envoyer ce rappel qu'une seule fois."
      : "Nous ne vous enverrons pas d'autre rappel pour cette candidature.";
  const html = layout(
    subject,
    [
      paragraph(`Bonjour${d.companyName ? ` ${escapeHtml(d.companyName)}` : ""},`),
      paragraph(escapeHtml(intro)),
      paragraph(link("Revoir la candidature", d.recruiterViewUrl)),
      paragraph("<strong>Répondez au candidat en un clic :</strong>"),
      `<p style="margin:0 0 16px">${button(INTENTION_BUTTON_LABELS.entretien, d.replyUrls.entretien, "#18753c")}${button(INTENTION_BUTTON_LABELS.ne_sais_pas, d.replyUrls.ne_sais_pas, "#000091")}${button(INTENTION_BUTTON_LABELS.refus, d.replyUrls.refus, "#ce0500")}</p>`,
      paragraph(escapeHtml(once)),
      d.unsubscribeUrl ? paragraph(`<small>${link(UNSUBSCRIBE_LINK_LABEL, d.unsubscribeUrl)}</small>`) : "",
    ].join("\n"),
    // Sent with the candidate as Reply-To.
    REPLIES_REACH_APPLICANT,
  );
  const text = joinText([
    `Bonjour${d.companyName ? ` ${d.companyName}` : ""},`,
    "",
    intro,
    "",
    `Revoir la candidature : ${d.recruiterViewUrl}`,
    "",
    "Répondez au candidat en un clic :",
    `- ${INTENTION_BUTTON_LABELS.entretien} : ${d.replyUrls.entretien}`,
    `- ${INTENTION_BUTTON_LABELS.ne_sais_pas} : ${d.replyUrls.ne_sais_pas}`,
    `- ${INTENTION_BUTTON_LABELS.refus} : ${d.replyUrls.refus}`,
    "",
    once,
    d.unsubscribeUrl ? `\n${UNSUBSCRIBE_LINK_LABEL} : ${d.unsubscribeUrl}` : null,
  ]);
  return { subject, html, text };
}
