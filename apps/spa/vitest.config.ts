import { defineConfig } from "vitest/config";

// Unit tests of the SPA's pure modules (no DOM needed); browser tests live in tests/browser.
export default defineConfig({ test: { name: "spa", include: ["src/**/*.test.ts"] } });
