// The typed tRPC client (@lba/client): the same searches and application, `caller` sent with every call.
// Run: LBA_URL=http://localhost:3000 npx tsx examples/trpc-client.ts
import { applicationErrorOf, createLbaClient } from "@lba/client";
import { applicationTo, BASE_URL, CALLER, firstApplicable, SEARCH } from "./applicant.js";

const lba = createLbaClient({ baseUrl: BASE_URL, caller: CALLER });

// Two procedures, one HTTP request: the client batches calls made together.
const [trainings, jobs] = await Promise.all([
  lba.formations.search.query(SEARCH),
  lba.jobs.search.query({ ...SEARCH, sources: "lba,lbb" }),
]);
console.log(`trainings: ${trainings.results.length}`);
const companies = [jobs.lbaCompanies, jobs.lbbCompanies].flatMap((s) =>
  s && "results" in s ? s.results : [],
);
console.log(`companies: ${companies.length}`);

const company = firstApplicable(companies);
if (!company) throw new Error("no company to apply to around this point");
console.log(`applying to: ${company.company.name} (${company.company.siret})`);

const idempotencyKey = crypto.randomUUID();
for (const attempt of ["application", "retried with the same Idempotency-Key"]) {
  const answer = await lba.application.send.mutate({ ...applicationTo(company), idempotencyKey });
  console.log(`${attempt}: ${answer.message}`);
}

// A refusal comes back as a typed key of the application error union.
try {
  await lba.application.send.mutate({ ...applicationTo(company), applicant_email: "camille@mailinator.com" });
} catch (error) {
  const key = applicationErrorOf(error);
  if (key === null) throw error;
  console.log(`refused as expected: ${key}`);
}
