import { z } from "zod";
import { storeOf } from "../db/store";
import { renderHardBounceNotice } from "../mail/templates";
import { applicationFailure, WEBHOOK_ERRORS, type ApplicationOutcome } from "../schemas/application-errors";
import type { BlacklistOrigin } from "../db/store";
import { blacklistCompanyAddress, reactivateCompanyAddress } from "./company-address";
import type { ApplicationDeps } from "./deps";

// Postmark webhook payloads (Delivery, Bounce, Open, SpamComplaint, SubscriptionChange); unknown fields are ignored.
export const PostmarkEventSchema = z.looseObject({
  RecordType: z.string(),
  // null in a SubscriptionChange for a suppression made by hand in Postmark: no message of ours to attach it to.
  MessageID: z.string().min(1).nullable(),
  Type: z.string().optional(),
  Email: z.string().optional(),
  Recipient: z.string().optional(),
  // SubscriptionChange: true when Postmark stops sending to the address (hard bounce, spam complaint, by hand),
  // false when it reactivates it (it delivers there again).
  SuppressSending: z.boolean().optional(),
  // SubscriptionChange: HardBounce, SpamComplaint or ManualSuppression; null on a reactivation.
  SuppressionReason: z.string().nullable().optional(),
});
export type PostmarkEvent = z.infer<typeof PostmarkEventSchema>;

// Bounce types meaning the address itself is unusable (Postmark's BounceType enum).
const HARD_BOUNCE_TYPES = new Set(["HardBounce", "BadEmailAddress"]);

function statusOf(event: PostmarkEvent): string | null {
  switch (event.RecordType) {
    case "Delivery":
      return "delivered";
    case "Open":
      return "opened";
    case "SpamComplaint":
      return "spam_complaint";
    case "Bounce":
      return HARD_BOUNCE_TYPES.has(event.Type ?? "") ? "hard_bounce" : `bounce:${event.Type ?? "Unknown"}`;
    default:
      return null;
  }
}

/** The blacklist's origin of a suppression, from Postmark's SuppressionReason. */
function suppressionOrigin(reason: string | null | undefined): BlacklistOrigin {
  if (reason === "HardBounce") return "hard_bounce";
  if (reason === "SpamComplaint") return "spam_complaint";
  return "suppression";
}

// Events may arrive out of order: a late Delivery must not hide an Open or a bounce.
function rank(status: string | null): number {
  if (status === "delivered") return 1;
  if (status === "opened") return 2;
  if (status === "hard_bounce" || status === "spam_complaint" || status?.startsWith("bounce:")) return 3;
  return 0;
}

/**
 * Records a Postmark event on its application (docs/reference/v1.md#s9-6); a hard bounce of a company e-mail, or
 * Postmark's suppression of its address (SubscriptionChange with SuppressSending), blacklists the address, and
 * Postmark's reactivation of an address (SuppressSending false) takes it off the blacklist when Postmark's own
 * signs had put it there (reactivateCompanyAddress).
 * `ignored`: an event type, a message or an address that is not ours. Error: `invalid_payload` (not a Postmark event).
 */
export async function handlePostmarkWebhook(
  deps: ApplicationDeps,
  payload: unknown,
): Promise<ApplicationOutcome<{ ignored: boolean }, typeof WEBHOOK_ERRORS.invalidPayload>> {
  const parsed = PostmarkEventSchema.safeParse(payload);
  if (!parsed.success) return applicationFailure(WEBHOOK_ERRORS.invalidPayload);
  const event = parsed.data;
  // About the address, not a message: also when made by hand in Postmark (no MessageID). The blacklist holds
  // company addresses only, so a candidate's reactivation finds nothing to remove.
  if (event.RecordType === "SubscriptionChange" && event.SuppressSending === false)
    return { ok: true, ignored: !(await reactivateCompanyAddress(deps, event.Recipient)) };
  const status = statusOf(event);
  // About the address, not this message: Postmark will refuse every later message to it.
  const suppressed = event.RecordType === "SubscriptionChange" && event.SuppressSending === true;
  if ((!status && !suppressed) || !event.MessageID) return { ok: true, ignored: true };

  const store = storeOf(deps);
  const application = await store.applications.find({ messageId: event.MessageID });
  if (!application) return { ok: true, ignored: true };

  const toCompany = application.toCompanyMessageId === event.MessageID;
  const previous = toCompany ? application.toCompanyMessageStatus : application.toApplicantMessageStatus;
  const at = deps.now().toISOString();
  if (status && rank(status) >= rank(previous) && status !== previous) {
    await store.applications.update(
      application.id,
      toCompany
        ? { toCompanyMessageStatus: status, lastUpdateAt: at }
        : { toApplicantMessageStatus: status, lastUpdateAt: at },
    );
  }

  // A company's address only: the blacklist is no place for a candidate's, kept beyond the retention.
  if (suppressed) {
    if (toCompany)
      await blacklistCompanyAddress(deps, event.Recipient ?? application.companyEmail, {
        origin: suppressionOrigin(event.SuppressionReason),
        source: application.companyType,
      });
    return { ok: true, ignored: !toCompany };
  }

  // Postmark retries deliveries: only the first hard bounce of this message acts.
  if (toCompany && status === "hard_bounce" && previous !== "hard_bounce") {
    await blacklistCompanyAddress(deps, event.Email ?? application.companyEmail, {
      origin: "hard_bounce",
      source: application.companyType,
    });
    if (application.applicantEmail) {
      const notice = renderHardBounceNotice({
        applicantFirstName: application.applicantFirstName ?? "",
        companyName: application.companyName,
      });
      try {
        await deps.mailer.send({ to: application.applicantEmail, ...notice, tag: "application-hard-bounce" });
      } catch (error) {
        deps.log.error("hard-bounce notice to the applicant failed", { error: String(error) });
      }
    }
  }
  return { ok: true, ignored: false };
}
