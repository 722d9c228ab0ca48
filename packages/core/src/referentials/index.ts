export * from "./geography";
export * from "./diploma-levels";
export * from "./text";
export * from "./rome-codes";
export * from "./contact";
export * from "./french-date";
