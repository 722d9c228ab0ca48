export * from "./geography";
