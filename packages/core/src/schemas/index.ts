export * from "./item";
export * from "./v1";
export * from "./sources";
export * from "./widget";
export * from "./application-errors";
export * from "./application-limits";
export * from "./site-pages";
export * from "./refusal-reasons";
