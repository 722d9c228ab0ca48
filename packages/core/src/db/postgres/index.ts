export * from "./client";
export * from "./daily-run";
export * from "./migrate";
export * from "./rate-limits";
export * from "./schema";
