import { widgetKindOf } from "@lba/core/widget";
import type { MiddlewareHandler } from "hono";
import { responseHeaders } from "./response-headers";

/** The widget pages (docs/reference/v1.md#s10, trailing slash aside): the only responses other sites may frame. */
export function isFrameable(path: string): boolean {
  return widgetKindOf(path) !== null;
}

/** The development outbox shows each e-mail's HTML in an iframe of its own page. */
const SAME_ORIGIN_FRAMEABLE = /^\/dev\/outbox\/\d+\/html$/;

/**
 * Widget pages may be framed by any partner (the embed loader and plain iframes); every other response forbids
 * framing (clickjacking). Appended, not set: a route's own Content-Security-Policy stays in force beside it.
 * X-Frame-Options has no "allow any" value, so widget pages send none.
 */
export function framing(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const headers = responseHeaders(c);
    if (isFrameable(c.req.path)) {
      headers.append("Content-Security-Policy", "frame-ancestors *");
      return;
    }
    if (SAME_ORIGIN_FRAMEABLE.test(c.req.path)) {
      headers.append("Content-Security-Policy", "frame-ancestors 'self'");
      headers.set("X-Frame-Options", "SAMEORIGIN");
      return;
    }
    headers.append("Content-Security-Policy", "frame-ancestors 'none'");
    headers.set("X-Frame-Options", "DENY");
  };
}
