// Widget mode (docs/reference/v1.md#s10-1): `/recherche-apprentissage` is both the site's search page and the "all" widget; as the
// original did, a `caller` (or the loader's `embed_origin`) in the URL turns it into the widget. The other three
// widget pages (`-formation`, `/recherche-emploi`, `/postuler`) exist only as widgets.
import { isNotFound, isRateLimited } from "../api/failures";
import { tooManyRequestsMessage } from "../api/wait-message";
import { goneMessage } from "../lib/item-identity";
import { APPLY_TYPES, EMBED_ORIGIN_PARAM, scopeProblem, type ApplyType } from "@lba/core/widget";

/** True when `/recherche-apprentissage` must render as the "all" widget rather than the site's search page. */
export function isWidgetRequest(params: URLSearchParams): boolean {
  return Boolean(params.get("caller")?.trim()) || params.has(EMBED_ORIGIN_PARAM);
}

/** The host page's origin given by the loader, or null when absent or not a bare http(s) origin. */
export function parseEmbedOrigin(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    return url.origin === value.replace(/\/$/, "") ? url.origin : null;
  } catch {
    return null;
  }
}

/** The loader's `max_height` (px, at least the contract's minimum), or null when absent or invalid. */
export function parseMaxHeight(value: string | null | undefined): number | null {
  if (!value || scopeProblem({ maxHeight: value })) return null;
  return Number(value);
}

/** `return_uri` as sent by the partner; the host resolves it against its own URL. */
export function returnPage(params: URLSearchParams): string {
  return params.get("return_uri")?.trim() || "/";
}

/** Only http(s) images: a `javascript:` or `data:` URL from a query string is never rendered. */
export function returnLogoUrl(params: URLSearchParams): string | null {
  const value = params.get("return_logo_url")?.trim();
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

export type ApplyParams =
  { ok: true; caller: string; itemId: string; type: ApplyType } | { ok: false; message: string };

/** docs/reference/v1.md#s10-2 error screens, checked in the original's order: caller, itemId, then type. */
export function readApplyParams(params: URLSearchParams): ApplyParams {
  const caller = params.get("caller")?.trim() ?? "";
  const itemId = params.get("itemId")?.trim() ?? "";
  const type = params.get("type")?.trim() ?? "";
  if (!caller) return { ok: false, message: "La source de l'appel au service est manquante (caller)." };
  if (!itemId) return { ok: false, message: "L'identifiant de l'offre est manquant (itemId)." };
  if (!type) return { ok: false, message: "Le type d'offre est manquant (type)." };
  if (!(APPLY_TYPES as readonly string[]).includes(type)) {
    return {
      ok: false,
      message: "Le type d'offre est invalide (type) : les valeurs possibles sont matcha, lba et lbb.",
    };
  }
  return { ok: true, caller, itemId, type: type as ApplyType };
}

// A partner who gave an offer's item `id` ("<form id>-<index>") instead of its `job.id` (docs/reference/v1.md#s5):
// the offer may well be live, so the message says what to change rather than that it is gone.
const ITEM_ID_OF_AN_OFFER = /^[\w]+-\d+$/;
const NOT_AN_OFFER_ID =
  "Offre introuvable : pour une offre, l'identifiant (itemId) est son job.id, et non l'id de l'élément.";

/** The not-found message of the widget's item: gone, or (an offer's item id given) the id to give instead. */
export function notFoundMessage(type: ApplyType, itemId: string): string {
  return type === "matcha" && ITEM_ID_OF_AN_OFFER.test(itemId) ? NOT_AN_OFFER_ID : goneMessage(type);
}

const UNAVAILABLE = "Le service est momentanément indisponible. Veuillez réessayer plus tard.";

/**
 * Why the widget's item could not be loaded: gone (notFoundMessage), a rate limit (how long to wait, from the
 * answer's Retry-After: tooManyRequestsMessage), else the service unavailable.
 */
export function loadFailureMessage(error: unknown, type: ApplyType, itemId: string): string {
  if (isNotFound(error)) return notFoundMessage(type, itemId);
  return isRateLimited(error) ? tooManyRequestsMessage(error) : UNAVAILABLE;
}
