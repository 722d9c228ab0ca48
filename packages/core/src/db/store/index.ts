export * from "./types";
export * from "./sqlite";
export * from "./lists";
