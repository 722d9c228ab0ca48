import { describe, expect, it } from "vitest";
import { isNotFound, isRateLimited, isRefused, retryAfterSecondsOf, retryOnce } from "./failures";
import { rateLimitedError } from "./test-errors";

/** A failed tRPC call as the client rejects it: `data` carries the HTTP status and the tRPC code. */
const failure = (httpStatus: number | null, code?: string) => ({
  message: "x",
  data: httpStatus === null ? null : { httpStatus, ...(code ? { code } : {}) },
});

describe("isNotFound", () => {
  it("is true for a 404 or a NOT_FOUND code only", () => {
    expect(isNotFound(failure(404, "NOT_FOUND"))).toBe(true);
    expect(isNotFound({ data: { code: "NOT_FOUND" } })).toBe(true);
    expect(isNotFound(failure(500, "INTERNAL_SERVER_ERROR"))).toBe(false);
    expect(isNotFound(failure(502))).toBe(false);
    expect(isNotFound(failure(429, "TOO_MANY_REQUESTS"))).toBe(false);
    expect(isNotFound(new TypeError("Failed to fetch"))).toBe(false);
    expect(isNotFound(null)).toBe(false);
  });
});

describe("isRefused", () => {
  it("is true for a 4xx the same request would get again", () => {
    expect(isRefused(failure(400))).toBe(true);
    expect(isRefused(failure(404))).toBe(true);
    expect(isRefused(failure(408))).toBe(false);
    expect(isRefused(failure(429))).toBe(false);
    expect(isRefused(failure(500))).toBe(false);
    expect(isRefused(new TypeError("Failed to fetch"))).toBe(false);
  });
});

describe("retryOnce", () => {
  it("retries a network failure or a 5xx once", () => {
    expect(retryOnce(0, failure(500))).toBe(true);
    expect(retryOnce(0, new TypeError("Failed to fetch"))).toBe(true);
    expect(retryOnce(1, failure(500))).toBe(false);
  });

  it("does not retry a refusal, nor at once when the server asked to wait (429)", () => {
    expect(retryOnce(0, failure(400, "BAD_REQUEST"))).toBe(false);
    expect(retryOnce(0, failure(404, "NOT_FOUND"))).toBe(false);
    expect(retryOnce(0, failure(429, "TOO_MANY_REQUESTS"))).toBe(false);
    expect(isRateLimited({ data: { code: "TOO_MANY_REQUESTS" } })).toBe(true);
    expect(retryOnce(0, { message: "Too Many Requests", meta: { response: { status: 429 } } })).toBe(false);
    expect(isRateLimited(failure(503))).toBe(false);
  });
});

describe("retryAfterSecondsOf", () => {
  it("reads the answer's Retry-After, in seconds or as an HTTP-date, and null when there is none to read", () => {
    expect(retryAfterSecondsOf(rateLimitedError("1"))).toBe(1);
    expect(retryAfterSecondsOf(rateLimitedError(" 45 "))).toBe(45);
    const now = Date.parse("2026-12-01T10:00:00Z");
    expect(retryAfterSecondsOf(rateLimitedError("Tue, 01 Dec 2026 10:02:00 GMT"), now)).toBe(120);
    // a date already past: no wait left
    expect(retryAfterSecondsOf(rateLimitedError("Tue, 01 Dec 2026 09:00:00 GMT"), now)).toBe(0);
    expect(retryAfterSecondsOf(rateLimitedError("soon"))).toBeNull();
    expect(retryAfterSecondsOf(rateLimitedError())).toBeNull();
    expect(retryAfterSecondsOf(failure(429, "TOO_MANY_REQUESTS"))).toBeNull();
    expect(retryAfterSecondsOf(new TypeError("Failed to fetch"))).toBeNull();
    expect(retryAfterSecondsOf(null)).toBeNull();
  });
});
