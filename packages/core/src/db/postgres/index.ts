export * from "./client";
export * from "./migrate";
export * from "./store";
export * from "./lists";
export * from "./schema";
