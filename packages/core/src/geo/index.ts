export * from "./communes";
export * from "./load";
