import { describe, expect, it } from "vitest";
import { renderApplicantConfirmation } from "./applicant-confirmation";
import { renderApplicationToCompany } from "./application-to-company";
import { renderHardBounceNotice } from "./hard-bounce-notice";
import { renderIntentionReply } from "./intention-reply";

const evil = `<script>alert("x")</script>`;

function expectSafe(html: string) {
  expect(html).not.toContain("<script>");
  expect(html).toContain("&lt;script&gt;");
  expect(html.startsWith("<!doctype html>")).toBe(true);
}

describe("mail templates", () => {
  it("renders the application to the company with identity, message, CV, offer link and three reply buttons", () => {
    const mail = renderApplicationToCompany({
      applicant: { firstName: "Camille", lastName: evil, email: "camille@example.org", phone: "0612345678" },
      message: `Ligne 1\n${evil}`,
      fileName: "cv.pdf",
      companyType: "matcha",
      companyName: "Boulangerie & Fils",
      jobTitle: "Boulanger",
      detailUrl: "https://lba.example/offre?a=1&b=2",
      replyUrls: {
        entretien: "https://lba.example/r?token=E",
        ne_sais_pas: "https://lba.example/r?token=N",
        refus: "https://lba.example/r?token=R",
      },
    });
    expect(mail.subject).toBe("Candidature en alternance - Boulanger");
    expectSafe(mail.html);
    expect(mail.html).toContain("Boulangerie &amp; Fils");
    expect(mail.html).toContain('href="https://lba.example/offre?a=1&amp;b=2"');
    expect(mail.html).toContain("Ligne 1<br />");
    for (const t of ["E", "N", "R"]) expect(mail.html).toContain(`href="https://lba.example/r?token=${t}"`);
    expect(mail.text).toContain("Je propose un entretien : https://lba.example/r?token=E");
    expect(mail.text).toContain("0612345678");
    expect(mail.text).toContain("cv.pdf");
  });

  it("explains a spontaneous application", () => {
    const mail = renderApplicationToCompany({
      applicant: { firstName: "A", lastName: "B", email: "a@b.fr", phone: "0612345678" },
      message: null,
      fileName: "cv.docx",
      companyType: "lba",
      companyName: null,
      jobTitle: null,
      detailUrl: "https://lba.example",
      replyUrls: { entretien: "e", ne_sais_pas: "n", refus: "r" },
    });
    expect(mail.subject).toBe("Candidature spontanée en alternance");
    expect(mail.text).toContain("notre algorithme a identifié votre entreprise");
  });

  it("renders the candidate's confirmation", () => {
    const mail = renderApplicantConfirmation({
      applicantFirstName: evil,
      companyName: "Boulangerie",
      companyAddress: "1 rue de Paris",
      companyNaf: "Boulangerie",
      jobTitle: null,
      message: "Bonjour",
      fileName: "cv.pdf",
    });
    expect(mail.subject).toBe("Votre candidature chez Boulangerie");
    expectSafe(mail.html);
    expect(mail.text).toContain("1 rue de Paris");
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
      jobTitle: null,
      message: null,
      fileName: "cv.pdf",
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
