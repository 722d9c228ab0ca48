// What a failed call says about itself, read the same way by every page (no client here: pure, unit-testable).

/** The HTTP status a failed tRPC call carries (`data.httpStatus`), or null (a network failure, another error). */
export function httpStatusOf(error: unknown): number | null {
  const status = (error as { data?: { httpStatus?: unknown } | null } | null)?.data?.httpStatus;
  return typeof status === "number" ? status : null;
}

/**
 * Whether a failed call was refused by the server (HTTP 4xx other than 408 and 429): trying again cannot help,
 * unlike a network failure or a 5xx.
 */
export function isRefused(error: unknown): boolean {
  const status = httpStatusOf(error);
  return status !== null && status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/**
 * Whether the server asked to wait before trying again: HTTP 429 with tRPC TOO_MANY_REQUESTS, or a 429 a proxy
 * answered in its own words (only the client's `meta.response` has its status then).
 */
export function isRateLimited(error: unknown): boolean {
  const e = error as { data?: { code?: unknown } | null; meta?: { response?: { status?: unknown } } } | null;
  return (
    httpStatusOf(error) === 429 || e?.data?.code === "TOO_MANY_REQUESTS" || e?.meta?.response?.status === 429
  );
}

/**
 * The seconds the server asked to wait before trying again: its `Retry-After` header (RFC 9110 §10.2.3: a number of
 * seconds, or an HTTP-date, counted from `now` in milliseconds), read on the answer the tRPC client keeps on its
 * error (`meta.response`). null when no answer came, the header is absent or unreadable.
 */
export function retryAfterSecondsOf(error: unknown, now: number = Date.now()): number | null {
  const headers = (error as { meta?: { response?: { headers?: unknown } } } | null)?.meta?.response?.headers;
  const value = headers instanceof Headers ? headers.get("retry-after")?.trim() : undefined;
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * Whether the server (or a service it depends on) answered with a failure, 5xx: the candidate's connection works,
 * so "check your connection" would send them looking in the wrong place.
 */
export function isServerFailure(error: unknown): boolean {
  const e = error as { meta?: { response?: { status?: unknown } } } | null;
  const status = httpStatusOf(error) ?? e?.meta?.response?.status;
  return typeof status === "number" && status >= 500;
}

/**
 * The queries' retry rule: once after a failure, unless the server refused the request (the same one would be
 * refused again) or asked to wait (an immediate retry only spends what is left of the allowance).
 */
export function retryOnce(failureCount: number, error: unknown): boolean {
  return failureCount < 1 && !isRefused(error) && !isRateLimited(error);
}

/** Whether a failed call found nothing (HTTP 404, tRPC NOT_FOUND): the item asked for does not exist (any more). */
export function isNotFound(error: unknown): boolean {
  const code = (error as { data?: { code?: unknown } | null } | null)?.data?.code;
  return httpStatusOf(error) === 404 || code === "NOT_FOUND";
}
