export * from "./layout";
export * from "./application-to-company";
export * from "./applicant-confirmation";
export * from "./intention-reply";
export * from "./hard-bounce-notice";
export * from "./recruiter-reminder";
