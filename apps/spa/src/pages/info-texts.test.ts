import { describe, expect, it } from "vitest";
import { DEFAULT_SITE_INFO } from "@lba/core/schemas";
import {
  applicationDataUses,
  cvParagraph,
  dailyLimitAnswer,
  hostSentence,
  noReplyAnswer,
  publisherSentences,
} from "./info-texts";

const DEFAULTS = { reminderAfterDays: 7, maxApplicationsPerDay: 100, keepsSentMail: false };
const STRICT = { reminderAfterDays: 0, maxApplicationsPerDay: 3, keepsSentMail: false };

describe("information pages' sentences", () => {
  it("give the daily maximum of applications the server applies", () => {
    expect(dailyLimitAnswer(DEFAULTS)).toMatch(/^Jusqu'à 100 par jour\. /);
    expect(dailyLimitAnswer(STRICT)).toMatch(/^Jusqu'à 3 par jour\. /);
    expect(applicationDataUses(STRICT)).toContain("(3 candidatures par jour et par adresse e-mail au plus)");
    expect(applicationDataUses({ ...STRICT, maxApplicationsPerDay: 1 })).toContain("(1 candidature par jour");
  });

  it("mention the recruiter's reminder only when the server sends one", () => {
    expect(noReplyAnswer(DEFAULTS)).toMatch(
      /^Nous lui envoyons un rappel 7 jours après votre candidature\. Vous pouvez aussi la relancer une fois/,
    );
    expect(noReplyAnswer(STRICT)).toMatch(/^Vous pouvez la relancer une fois/);
    // e-mails kept instead of sent: no follow-up link ever reached the candidate
    const kept = noReplyAnswer({ ...DEFAULTS, keepsSentMail: true });
    expect(kept).toMatch(/^Sur cette installation, les e-mails ne partent pas/);
    expect(kept).not.toContain("lien de votre e-mail de confirmation");
    expect(kept).not.toContain("rappel 7 jours");
    expect(applicationDataUses(DEFAULTS)).toContain(
      "à vous transmettre la réponse du recruteur, à lui envoyer un rappel s'il n'a pas répondu et à limiter les abus",
    );
    expect(applicationDataUses(STRICT)).not.toContain("rappel");
    expect(applicationDataUses(STRICT)).toContain(
      "Ces données servent à envoyer votre candidature, à vous transmettre la réponse du recruteur et à limiter les abus",
    );
  });
});

describe("the personal-data page on the CV", () => {
  it("says the CV is sent through Postmark and forgotten when e-mails are sent", () => {
    const text = cvParagraph({ keepsSentMail: false, applicationRetentionDays: 365 });
    expect(text).toContain("notre base de données n'en garde que le nom du fichier");
    expect(text).toContain("Postmark");
  });

  it("says the e-mails and the CV are kept, and until when, on an installation that keeps its e-mails", () => {
    const text = cvParagraph({ keepsSentMail: true, applicationRetentionDays: 90 });
    expect(text).toMatch(/^Sur cette installation, les e-mails ne partent pas/);
    expect(text).toContain("votre CV en pièce jointe");
    expect(text).toContain("effacés 90 jours après la candidature");
    expect(text).not.toContain("oublié");
    expect(text).not.toContain("Postmark");
    expect(text).not.toContain("démonstration");
  });

  it("name the publisher, the publication director and the host the operator set, leaving out what is unset", () => {
    const legal = {
      publisher: "Région Exemple",
      publisherAddress: "1 place de la Région, 69002 Lyon",
      publisherPhone: "04 00 00 00 00",
      publicationDirector: "Camille Martin",
      host: "Hébergeur SAS",
      hostAddress: "2 rue du Centre de données, 59100 Roubaix",
      hostPhone: "03 00 00 00 00",
    };
    expect(publisherSentences(legal)).toEqual([
      "Ce site est édité par Région Exemple, 1 place de la Région, 69002 Lyon, téléphone : 04 00 00 00 00.",
      "Direction de la publication : Camille Martin.",
    ]);
    expect(hostSentence(legal)).toBe(
      "Le site est hébergé par Hébergeur SAS, 2 rue du Centre de données, 59100 Roubaix, téléphone : 03 00 00 00 00.",
    );
    expect(hostSentence({ ...legal, hostAddress: null, hostPhone: null })).toBe(
      "Le site est hébergé par Hébergeur SAS.",
    );
    // an address without the name it belongs to says nothing: the page keeps its "not published" sentence,
    // with the director when one is set
    const unnamed = { ...DEFAULT_SITE_INFO.legal, publisherAddress: "1 rue X", hostPhone: "01 00 00 00 00" };
    const unpublished = /n'a pas encore publié son identité sur cette instance\.$/;
    expect(publisherSentences(unnamed)).toEqual([expect.stringMatching(unpublished)]);
    expect(publisherSentences({ ...unnamed, publicationDirector: "Marie Curie" })).toEqual([
      expect.stringMatching(unpublished),
      "Direction de la publication : Marie Curie.",
    ]);
    expect(hostSentence(unnamed)).toBe(
      "Le site et sa base de données sont hébergés sur les serveurs de son exploitant, qui n'a pas encore publié l'identité de son hébergeur sur cette instance.",
    );
  });
});
