// The browser side of the server's contact rules: the very same functions (core referentials/contact.ts,
// no zod in the bundle), so that the forms accept exactly what the server accepts.
export { isEmailAddress as looksLikeEmail, normalizeFrenchPhone } from "@lba/core/referentials";
