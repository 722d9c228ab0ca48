export * from "./item";
export * from "./v1";
export * from "./sources";
export * from "./widget";
export * from "./application-errors";
export * from "./contact";
export * from "./application-limits";
