import { createClamavScanner } from "@lba/core/antivirus";
import type { ApplicationDeps } from "@lba/core/applications";
import type { CoreDeps } from "@lba/core/deps";
import { createOutboxMailer, createPostmarkMailer, DEFAULT_FROM, type Mailer } from "@lba/core/mail";
import { z } from "zod";
import type { WebhookAuth } from "../../lib/webhook-auth";

// Environment of the application feature; the lead merges it into env.ts (every variable optional).
export const ApplicationEnvSchema = z.object({
  // Set: e-mails go through Postmark. Unset: they are stored in the outbox (/dev/outbox).
  POSTMARK_SERVER_TOKEN: z.string().min(1).optional(),
  // Override of https://api.postmarkapp.com (a local fake in tests).
  POSTMARK_API_URL: z.url().optional(),
  POSTMARK_MESSAGE_STREAM: z.string().default("outbound"),
  MAIL_FROM: z.string().default(DEFAULT_FROM),
  // Webhook credentials: basic auth (user + password) or a token (Bearer header or ?token=).
  POSTMARK_WEBHOOK_USER: z.string().optional(),
  POSTMARK_WEBHOOK_PASSWORD: z.string().optional(),
  POSTMARK_WEBHOOK_TOKEN: z.string().min(16).optional(),
  // Set: every CV is streamed to clamd before sending.
  CLAMAV_HOST: z.string().optional(),
  CLAMAV_PORT: z.coerce.number().int().min(1).max(65535).default(3310),
  CLAMAV_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  // What to do with a CV when clamd cannot be reached.
  CLAMAV_POLICY_WHEN_UNREACHABLE: z.enum(["reject", "accept"]).default("reject"),
  APPLICATION_MAX_PER_DAY: z.coerce.number().int().positive().default(100),
  REPLY_TOKEN_TTL_DAYS: z.coerce.number().int().positive().default(30),
  APPLICATION_RETENTION_DAYS: z.coerce.number().int().positive().default(365),
});
export type ApplicationEnv = z.infer<typeof ApplicationEnvSchema>;

export function mailerFrom(env: ApplicationEnv, core: Pick<CoreDeps, "db" | "now">): Mailer {
  if (env.POSTMARK_SERVER_TOKEN) {
    return createPostmarkMailer({
      serverToken: env.POSTMARK_SERVER_TOKEN,
      from: env.MAIL_FROM,
      messageStream: env.POSTMARK_MESSAGE_STREAM,
      ...(env.POSTMARK_API_URL ? { apiUrl: env.POSTMARK_API_URL } : {}),
    });
  }
  return createOutboxMailer(core.db, { from: env.MAIL_FROM, now: core.now });
}

export function webhookAuthFrom(env: ApplicationEnv): WebhookAuth | null {
  if (env.POSTMARK_WEBHOOK_USER && env.POSTMARK_WEBHOOK_PASSWORD) {
    return { username: env.POSTMARK_WEBHOOK_USER, password: env.POSTMARK_WEBHOOK_PASSWORD };
  }
  if (env.POSTMARK_WEBHOOK_TOKEN) return { token: env.POSTMARK_WEBHOOK_TOKEN };
  return null;
}

/** Everything registerApplicationRoutes / applicationRouter need, from the process environment. */
export function buildApplicationDeps(
  source: Record<string, string | undefined>,
  core: CoreDeps,
): { applications: ApplicationDeps; webhookAuth: WebhookAuth | null; env: ApplicationEnv } {
  const env = ApplicationEnvSchema.parse(source);
  const antivirus = env.CLAMAV_HOST
    ? {
        scanner: createClamavScanner({
          host: env.CLAMAV_HOST,
          port: env.CLAMAV_PORT,
          timeoutMs: env.CLAMAV_TIMEOUT_MS,
        }),
        policyWhenUnreachable: env.CLAMAV_POLICY_WHEN_UNREACHABLE,
      }
    : null;
  return {
    applications: {
      ...core,
      mailer: mailerFrom(env, core),
      applications: {
        maxApplicationsPerDay: env.APPLICATION_MAX_PER_DAY,
        replyTokenTtlDays: env.REPLY_TOKEN_TTL_DAYS,
        antivirus,
      },
    },
    webhookAuth: webhookAuthFrom(env),
    env,
  };
}
