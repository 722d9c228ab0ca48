export * from "./item";
export * from "./v1";
export * from "./sources";
export * from "./application-errors";
