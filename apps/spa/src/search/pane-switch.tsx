import { useEffect, useRef } from "react";

/**
 * The narrow screen's floating "Afficher la carte / la liste" button (fixed at the screen's foot by styles.css).
 *
 * The page's `scroll-padding-bottom` keeps a control reached with Tab clear of it only when the browser scrolls:
 * Chromium scrolls a focused control into view only when none of it shows, so one whose top shows and whose foot
 * is under the button stays partly hidden (a textarea, a field grown by its hint). Such a control is scrolled the
 * rest of the way, to the nearest edge the scroll padding allows (WCAG 2.4.11, focus not obscured).
 */
export function PaneSwitch({ label, onClick }: { label: string; onClick: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const clear = (event: FocusEvent) => {
      const focused = event.target;
      const floating = button.current;
      if (!(focused instanceof Element) || !floating || focused === floating) return;
      const a = focused.getBoundingClientRect();
      const b = floating.getBoundingClientRect();
      if (a.bottom > b.top && a.top < b.bottom && a.right > b.left && a.left < b.right)
        focused.scrollIntoView({ block: "nearest" });
    };
    document.addEventListener("focusin", clear);
    return () => document.removeEventListener("focusin", clear);
  }, []);
  return (
    <button ref={button} type="button" className="btn btn--primary pane-switch" onClick={onClick}>
      {label}
    </button>
  );
}
