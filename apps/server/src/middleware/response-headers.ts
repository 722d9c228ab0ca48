import type { Context } from "hono";

/**
 * The headers of the answer `c.res`, to change after the handler ran. Not `c.header()`: once a response is
 * final, it copies the response into a new one through its `body`, which turns @hono/node-server's light
 * Response (the bytes it writes as they are) into a stream the adapter pipes: 2 to 3 ms more on an 850 KB search
 * answer (docs/decisions/034-phase-two-with-items-and-bytes-out.md). A Response with immutable headers (one
 * from `fetch`) is copied once here.
 */
export function responseHeaders(c: Context): Headers {
  try {
    const headers = c.res.headers;
    // Fetch's Headers say whether they are immutable only by throwing: deleting an absent header changes nothing.
    headers.delete("x-lba-probe");
    return headers;
  } catch {
    return replaceBody(c, c.res.body);
  }
}

/**
 * Makes `body` the answer's body, with the answer's status and a copy of its headers, which it returns for the
 * caller to change (see replaceResponse).
 */
export function replaceBody(c: Context, body: ConstructorParameters<typeof Response>[0]): Headers {
  replaceResponse(c, new Response(body, { status: c.res.status, headers: new Headers(c.res.headers) }));
  return c.res.headers;
}

/**
 * Makes `res` the answer, as it is. `c.res = res` would copy it into a new Response through its body once
 * there is an answer already, and the Node adapter would then pipe that body as a stream instead of writing the
 * bytes `res` holds: clearing the answer first skips the copy.
 */
export function replaceResponse(c: Context, res: Response): void {
  c.res = undefined;
  c.res = res;
}
