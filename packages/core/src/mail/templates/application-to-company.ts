import {
  button,
  escapeHtml,
  joinText,
  layout,
  link,
  multiline,
  paragraph,
  REPLIES_REACH_APPLICANT,
  type RenderedMail,
} from "./layout";

export type Intention = "entretien" | "ne_sais_pas" | "refus";

export interface ApplicationToCompanyData {
  applicant: { firstName: string; lastName: string; email: string; phone: string };
  message: string | null;
  fileName: string;
  companyType: "lba" | "lbb" | "matcha";
  companyName: string | null;
  companySiret: string | null;
  /** The offer's title (matcha), or the métier the candidate searched (spontaneous), when known. */
  jobTitle: string | null;
  /** The recruiter view of this application (no application form): docs/reference/v1.md#s9-8. */
  recruiterViewUrl: string;
  replyUrls: Record<Intention, string>;
  /** Spontaneous applications only: the one-click unsubscription of the company (decision 026). */
  unsubscribeUrl: string | null;
}

export const INTENTION_BUTTON_LABELS: Record<Intention, string> = {
  entretien: "Je propose un entretien",
  ne_sais_pas: "Je ne sais pas encore",
  refus: "Je refuse la candidature",
};

export const UNSUBSCRIBE_LINK_LABEL = "Ne plus recevoir de candidatures spontanées";

/** Where the service found a company it sends spontaneous applications to (docs/reference/v1.md#s9-8). */
export function whereFound(siret: string | null): string {
  return `Votre entreprise${siret ? ` (SIRET ${siret})` : ""} figure dans les données « La bonne boîte » de France Travail, qui repèrent, d'après leurs embauches passées, les entreprises susceptibles de recruter des alternants : c'est là que La bonne alternance a trouvé son adresse e-mail.`;
}

export function applicationToCompanySubject(d: {
  applicant: { firstName: string; lastName: string };
  companyType: ApplicationToCompanyData["companyType"];
  jobTitle: string | null;
}): string {
  const fullName = `${d.applicant.firstName} ${d.applicant.lastName}`;
  if (d.companyType === "matcha")
    return d.jobTitle
      ? `Candidature de ${fullName} à votre offre « ${d.jobTitle} »`
      : `Candidature de ${fullName} à votre offre en alternance`;
  return d.jobTitle
    ? `Candidature spontanée de ${fullName} en alternance : ${d.jobTitle}`
    : `Candidature spontanée de ${fullName} en alternance`;
}

export function renderApplicationToCompany(d: ApplicationToCompanyData): RenderedMail {
  const fullName = `${d.applicant.firstName} ${d.applicant.lastName}`;
  const isOffer = d.companyType === "matcha";
  const subject = applicationToCompanySubject(d);
  const why = isOffer
    ? `${fullName} répond à votre offre${d.jobTitle ? ` « ${d.jobTitle} »` : ""} publiée sur La bonne alternance.`
    : `${fullName} vous adresse une candidature spontanée${d.jobTitle ? ` pour le métier « ${d.jobTitle} »` : ""} : notre algorithme a identifié votre entreprise comme susceptible de recruter des alternants, d'après ses embauches passées.`;
  const found = isOffer ? null : whereFound(d.companySiret);
  const stop = d.unsubscribeUrl
    ? "Vous ne souhaitez plus recevoir de candidatures spontanées ? Un clic suffit, et vous pourrez annuler ce choix :"
    : null;
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
      paragraph(link("Voir la candidature", d.recruiterViewUrl)),
      paragraph("<strong>Répondez au candidat en un clic :</strong>"),
      `<p style="margin:0 0 16px">${button(INTENTION_BUTTON_LABELS.entretien, d.replyUrls.entretien, "#18753c")}${button(INTENTION_BUTTON_LABELS.ne_sais_pas, d.replyUrls.ne_sais_pas, "#000091")}${button(INTENTION_BUTTON_LABELS.refus, d.replyUrls.refus, "#ce0500")}</p>`,
      found ? paragraph(`<small>${escapeHtml(found)}</small>`) : "",
      stop && d.unsubscribeUrl
        ? paragraph(`<small>${escapeHtml(stop)} ${link(UNSUBSCRIBE_LINK_LABEL, d.unsubscribeUrl)}.</small>`)
        : "",
    ].join("\n"),
    // Sent with the candidate as Reply-To.
    REPLIES_REACH_APPLICANT,
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
    `Voir la candidature : ${d.recruiterViewUrl}`,
    "",
    "Répondez au candidat en un clic :",
    `- ${INTENTION_BUTTON_LABELS.entretien} : ${d.replyUrls.entretien}`,
    `- ${INTENTION_BUTTON_LABELS.ne_sais_pas} : ${d.replyUrls.ne_sais_pas}`,
    `- ${INTENTION_BUTTON_LABELS.refus} : ${d.replyUrls.refus}`,
    found ? `\n${found}` : null,
    stop && d.unsubscribeUrl ? `${stop}\n${UNSUBSCRIBE_LINK_LABEL} : ${d.unsubscribeUrl}` : null,
  ]);
  return { subject, html, text };
}
