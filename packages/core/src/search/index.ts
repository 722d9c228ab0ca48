export * from "./types";
export * from "./viewer";
export * from "./trainings";
export * from "./jobs";
export * from "./sources";
export * from "./details";
export * from "./jobs-et-formations";
export * from "./opco";
