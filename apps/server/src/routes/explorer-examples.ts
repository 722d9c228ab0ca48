// Path parameters pre-filled in the API explorer (/api-docs): identifiers of the seeded sample dataset, so that
// "Try it out" answers 200 as it is on a fresh start (openapi-examples.test.ts checks each one).
export const EXPLORER_EXAMPLES = {
  trainingId: "363272P75021683435800279021683435800279-75113#L01",
  peJobId: "19504ZM",
  companySiret: "43093780500066",
  matchaId: "7c96ca9064556d51e8111447",
  establishmentSiret: "21683435800279",
} as const;
