import { describe, expect, it } from "vitest";
import { redactEmails, redactingLogger } from "./redacting-logger";

describe("redacting logger", () => {
  it("replaces every e-mail address in the message and in nested data", () => {
    const lines: unknown[] = [];
    const log = redactingLogger({
      info: (m, d) => lines.push([m, d]),
      warn: (m, d) => lines.push([m, d]),
      error: (m, d) => lines.push([m, d]),
    });
    log.error("failed for rh@societe.example", {
      error: "Error: Found inactive addresses: a.b+c@x-y.example.fr, other@z.io.",
      nested: { to: ["c@d.example"] },
      count: 2,
    });
    expect(lines).toEqual([
      [
        "failed for [e-mail]",
        {
          error: "Error: Found inactive addresses: [e-mail], [e-mail].",
          nested: { to: ["[e-mail]"] },
          count: 2,
        },
      ],
    ]);
  });

  it("leaves text without an address unchanged", () => {
    expect(redactEmails("listening on http://127.0.0.1:3000 @ 12:00")).toBe(
      "listening on http://127.0.0.1:3000 @ 12:00",
    );
  });
});
