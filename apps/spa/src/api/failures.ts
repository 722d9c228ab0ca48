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

/** Whether a failed call found nothing (HTTP 404, tRPC NOT_FOUND): the item asked for does not exist (any more). */
export function isNotFound(error: unknown): boolean {
  const code = (error as { data?: { code?: unknown } | null } | null)?.data?.code;
  return httpStatusOf(error) === 404 || code === "NOT_FOUND";
}
