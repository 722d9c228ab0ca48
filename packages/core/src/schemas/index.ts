export * from "./item";
export * from "./v1";
