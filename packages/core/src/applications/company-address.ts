import { storeOf } from "../db/store";
import type { ApplicationDeps } from "./deps";

/**
 * A company address that will only be refused again (docs/reference/v1.md#s9-6: a hard bounce, a Postmark suppression
 * or a refusal of the address at send time) goes to `email_blacklist` and out of the search data: no application
 * is sent to it any more. `source`: the company type of the application that found it out.
 */
export async function blacklistCompanyAddress(
  deps: ApplicationDeps,
  email: string | null,
  source: string | null,
): Promise<void> {
  const address = (email ?? "").trim().toLowerCase();
  if (address) await storeOf(deps).blacklist.addHardBounce(address, source, deps.now().toISOString());
}
