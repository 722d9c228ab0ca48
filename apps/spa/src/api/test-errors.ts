// Failed calls as the tRPC client rejects them, for the tests of the pages' messages.

/**
 * A call refused for its rate: tRPC's TOO_MANY_REQUESTS error, with the answer the client keeps in `meta.response`,
 * carrying `Retry-After` when given.
 */
export function rateLimitedError(retryAfter?: string) {
  return {
    message: "too_many_requests",
    data: { code: "TOO_MANY_REQUESTS", httpStatus: 429 },
    meta: {
      response: new Response(null, {
        status: 429,
        headers: retryAfter === undefined ? {} : { "Retry-After": retryAfter },
      }),
    },
  };
}
