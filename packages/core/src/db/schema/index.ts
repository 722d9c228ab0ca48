export * from "./geography";
export * from "./referentials";
export * from "./trainings";
export * from "./jobs";
export * from "./applications";
export * from "./ops";
