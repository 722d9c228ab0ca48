import { describe, expect, it } from "vitest";
import { testConfig } from "../testing/deps";
import { viewerClass } from "./viewer";

describe("viewerClass", () => {
  it("separates first-party, anonymous, allow-listed and other callers", () => {
    const config = testConfig({ allowedCallers: ["autorise"] });
    expect(viewerClass(config, { caller: null, trusted: undefined })).toBe("first-party");
    expect(viewerClass(config, { caller: null, trusted: true })).toBe("first-party");
    expect(viewerClass(config, { caller: null, trusted: false })).toBe("anonymous");
    expect(viewerClass(config, { caller: "x", trusted: true })).toBe("first-party+caller");
    expect(viewerClass(config, { caller: "autorise", trusted: false })).toBe("allowed-caller");
    expect(viewerClass(config, { caller: "x", trusted: false })).toBe("caller");
    expect(viewerClass(config, { caller: "x", trusted: undefined })).toBe("caller");
  });
});
