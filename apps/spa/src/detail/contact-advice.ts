import type { Item } from "@lba/core/schemas";

const NO_ONLINE_APPLICATION = "Nous ne disposons pas des informations permettant de postuler en ligne.";

/**
 * What the card says to do when it offers no way to apply: a training's CFA is contacted; a company's reason
 * (`contact.info`, e.g. it unsubscribed) then a visit, and a call only when the card gives a number to call.
 */
export function contactAdvice(item: Pick<Item, "ideaType" | "contact">): string {
  if (item.ideaType === "formation")
    return "Contactez le centre de formation pour connaître les dates de rentrée et les modalités d'inscription.";
  const how = item.contact?.phone
    ? "Présentez-vous ou appelez l'entreprise."
    : "Présentez-vous à l'entreprise, à son adresse.";
  return `${item.contact?.info ?? NO_ONLINE_APPLICATION} ${how}`;
}
