import { defineConfig } from "drizzle-kit";

// The PostgreSQL tables of a deployment with replicas (docs/deployment.md); the SQLite ones are in drizzle.config.ts.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/postgres/schema/index.ts",
  out: "./drizzle-pg",
});
