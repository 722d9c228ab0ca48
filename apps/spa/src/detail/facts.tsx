import type { Item } from "@lba/core/schemas";
import type { ReactNode } from "react";

/** One fact of a card: a `<dt>`/`<dd>` pair for a `dl.detail__facts`, nothing at all when the value is missing. */
export function Row({ term, children }: { term: string; children: ReactNode }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** The card's "Adresse": the full address, else the city; null when neither is known. */
export function placeText(place: Item["place"]): string | null {
  return place.fullAddress ?? place.city ?? null;
}

/** A number to call, as a `tel:` link (the URI without spaces); null without a number. */
export function phoneLink(phone: string | null | undefined): ReactNode {
  return phone ? <a href={`tel:${phone.replace(/\s/g, "")}`}>{phone}</a> : null;
}

/** "Voir l'itinéraire": OpenStreetMap directions to the place (WGS84 degrees), nothing without coordinates. */
export function ItineraryLink({ place }: { place: Item["place"] }) {
  if (place.latitude === null || place.longitude === null) return null;
  return (
    <p>
      <a
        href={`https://www.openstreetmap.org/directions?to=${place.latitude}%2C${place.longitude}`}
        target="_blank"
        rel="noopener noreferrer"
      >
        Voir l'itinéraire <span className="sr-only">(nouvelle fenêtre)</span>
      </a>
    </p>
  );
}
