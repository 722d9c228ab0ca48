import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The manifest lets scripts/measure-weight.mjs find the entry chunk and its static imports.
export default defineConfig({
  plugins: [react()],
  build: { manifest: true, target: "es2022", sourcemap: false },
  server: { proxy: { "/api": process.env.LBA_API_ORIGIN ?? "http://localhost:3000" } },
  preview: { proxy: { "/api": process.env.LBA_API_ORIGIN ?? "http://localhost:3000" } },
});
