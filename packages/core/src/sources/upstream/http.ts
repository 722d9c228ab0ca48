/** An upstream that failed: its message and HTTP status end up in the V1 SourceError (docs/reference/v1.md#s2-1). */
export class UpstreamError extends Error {
  readonly status: number | undefined;
  constructor(message: string, status?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "UpstreamError";
    this.status = status;
  }
}

export interface RawAnswer {
  status: number;
  headers: Headers;
  body: string;
}

/**
 * One HTTP exchange, body included, bounded by `timeoutMs` (a slow body counts as a timeout too).
 * Network failures and timeouts become UpstreamErrors named after `upstream`.
 */
export async function fetchWithTimeout(
  fetchImpl: typeof fetch,
  upstream: string,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<RawAnswer> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetchImpl(url, { ...init, signal });
    const body = await response.text();
    return { status: response.status, headers: response.headers, body };
  } catch (error) {
    if (signal.aborted)
      throw new UpstreamError(`${upstream} : délai de réponse dépassé`, undefined, { cause: error });
    throw new UpstreamError(`${upstream} : service injoignable`, undefined, { cause: error });
  }
}

/** Parses a JSON body; malformed JSON is an upstream failure, not a crash. */
export function parseJson(upstream: string, answer: RawAnswer): unknown {
  try {
    return JSON.parse(answer.body) as unknown;
  } catch (error) {
    throw new UpstreamError(`${upstream} : réponse illisible`, answer.status, { cause: error });
  }
}

/** Delay announced by a Retry-After header (seconds or HTTP date), or `fallbackMs`. */
export function retryAfterMs(headers: Headers, now: Date, fallbackMs: number): number {
  const value = headers.get("retry-after")?.trim();
  if (!value) return fallbackMs;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? fallbackMs : Math.max(0, date - now.getTime());
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
