export * from "../search";
