export * from "./applications";
export * from "./mail";
export * from "./ops";
