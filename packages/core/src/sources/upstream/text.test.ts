import { describe, expect, it } from "vitest";
import { seededRandom } from "../../testing/factories";
import { cleanLine, cleanText, cleanTextFully, webUrl } from "./text";

describe("cleanText", () => {
  it("decodes named and numeric HTML entities", () => {
    expect(cleanLine("Boulang&egrave;re H/F")).toBe("Boulangère H/F");
    expect(cleanLine("L&#039;ATELIER &amp; Cie")).toBe("L'ATELIER & Cie");
    expect(cleanLine("caf&eacute;&nbsp;&#x27;bar&#x27;")).toBe("café 'bar'");
  });

  it("turns <br> and <p> into line breaks and drops other tags", () => {
    expect(cleanText("Missions :<br />- accueil<br>- vente<BR/>")).toBe("Missions :\n- accueil\n- vente");
    expect(cleanText("<p>Premier</p><p>Second <b>gras</b></p>")).toBe("Premier\n\nSecond gras");
    expect(cleanText("Texte &lt;br /&gt; encodé")).toBe("Texte\nencodé");
  });

  it("normalises whitespace and keeps comparison signs that are not tags", () => {
    expect(cleanText("  a \t b \r\n\r\n\r\n\r\n c  ")).toBe("a b\n\nc");
    expect(cleanLine("moins de 3 ans < 5 ans > 2")).toBe("moins de 3 ans < 5 ans > 2");
    expect(cleanLine('FORMATION "12" ÉTÉ [test] {x}')).toBe('FORMATION "12" ÉTÉ [test] {x}');
  });

  it("folds lines into one for titles and names, and gives null for empty text", () => {
    expect(cleanLine("Vendeur<br />Vendeuse")).toBe("Vendeur Vendeuse");
    expect(cleanLine(" <br/> ")).toBeNull();
    expect(cleanText(null)).toBeNull();
  });
});

describe("cleanText's shortcut for clean texts", () => {
  // Pieces covering every rule: entities, tags, each kind of whitespace, accents, astral characters.
  const PIECES = [
    "a",
    "É",
    "ß",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\u00a0",
    "\ufeff",
    "&amp;",
    "&eacute;",
    "&",
    "<br>",
    "<p>",
    "</p>",
    "<b>",
    "<",
    ">",
    "\u{1F600}",
    "x y",
  ];

  it("gives what the whole cleaning gives, on 5,000 random texts", () => {
    const random = seededRandom(16);
    for (let i = 0; i < 5000; i++) {
      let text = "";
      const length = Math.floor(random() * 6);
      for (let j = 0; j < length; j++) text += PIECES[Math.floor(random() * PIECES.length)];
      expect(cleanText(text), JSON.stringify(text)).toBe(cleanTextFully(text));
    }
  });
});

describe("webUrl", () => {
  it("keeps http and https addresses and completes a bare host", () => {
    expect(webUrl("https://garage.example.org")).toBe("https://garage.example.org");
    expect(webUrl(" http://a.example.fr/page?x=1 ")).toBe("http://a.example.fr/page?x=1");
    expect(webUrl("www.boulangerie.example.fr")).toBe("http://www.boulangerie.example.fr");
  });

  it("drops other schemes and what is not an address", () => {
    expect(webUrl("javascript:alert(1)")).toBeNull();
    expect(webUrl("mailto:contact@example.org")).toBeNull();
    expect(webUrl("NULL")).toBeNull();
    expect(webUrl("non renseigné")).toBeNull();
    expect(webUrl("")).toBeNull();
  });
});
