export * from "./applications";
export * from "./limits";
export * from "./mail";
export * from "./ops";
