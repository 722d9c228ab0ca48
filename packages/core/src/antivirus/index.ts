export * from "./clamav";
