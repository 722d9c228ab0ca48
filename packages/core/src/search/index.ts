export * from "./trainings";
export * from "./jobs";
export * from "./details";
export * from "./jobs-et-formations";
export * from "./opco";
export * from "./metiers";
export * from "./scope-options";
export {
  StoredItem,
  siretOf,
  withoutSiret,
  type ServedItem,
  type ServedAnswer,
} from "../sources/stored-item";
export type { Sent } from "./sent";
