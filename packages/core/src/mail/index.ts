export * from "./mailer";
export * from "./outbox-mailer";
export * from "./postmark-mailer";
export * from "./templates";
