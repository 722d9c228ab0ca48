import { storeOf } from "@lba/core/db";
import type { CoreDeps } from "@lba/core/deps";
import type { Hono } from "hono";
import { registerOutboxRoutes } from "./outbox";

/** Development-only pages; nothing is registered in production. */
export function registerDevRoutes(app: Hono, deps: { core: Pick<CoreDeps, "db" | "store" | "config"> }) {
  if (deps.core.config.env === "production") return;
  registerOutboxRoutes(app, storeOf(deps.core));
}
