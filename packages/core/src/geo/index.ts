export * from "./communes";
export * from "./geocoder";
export * from "./select-geocoder";
