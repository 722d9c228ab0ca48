export * from "./email-token";
