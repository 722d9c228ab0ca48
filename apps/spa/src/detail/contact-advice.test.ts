import { describe, expect, it } from "vitest";
import type { Item } from "@lba/core/schemas";
import { contactAdvice } from "./contact-advice";

const company = (contact: Partial<NonNullable<Item["contact"]>> | null) =>
  ({ ideaType: "lba", contact }) as Pick<Item, "ideaType" | "contact">;

describe("contactAdvice", () => {
  it("asks to call only when there is a number to call", () => {
    expect(contactAdvice(company({ phone: "01 23 45 67 89", info: "Elle ne veut plus." }))).toBe(
      "Elle ne veut plus. Présentez-vous ou appelez l'entreprise.",
    );
    expect(contactAdvice(company({ phone: null, info: "Elle ne veut plus." }))).toBe(
      "Elle ne veut plus. Présentez-vous à l'entreprise, à son adresse.",
    );
    expect(contactAdvice(company(null))).toBe(
      "Nous ne disposons pas des informations permettant de postuler en ligne. Présentez-vous à l'entreprise, à son adresse.",
    );
  });

  it("sends a candidate to the training's CFA", () => {
    expect(
      contactAdvice({ ideaType: "formation", contact: null } as Pick<Item, "ideaType" | "contact">),
    ).toMatch(/^Contactez le centre de formation/);
  });
});
