import { widgetKindOf } from "@lba/core/widget";
import type { MiddlewareHandler } from "hono";

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
    if (isFrameable(c.req.path)) {
      c.header("Content-Security-Policy", "frame-ancestors *", { append: true });
      return;
    }
    if (SAME_ORIGIN_FRAMEABLE.test(c.req.path)) {
      c.header("Content-Security-Policy", "frame-ancestors 'self'", { append: true });
      c.header("X-Frame-Options", "SAMEORIGIN");
      return;
    }
    c.header("Content-Security-Policy", "frame-ancestors 'none'", { append: true });
    c.header("X-Frame-Options", "DENY");
  };
}
