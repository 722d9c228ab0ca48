import { useEffect, useLayoutEffect, useRef, type RefObject } from "react";

interface Place {
  pane: number;
  window: number;
}

/**
 * Keeps the reader's place in the results list across a detail card (docs/reference/v1.md#s11-5): the list's
 * scroll (its pane's on the desktop layout, the page's on mobile) is recorded while the list shows; coming
 * back from a card ("Retour aux résultats", Escape, the browser's back) restores it and puts the focus on the
 * card of the item last shown, once that card is rendered.
 */
export function useListPlace(
  paneRef: RefObject<HTMLElement | null>,
  inDetail: boolean,
  shownKey: string | null,
  listReady: boolean,
) {
  const place = useRef<Place>({ pane: 0, window: 0 });
  const inDetailRef = useRef(inDetail);
  inDetailRef.current = inDetail;
  const lastShown = useRef<string | null>(null);
  if (inDetail && shownKey) lastShown.current = shownKey;
  const pending = useRef(false);
  const wasInDetail = useRef(inDetail);

  useEffect(() => {
    const pane = paneRef.current;
    const record = () => {
      // Scroll events arrive after the render that swapped the list for a card: the card's own scroll is not the list's.
      if (inDetailRef.current) return;
      place.current = { pane: pane?.scrollTop ?? 0, window: window.scrollY };
    };
    pane?.addEventListener("scroll", record, { passive: true });
    window.addEventListener("scroll", record, { passive: true });
    return () => {
      pane?.removeEventListener("scroll", record);
      window.removeEventListener("scroll", record);
    };
  }, [paneRef]);

  useLayoutEffect(() => {
    if (wasInDetail.current && !inDetail) pending.current = true;
    wasInDetail.current = inDetail;
    if (!pending.current || inDetail || !listReady) return;
    pending.current = false;
    const pane = paneRef.current;
    if (pane) pane.scrollTop = place.current.pane;
    window.scrollTo(0, place.current.window);
    const key = lastShown.current;
    const link = key
      ? pane?.querySelector<HTMLAnchorElement>(`[data-key="${CSS.escape(key)}"] .item-card__link`)
      : null;
    if (!link) return;
    link.focus({ preventScroll: true });
    const box = link.getBoundingClientRect();
    const paneBox = pane?.getBoundingClientRect();
    const visible =
      box.top >= Math.max(0, paneBox?.top ?? 0) &&
      box.bottom <= Math.min(window.innerHeight, paneBox?.bottom ?? window.innerHeight);
    if (!visible) link.scrollIntoView({ block: "center" });
  });
}
