export * from "./api-calls";
export * from "./health";
