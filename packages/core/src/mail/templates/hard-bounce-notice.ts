import { escapeHtml, joinText, layout, paragraph, type RenderedMail } from "./layout";

export interface HardBounceNoticeData {
  applicantFirstName: string;
  companyName: string | null;
}

export function renderHardBounceNotice(d: HardBounceNoticeData): RenderedMail {
  const company = d.companyName ?? "L'entreprise";
  const subject = `${company} n'a pas reçu votre candidature sur La bonne alternance`;
  const body = `Nous n'avons pas pu remettre votre candidature à ${company} : son adresse e-mail n'existe plus ou refuse nos messages. Nous l'avons retirée de notre service. Vous pouvez contacter l'entreprise directement, par téléphone ou en vous présentant sur place.`;
  const html = layout(
    subject,
    [
      paragraph(`Bonjour ${escapeHtml(d.applicantFirstName)},`),
      paragraph(escapeHtml(body)),
      paragraph("Nous vous prions de nous excuser pour ce contretemps."),
    ].join("\n"),
  );
  const text = joinText([
    `Bonjour ${d.applicantFirstName},`,
    "",
    body,
    "",
    "Nous vous prions de nous excuser pour ce contretemps.",
  ]);
  return { subject, html, text };
}
