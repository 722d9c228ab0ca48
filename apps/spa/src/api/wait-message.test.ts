import { createTRPCUntypedClient, httpLink } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { rateLimitedError } from "./test-errors";
import { tooManyRequestsMessage, waitSentence } from "./wait-message";

describe("waitSentence", () => {
  it("says the wait the server asked for, in seconds or minutes, and a minute when it did not say", () => {
    expect(
      [0, 1, 5, 6, 30, 59, 60, 61, 120, 3600, null].map((seconds) => [seconds, waitSentence(seconds)]),
    ).toEqual([
      [0, "Patientez quelques secondes"],
      [1, "Patientez quelques secondes"],
      [5, "Patientez quelques secondes"],
      [6, "Patientez 6 secondes"],
      [30, "Patientez 30 secondes"],
      [59, "Patientez 59 secondes"],
      [60, "Patientez une minute"],
      // rounded up: trying again earlier is refused again
      [61, "Patientez 2 minutes"],
      [120, "Patientez 2 minutes"],
      [3600, "Patientez 60 minutes"],
      [null, "Patientez une minute"],
    ]);
  });
});

describe("tooManyRequestsMessage", () => {
  it("reads Retry-After on the error the tRPC client rejects a 429 with", async () => {
    const client = createTRPCUntypedClient({
      links: [
        httpLink({
          url: "http://lba.test/api/trpc",
          // The server's answer to a refused procedure (apps/server/src/lib/rate-limit.ts), without a network.
          fetch: async () =>
            new Response(
              JSON.stringify({
                error: {
                  message: "too_many_requests",
                  code: -32029,
                  data: { code: "TOO_MANY_REQUESTS", httpStatus: 429, path: "jobs.search" },
                },
              }),
              { status: 429, headers: { "Content-Type": "application/json", "Retry-After": "30" } },
            ),
        }),
      ],
    });
    const error: unknown = await client.query("jobs.search", {}).catch((e: unknown) => e);
    expect(tooManyRequestsMessage(error)).toBe(
      "Trop de tentatives en peu de temps. Patientez 30 secondes puis réessayez.",
    );
  });

  it("keeps a minute when the answer gave no Retry-After (a proxy's 429) or none came", () => {
    expect(tooManyRequestsMessage(rateLimitedError())).toBe(
      "Trop de tentatives en peu de temps. Patientez une minute puis réessayez.",
    );
    expect(tooManyRequestsMessage(new TypeError("Failed to fetch"))).toMatch(/Patientez une minute/);
  });
});
