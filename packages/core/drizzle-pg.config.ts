import { defineConfig } from "drizzle-kit";

// PostgreSQL migrations of the shared writes (decision 028): `npx drizzle-kit generate --config drizzle-pg.config.ts`.
export default defineConfig({
  dialect: "postgresql",
  casing: "snake_case",
  schema: "./src/db/postgres/schema/index.ts",
  out: "./drizzle-pg",
});
