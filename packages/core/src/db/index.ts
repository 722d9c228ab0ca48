export * from "./client";
export * from "./migrate";
export * from "./indexes";
export * from "./schema";
export * from "./store";
export * from "./snapshots";
export { warmPointIndexes } from "./query/point-index";
