import type { ApplicationInput } from "../api/types";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { heightBound, isAutoSized, isFramed, postToParent } from "./parent-messages";
import { returnLogoUrl, returnPage } from "./widget-mode";
import "./widget.css";

interface WidgetFrameProps {
  search: URLSearchParams;
  /** The apply widget reports the item the partner asked for; elsewhere it is read from the application. */
  applicationTarget?: { itemId: string; type: string };
  /** Search widgets: at most the loader's `max_height` tall, their result list scrolling inside (widget.css). */
  bounded?: boolean;
  children: ReactNode;
}

/**
 * Reports the content height to the loader whenever it changes; the iframe never scrolls by itself. A bounded
 * page is at most `max_height` tall: its result list scrolls instead, so that the map stays beside it.
 */
function useHeightReporting(bounded: boolean) {
  useEffect(() => {
    if (!isAutoSized()) return;
    const root = document.documentElement;
    root.classList.add("lba-autosized");
    const bound = bounded ? heightBound() : null;
    if (bound) {
      root.classList.add("lba-bounded");
      root.style.setProperty("--lba-max-height", `${bound}px`);
    }
    let last = -1;
    const report = () => {
      const height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      postToParent({ type: "lba:resize", height });
    };
    const observer = new ResizeObserver(report);
    observer.observe(document.body);
    report();
    return () => {
      observer.disconnect();
      root.classList.remove("lba-autosized", "lba-bounded");
      root.style.removeProperty("--lba-max-height");
    };
  }, [bounded]);
}

function applicationDetail(variables: ApplicationInput): { itemId: string; type: string } {
  const itemId =
    variables.company_type === "matcha" ? (variables.job_id ?? "") : (variables.company_siret ?? "");
  return { itemId, type: variables.company_type };
}

/** `lba:application-sent` after every successful application sent from inside the widget. */
function useApplicationEvents(target: WidgetFrameProps["applicationTarget"]) {
  const queryClient = useQueryClient();
  const targetRef = useRef(target);
  targetRef.current = target;
  useEffect(
    () =>
      queryClient.getMutationCache().subscribe((event) => {
        if (event.type !== "updated" || event.action.type !== "success") return;
        if (event.mutation.options.mutationKey?.[0] !== "application.send") return;
        const detail =
          targetRef.current ?? applicationDetail(event.mutation.state.variables as ApplicationInput);
        postToParent({ type: "lba:application-sent", detail });
      }),
    [queryClient],
  );
}

/** The widget chrome: the logo that asks the host to navigate, and the messaging with the host page. */
export function WidgetFrame({ search, applicationTarget, bounded = false, children }: WidgetFrameProps) {
  useHeightReporting(bounded);
  useApplicationEvents(applicationTarget);
  useEffect(() => {
    postToParent({ type: "lba:ready", detail: { page: window.location.pathname } });
  }, []);

  const logo = returnLogoUrl(search);
  // A partner's logo that does not load (gone, blocked) gives way to our wordmark, not a broken image and its alt.
  const [failedLogo, setFailedLogo] = useState<string | null>(null);
  const shownLogo = logo !== failedLogo ? logo : null;
  const onLogo = () => {
    // Never navigate the iframe itself: the host decides (the loader emits a cancelable lba:navigate).
    if (isFramed()) postToParent({ type: "goToPage", page: returnPage(search) });
    else window.location.assign("/");
  };

  return (
    <>
      <header className="widget-header">
        <button type="button" className="widget-logo" onClick={onLogo}>
          {shownLogo ? (
            <img
              src={shownLogo}
              alt="Retour à l'accueil du site"
              className="widget-logo__image"
              onError={() => setFailedLogo(shownLogo)}
            />
          ) : (
            <>
              <span className="brand__name">La bonne alternance</span>
              <span className="sr-only"> : retour à l'accueil du site</span>
            </>
          )}
        </button>
      </header>
      {children}
    </>
  );
}
