import { describe, expect, it } from "vitest";
import { renderApplicantConfirmation } from "./applicant-confirmation";
import { renderApplicationToCompany } from "./application-to-company";
import { renderHardBounceNotice } from "./hard-bounce-notice";
import { renderIntentionReply } from "./intention-reply";
import { renderRecruiterReminder } from "./recruiter-reminder";

const evil = `<script>alert("x")</script>`;

function expectSafe(html: string) {
  expect(html).not.toContain("<script>");
  expect(html).toContain("&lt;script&gt;");
  expect(html.startsWith("<!doctype html>")).toBe(true);
}

describe("mail templates", () => {
  it("renders the application to the company with identity, message, CV, recruiter view and three reply buttons", () => {
    const mail = renderApplicationToCompany({
      applicant: { firstName: "Camille", lastName: evil, email: "camille@example.org", phone: "0612345678" },
      message: `Ligne 1\n${evil}`,
      fileName: "cv.pdf",
      companyType: "matcha",
      companyName: "Boulangerie & Fils",
      companySiret: "12345678901234",
      jobTitle: "Boulanger",
      recruiterViewUrl: "https://lba.example/candidature?a=1&b=2",
      replyUrls: {
        entretien: "https://lba.example/r?token=E",
        ne_sais_pas: "https://lba.example/r?token=N",
        refus: "https://lba.example/r?token=R",
      },
      unsubscribeUrl: null,
    });
    expect(mail.subject).toBe(`Candidature de Camille ${evil} à votre offre « Boulanger »`);
    expectSafe(mail.html);
    expect(mail.html).toContain("Boulangerie &amp; Fils");
    expect(mail.html).toContain('href="https://lba.example/candidature?a=1&amp;b=2"');
    expect(mail.text).toContain("Voir la candidature : https://lba.example/candidature?a=1&b=2");
    // An offer was published by the recruiter: no "where we found you", no unsubscription.
    expect(mail.text).not.toContain("La bonne boîte");
    expect(mail.text).not.toContain("Ne plus recevoir");
    expect(mail.html).toContain("Ligne 1<br />");
    for (const t of ["E", "N", "R"]) expect(mail.html).toContain(`href="https://lba.example/r?token=${t}"`);
    expect(mail.text).toContain("Je propose un entretien : https://lba.example/r?token=E");
    expect(mail.text).toContain("0612345678");
    expect(mail.text).toContain("cv.pdf");
    // Sent with the candidate as Reply-To: replying is welcome, and reaches the candidate.
    expect(mail.html).toContain("votre réponse est adressée directement au candidat");
    expect(mail.html).not.toContain("ne pas répondre");
  });

  it("explains a spontaneous application: who, which métier, where the company was found and how to stop", () => {
    const mail = renderApplicationToCompany({
      applicant: { firstName: "Ana", lastName: "Bé", email: "a@b.fr", phone: "0612345678" },
      message: null,
      fileName: "cv.docx",
      companyType: "lba",
      companyName: null,
      companySiret: "12345678901234",
      jobTitle: "Boulangerie, pâtisserie",
      recruiterViewUrl: "https://lba.example/candidature?token=V",
      replyUrls: { entretien: "e", ne_sais_pas: "n", refus: "r" },
      unsubscribeUrl: "https://lba.example/desinscription?token=U",
    });
    expect(mail.subject).toBe("Candidature spontanée de Ana Bé en alternance : Boulangerie, pâtisserie");
    expect(mail.text).toContain("notre algorithme a identifié votre entreprise");
    expect(mail.text).toContain(
      "(SIRET 12345678901234) figure dans les données « La bonne boîte » de France Travail",
    );
    expect(mail.text).toContain(
      "Ne plus recevoir de candidatures spontanées : https://lba.example/desinscription?token=U",
    );
    expect(mail.html).toContain('href="https://lba.example/desinscription?token=U"');
    const unnamed = renderApplicationToCompany({
      applicant: { firstName: "Ana", lastName: "Bé", email: "a@b.fr", phone: "0612345678" },
      message: null,
      fileName: "cv.docx",
      companyType: "lbb",
      companyName: null,
      companySiret: null,
      jobTitle: null,
      recruiterViewUrl: "v",
      replyUrls: { entretien: "e", ne_sais_pas: "n", refus: "r" },
      unsubscribeUrl: null,
    });
    expect(unnamed.subject).toBe("Candidature spontanée de Ana Bé en alternance");
  });

  it("renders the candidate's confirmation", () => {
    const mail = renderApplicantConfirmation({
      applicantFirstName: evil,
      companyName: "Boulangerie",
      companyAddress: "1 rue de Paris",
      companyNaf: "Boulangerie",
      offerTitle: null,
      offer: false,
      withMessage: true,
      followUpUrl: "https://lba.example/relance?token=F&x=1",
    });
    expect(mail.subject).toBe("Votre candidature chez Boulangerie");
    expectSafe(mail.html);
    // Sent from an address nobody reads.
    expect(mail.html).toContain("Merci de ne pas répondre à l");
    expect(mail.text).toContain("1 rue de Paris");
    expect(mail.text).toContain(
      "Votre candidature spontanée auprès de Boulangerie a bien été envoyée, avec votre CV et votre message.",
    );
    expect(mail.text).toContain("Relancer l'entreprise : https://lba.example/relance?token=F&x=1");
    expect(mail.html).toContain('href="https://lba.example/relance?token=F&amp;x=1"');
  });

  it("names the offer in the confirmation of an application to an offer", () => {
    const mail = renderApplicantConfirmation({
      applicantFirstName: "Camille",
      companyName: "Boulangerie",
      companyAddress: null,
      companyNaf: null,
      offerTitle: "Boulanger H/F",
      offer: true,
      withMessage: false,
      followUpUrl: "https://lba.example/relance?token=F",
    });
    expect(mail.text).toContain(
      "Votre candidature pour l'offre « Boulanger H/F » auprès de Boulangerie a bien été envoyée, avec votre CV.",
    );
  });

  it.each(["reminder", "followUp"] as const)(
    "renders the %s to the recruiter, with its reply links",
    (kind) => {
      const mail = renderRecruiterReminder({
        kind,
        applicantFirstName: "Camille",
        applicantLastName: evil,
        companyName: "Boulangerie",
        jobTitle: "Boulanger",
        // 1 December in Paris: the day there, with the ordinal French writes for the first.
        sentAt: "2026-11-30T23:30:00Z",
        recruiterViewUrl: "https://lba.example/candidature?token=V",
        replyUrls: {
          entretien: "https://lba.example/r?E",
          ne_sais_pas: "https://lba.example/r?N",
          refus: "https://lba.example/r?R",
        },
        unsubscribeUrl: "https://lba.example/desinscription?token=U",
      });
      expect(mail.subject).toBe(
        kind === "reminder"
          ? `Rappel : la candidature de Camille ${evil} (Boulanger) attend votre réponse`
          : `Camille ${evil} attend votre réponse à sa candidature (Boulanger)`,
      );
      expectSafe(mail.html);
      expect(mail.text).toMatch(/[Ll]e 1er décembre 2026/);
      expect(mail.text).toContain("Je refuse la candidature : https://lba.example/r?R");
      expect(mail.text).toContain("Revoir la candidature : https://lba.example/candidature?token=V");
      expect(mail.text).toContain(
        kind === "reminder" ? "pas d'autre rappel" : "ne peut envoyer ce rappel qu'une seule fois",
      );
    },
  );

  it("passes the refusal reasons on to the candidate, with or without a message", () => {
    const mail = renderIntentionReply({
      intention: "refus",
      applicantFirstName: "Camille",
      companyName: "Boulangerie",
      comment: "",
      refusalReasons: ["Le poste est déjà pourvu.", evil],
      email: null,
      phone: null,
      publicUrl: "https://lba.example",
    });
    expectSafe(mail.html);
    expect(mail.text).toContain("Motifs indiqués par le recruteur :\n- Le poste est déjà pourvu.");
    expect(mail.text).not.toContain("Message du recruteur");
    expect(mail.html).toContain("<li>Le poste est déjà pourvu.</li>");
    // Back to the search, in both parts.
    expect(mail.text).toContain("https://lba.example/recherche-apprentissage");
    expect(mail.html).toContain('href="https://lba.example/recherche-apprentissage"');
  });

  it.each([
    ["entretien", "Réponse positive à votre candidature chez Boulangerie", true],
    ["ne_sais_pas", "Réponse à votre candidature chez Boulangerie", true],
    ["refus", "Réponse à votre candidature chez Boulangerie", false],
  ] as const)("renders the %s reply notification", (intention, subject, showsContact) => {
    const mail = renderIntentionReply({
      intention,
      applicantFirstName: "Camille",
      companyName: "Boulangerie",
      comment: evil,
      email: "rh@boulangerie.fr",
      phone: "0123456789",
      publicUrl: "https://lba.example",
    });
    expect(mail.subject).toBe(subject);
    expectSafe(mail.html);
    expect(mail.text.includes("rh@boulangerie.fr")).toBe(showsContact);
  });

  it("renders the hard-bounce notice", () => {
    const mail = renderHardBounceNotice({ applicantFirstName: "Camille", companyName: evil });
    expect(mail.subject).toContain("n'a pas reçu votre candidature");
    expectSafe(mail.html);
    expect(mail.text).toContain("Bonjour Camille");
  });

  it("elides de before a vowel in the applicant's confirmation, which has no attachment", () => {
    const mail = renderApplicantConfirmation({
      applicantFirstName: "Camille",
      companyName: "Aux Délices",
      companyAddress: null,
      companyNaf: null,
      offerTitle: null,
      offer: false,
      withMessage: false,
      followUpUrl: "https://lba.example/relance?token=F",
    });
    expect(mail.text).toContain("Votre candidature spontanée auprès d'Aux Délices a bien été envoyée");
    expect(mail.text).not.toContain("auprès de Aux");
  });

  it("never writes two colons in one sentence of a recruiter's reply", () => {
    for (const intention of ["entretien", "ne_sais_pas", "refus"] as const) {
      const mail = renderIntentionReply({
        intention,
        applicantFirstName: "Camille",
        companyName: "Aux Délices",
        comment: "Venez mardi.",
        email: "rh@example.org",
        phone: "0612345678",
        publicUrl: "https://lba.example",
      });
      for (const sentence of mail.text.split(/[.!?\n]/))
        expect(sentence.split(" : ").length).toBeLessThanOrEqual(2);
    }
  });
});
