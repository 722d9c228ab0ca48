export * from "./geography";
export * from "./grands-domaines";
export * from "./diploma-levels";
export * from "./text";
