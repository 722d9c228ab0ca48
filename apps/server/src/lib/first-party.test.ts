import { describe, expect, it } from "vitest";
import { isFirstPartyRequest } from "./first-party";

const PUBLIC_URL = "https://labonnealternance.example";
const at = (headers: Record<string, string>, url = "http://127.0.0.1:3000/api/trpc/jobs.search") =>
  isFirstPartyRequest(new Request(url, { headers }), PUBLIC_URL);

describe("isFirstPartyRequest", () => {
  it("trusts a browser's Sec-Fetch-Site: same-origin, and nothing else it says", () => {
    expect(at({ "Sec-Fetch-Site": "same-origin" })).toBe(true);
    for (const site of ["same-site", "cross-site", "none"])
      expect(at({ "Sec-Fetch-Site": site })).toBe(false);
    expect(at({ "Sec-Fetch-Site": "cross-site", Origin: PUBLIC_URL })).toBe(false);
  });

  it("without Sec-Fetch-Site, trusts an Origin that is ours: PUBLIC_URL or the address the request reached", () => {
    expect(at({ Origin: PUBLIC_URL })).toBe(true);
    expect(at({ Origin: "http://127.0.0.1:3000" })).toBe(true);
    expect(at({ Origin: "http://127.0.0.1:4000" })).toBe(false);
    expect(at({ Origin: "https://evil.example" })).toBe(false);
    expect(at({ Origin: "null" })).toBe(false);
  });

  it("treats a request with neither header (curl, a server) as a third party", () => {
    expect(at({})).toBe(false);
    expect(at({ Referer: `${PUBLIC_URL}/recherche-apprentissage` })).toBe(false);
  });
});
