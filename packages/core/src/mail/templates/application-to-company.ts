import {
  button,
  escapeHtml,
  joinText,
  layout,
  link,
  multiline,
  paragraph,
  type RenderedMail,
} from "./layout";

export type Intention = "entretien" | "ne_sais_pas" | "refus";

export interface ApplicationToCompanyData {
  applicant: { firstName: string; lastName: string; email: string; phone: string };
  message: string | null;
  fileName: string;
  companyType: "lba" | "lbb" | "matcha";
  companyName: string | null;
  jobTitle: string | null;
  /** Offer page for matcha, company card otherwise. */
  detailUrl: string;
  replyUrls: Record<Intention, string>;
}

export const INTENTION_BUTTON_LABELS: Record<Intention, string> = {
  entretien: "Je propose un entretien",
  ne_sais_pas: "Je ne sais pas encore",
  refus: "Je refuse la candidature",
};

export function renderApplicationToCompany(d: ApplicationToCompanyData): RenderedMail {
  const fullName = `${d.applicant.firstName} ${d.applicant.lastName}`;
  const isOffer = d.companyType === "matcha";
  const subject =
    isOffer && d.jobTitle
      ? `Candidature en alternance - ${d.jobTitle}`
      : "Candidature spontanée en alternance";
  const why = isOffer
    ? `${fullName} répond à votre offre${d.jobTitle ? ` « ${d.jobTitle} »` : ""} publiée sur La bonne alternance.`
    : `${fullName} vous adresse une candidature spontanée : notre algorithme a identifié votre entreprise comme susceptible de recruter des alternants, d'après ses embauches passées.`;
  const html = layout(
    subject,
    [
      paragraph(`Bonjour${d.companyName ? ` ${escapeHtml(d.companyName)}` : ""},`),
      paragraph(escapeHtml(why)),
      paragraph(
        `<strong>${escapeHtml(fullName)}</strong><br />Téléphone : ${escapeHtml(d.applicant.phone)}<br />E-mail : ${link(d.applicant.email, `mailto:${d.applicant.email}`)}`,
      ),
      d.message ? paragraph(`<strong>Message du candidat :</strong><br />${multiline(d.message)}`) : "",
      paragraph(`Le CV du candidat est joint à ce message (${escapeHtml(d.fileName)}).`),
      paragraph(link(isOffer ? "Voir l'offre" : "Voir la fiche de votre entreprise", d.detailUrl)),
      paragraph("<strong>Répondez au candidat en un clic :</strong>"),
      `<p style="margin:0 0 16px">${button(INTENTION_BUTTON_LABELS.entretien, d.replyUrls.entretien, "#18753c")}${button(INTENTION_BUTTON_LABELS.ne_sais_pas, d.replyUrls.ne_sais_pas, "#000091")}${button(INTENTION_BUTTON_LABELS.refus, d.replyUrls.refus, "#ce0500")}</p>`,
    ].join("\n"),
  );
  const text = joinText([
    `Bonjour${d.companyName ? ` ${d.companyName}` : ""},`,
    "",
    why,
    "",
    fullName,
    `Téléphone : ${d.applicant.phone}`,
    `E-mail : ${d.applicant.email}`,
    d.message ? `\nMessage du candidat :\n${d.message}` : null,
    "",
    `Le CV du candidat est joint à ce message (${d.fileName}).`,
    `${isOffer ? "Voir l'offre" : "Voir la fiche de votre entreprise"} : ${d.detailUrl}`,
    "",
    "Répondez au candidat en un clic :",
    `- ${INTENTION_BUTTON_LABELS.entretien} : ${d.replyUrls.entretien}`,
    `- ${INTENTION_BUTTON_LABELS.ne_sais_pas} : ${d.replyUrls.ne_sais_pas}`,
    `- ${INTENTION_BUTTON_LABELS.refus} : ${d.replyUrls.refus}`,
  ]);
  return { subject, html, text };
}
