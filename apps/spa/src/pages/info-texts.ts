import { plural } from "../lib/format";
import type { SiteInfo } from "../lib/site-info";

// Sentences of the information pages that depend on the server's settings (docs/reference/v1.md#s11-6).

type Settings = Pick<SiteInfo, "reminderAfterDays" | "maxApplicationsPerDay">;

/**
 * FAQ, "L'entreprise ne m'a pas répondu, que faire ?": the reminder only when the server sends one; where e-mails
 * are kept instead of sent (MAIL_TRANSPORT=outbox), neither the application, nor a reminder, nor the follow-up
 * link of the confirmation reaches anyone.
 */
export function noReplyAnswer({
  reminderAfterDays,
  keepsSentMail,
}: Settings & Pick<SiteInfo, "keepsSentMail">): string {
  if (keepsSentMail)
    return "Sur cette installation, les e-mails ne partent pas : ils sont gardés dans la base du site. L'entreprise n'a donc reçu ni votre candidature, ni rappel, et votre confirmation ne vous est pas parvenue. Appelez-la ou présentez-vous sur place.";
  const followUp =
    "la relancer une fois depuis le lien de votre e-mail de confirmation, puis l'appeler ou vous présenter sur place : c'est souvent ce qui fait la différence.";
  return reminderAfterDays > 0
    ? `Nous lui envoyons un rappel ${plural(reminderAfterDays, "jour", "jours")} après votre candidature. Vous pouvez aussi ${followUp}`
    : `Vous pouvez ${followUp}`;
}

/** FAQ, "Combien de candidatures puis-je envoyer ?": APPLICATION_MAX_PER_DAY. */
export function dailyLimitAnswer({ maxApplicationsPerDay }: Settings): string {
  return `Jusqu'à ${maxApplicationsPerDay.toLocaleString("fr-FR")} par jour. Mieux vaut toutefois quelques candidatures bien ciblées, avec un message adapté à chaque entreprise.`;
}

/** Personal data, what the application's data is used for: the reminder only when the server sends one. */
export function applicationDataUses({ reminderAfterDays, maxApplicationsPerDay }: Settings): string {
  const limit = `${plural(maxApplicationsPerDay, "candidature", "candidatures")} par jour et par adresse e-mail au plus`;
  const uses = [
    "à envoyer votre candidature",
    "à vous transmettre la réponse du recruteur",
    ...(reminderAfterDays > 0 ? ["à lui envoyer un rappel s'il n'a pas répondu"] : []),
  ];
  return `Ces données servent ${uses.join(", ")} et à limiter les abus (${limit}). Elles ne sont ni vendues ni utilisées à des fins publicitaires.`;
}

/** Personal data, "Votre CV": sent through Postmark and forgotten, or, on an installation that keeps its e-mails, kept. */
export function cvParagraph({
  keepsSentMail,
  applicationRetentionDays,
}: Pick<SiteInfo, "keepsSentMail" | "applicationRetentionDays">): string {
  return keepsSentMail
    ? `Sur cette installation, les e-mails ne partent pas : ils sont gardés dans la base du site au lieu d'être envoyés, votre confirmation comme celui destiné à l'entreprise, qui porte votre CV en pièce jointe (votre confirmation ne le contient pas). Aucun prestataire d'envoi d'e-mails ne les reçoit. Ils sont effacés ${plural(applicationRetentionDays, "jour", "jours")} après la candidature, avec vos autres données.`
    : "Votre CV est joint à l'e-mail envoyé à l'entreprise (pas à votre confirmation), puis oublié : notre base de données n'en garde que le nom du fichier. Il transite par le prestataire d'envoi d'e-mails (Postmark), qui conserve une copie des messages envoyés pendant la durée fixée dans son propre contrat.";
}

type Legal = SiteInfo["legal"];

/** "Name, address, téléphone : phone", leaving out what the operator did not set. */
function identity(name: string, address: string | null, phone: string | null): string {
  return [name, address, phone && `téléphone : ${phone}`].filter(Boolean).join(", ");
}

/**
 * Legal notice, "Éditeur": the publisher and the publication director the operator set (LEGAL_*, LCEN art. 6-III),
 * a sentence each; while the publisher is unset, a sentence saying that its identity is not published yet.
 */
export function publisherSentences(legal: Legal): string[] {
  return [
    legal.publisher
      ? `Ce site est édité par ${identity(legal.publisher, legal.publisherAddress, legal.publisherPhone)}.`
      : "L'éditeur du site que vous consultez est l'organisation qui l'exploite ; elle n'a pas encore publié son identité sur cette instance.",
    ...(legal.publicationDirector ? [`Direction de la publication : ${legal.publicationDirector}.`] : []),
  ];
}

/**
 * Legal notice, "Hébergement": the host the operator set (LEGAL_HOST…); while it is unset, a sentence saying that
 * its identity is not published yet.
 */
export function hostSentence(legal: Legal): string {
  return legal.host
    ? `Le site est hébergé par ${identity(legal.host, legal.hostAddress, legal.hostPhone)}.`
    : "Le site et sa base de données sont hébergés sur les serveurs de son exploitant, qui n'a pas encore publié l'identité de son hébergeur sur cette instance.";
}
