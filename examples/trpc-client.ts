// The typed tRPC client (@lba/client): the same searches and application, `caller` sent with every call.
// Run: LBA_URL=http://localhost:3000 npx tsx examples/trpc-client.ts
import { applicationErrorOf, createLbaClient } from "@lba/client";
import {
  applicationTo,
  applyAndRetry,
  BASE_URL,
  CALLER,
  companyToApply,
  fetchWithRetryAfter,
  SEARCH,
} from "./shared.js";

// A 429 is retried after its Retry-After.
const lba = createLbaClient({ baseUrl: BASE_URL, caller: CALLER, fetch: fetchWithRetryAfter });

// Two procedures, one HTTP request: the client batches calls made together.
const [trainings, jobs] = await Promise.all([
  lba.formations.search.query(SEARCH),
  lba.jobs.search.query({ ...SEARCH, sources: "lba,lbb" }),
]);
console.log(`trainings: ${trainings.results.length}`);
const company = companyToApply([jobs.lbaCompanies, jobs.lbbCompanies]);

const idempotencyKey = crypto.randomUUID();
await applyAndRetry(async () => {
  const answer = await lba.application.send.mutate({ ...applicationTo(company), idempotencyKey });
  return answer.message;
});

// A refusal comes back as a typed key of the application error union.
try {
  await lba.application.send.mutate({ ...applicationTo(company), applicant_email: "camille@mailinator.com" });
} catch (error) {
  const key = applicationErrorOf(error);
  if (key === null) throw error;
  console.log(`refused as expected: ${key}`);
}
