import { describe, expect, it } from "vitest";
import { submissionKeys } from "./submission-key";

describe("submissionKeys", () => {
  it("reuses the key when the same application is sent again, and takes a new one when it changed", () => {
    const keyFor = submissionKeys();
    const first = keyFor({ applicant_email: "a@example.org", message: "Bonjour" });
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(keyFor({ applicant_email: "a@example.org", message: "Bonjour" })).toBe(first);
    const changed = keyFor({ applicant_email: "a@example.org", message: "Bonjour !" });
    expect(changed).not.toBe(first);
    expect(keyFor({ applicant_email: "a@example.org", message: "Bonjour !" })).toBe(changed);
  });

  it("gives each form its own keys", () => {
    const payload = { applicant_email: "a@example.org" };
    expect(submissionKeys()(payload)).not.toBe(submissionKeys()(payload));
  });
});
