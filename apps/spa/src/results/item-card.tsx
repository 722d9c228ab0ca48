import type { Item } from "@lba/core/schemas";
import { levelLabel } from "../lib/diploma-levels";
import { formatDistance } from "../lib/format";
import { itemKey } from "../lib/item-identity";

export const TYPE_TAGS: Record<Item["ideaType"], string> = {
  formation: "Formation",
  peJob: "Offre d'emploi",
  matcha: "Offre d'emploi",
  lba: "Candidature spontanée",
  lbb: "Candidature spontanée",
};

interface ItemCardProps {
  item: Item;
  href: string;
  selected: boolean;
  onOpen: (event: React.MouseEvent<HTMLAnchorElement>) => void;
  onHover: (key: string | null) => void;
  /** The search has a point: the item's distance is from it. */
  fromSearchPoint: boolean;
  /** "Voir les entreprises proches" / "Voir les formations proches" when the item lies outside the radius. */
  nearbyAction?: { label: string; run: () => void } | null;
}

export function ItemCard({
  item,
  href,
  selected,
  onOpen,
  onHover,
  fromSearchPoint,
  nearbyAction,
}: ItemCardProps) {
  const key = itemKey(item);
  const company =
    item.ideaType === "formation"
      ? item.company.name
      : item.ideaType === "lba" || item.ideaType === "lbb"
        ? null
        : item.company.name;
  const distance = formatDistance(item.place.distance, fromSearchPoint);
  return (
    <li
      data-key={key}
      className={`item-card item-card--${item.ideaType}${selected ? " item-card--selected" : ""}`}
      onMouseEnter={() => onHover(key)}
      onMouseLeave={() => onHover(null)}
      onFocus={() => onHover(key)}
      onBlur={() => onHover(null)}
    >
      <p className="tag">{TYPE_TAGS[item.ideaType]}</p>
      <h3 className="item-card__title">
        <a href={href} onClick={onOpen} className="item-card__link">
          {item.title ?? item.company.name ?? "Sans titre"}
        </a>
      </h3>
      {company && <p className="item-card__company">{company}</p>}
      <p className="item-card__place">
        {item.place.fullAddress ?? item.place.city ?? "Adresse non communiquée"}
        {distance && <span className="item-card__distance"> · à {distance}</span>}
      </p>
      {item.ideaType === "formation" && item.diplomaLevel && (
        <p className="item-card__meta">{levelLabel(item.diplomaLevel)}</p>
      )}
      {nearbyAction && (
        <button type="button" className="btn btn--tertiary btn--small" onClick={nearbyAction.run}>
          {nearbyAction.label}
        </button>
      )}
    </li>
  );
}
