export * from "./client";
export * from "./daily-run";
export * from "./lists";
export * from "./migrate";
export * from "./rate-limits";
export * from "./store";
export * from "./schema";
