export * from "./db";
export * from "./deps";
export * from "./factories";
export * from "./applications";
export * from "./communes";
export * from "./hash";
export * from "./fixture-paths";
export * from "../sources/job-offers/fake-server";
export { searchFixture, offerFixture } from "../sources/job-offers/fixtures";
