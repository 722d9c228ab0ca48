import { describe, expect, it } from "vitest";
import { siteInfoOf } from "./site-info";

describe("siteInfoOf", () => {
  it("takes each setting a server older than the site does not give from the defaults", () => {
    const older = { contactEmail: "contact@example.org", applicationRetentionDays: 30, reminderAfterDays: 0 };
    expect(siteInfoOf(older)).toEqual({
      contactEmail: "contact@example.org",
      applicationRetentionDays: 30,
      reminderAfterDays: 0,
      maxApplicationsPerDay: 100,
      keepsSentMail: false,
      legal: expect.objectContaining({ publisher: null, host: null }),
    });
  });

  it("gives the defaults before the server answers", () => {
    expect(siteInfoOf(undefined).maxApplicationsPerDay).toBe(100);
  });
});
