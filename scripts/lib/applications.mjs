// Applications as a partner sends them, for the scripts that drive the built server (scripts/faults.mjs,
// scripts/cluster/run.mjs).

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

/** Searches whose sample answers hold companies with a sealed contact (docs/reference/v1.md#s9-1). */
export const CONTACT_SEARCHES = ["D1102", "D1106", "M1607", "G1603"].map(
  (rome) => `/api/V1/jobs?romes=${rome}&latitude=48.8566&longitude=2.3522&radius=100&insee=75056`,
);

/** The sealed contacts (`{ email, iv, type }`) of a /api/V1/jobs answer. */
export function contactsOf(body) {
  return [...(body?.lbaCompanies?.results ?? []), ...(body?.lbbCompanies?.results ?? [])]
    .filter((item) => item.contact?.email)
    .map((item) => ({ ...item.contact, type: item.ideaType }));
}

/** A valid POST /api/V1/application body from `applicant` (an e-mail address) to a sealed contact. */
export function applicationBody(contact, applicant, caller) {
  return {
    applicant_email: applicant,
    applicant_first_name: "Dominique",
    applicant_last_name: "Panne",
    applicant_phone: "0612345678",
    applicant_file_name: "cv.pdf",
    applicant_file_content: `data:application/pdf;base64,${PDF.toString("base64")}`,
    company_email: contact.email,
    iv: contact.iv,
    company_type: contact.type,
    caller,
  };
}
