import { DEFAULT_SITE_INFO } from "@lba/core/schemas";
import { useQuery } from "@tanstack/react-query";
import { api } from "../api/client";
import type { HealthAnswer } from "../api/types";

export type SiteInfo = HealthAnswer["site"];

/**
 * The server's settings that the site's texts depend on (docs/reference/v1.md#s11-6): contact address, retention
 * and reminder days, the daily maximum of applications, and whether e-mails are kept instead of sent
 * (MAIL_TRANSPORT=outbox). Read once from `GET /api`.
 */
export function useSiteInfo(): SiteInfo {
  const health = useQuery({
    queryKey: ["health"],
    queryFn: api.health,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  return siteInfoOf(health.data?.site);
}

/**
 * The settings the server gave, each one it did not give (none yet, or a server older than this site, during a
 * deployment) taken from the defaults: a page never reads a setting as undefined.
 */
export function siteInfoOf(site: Partial<SiteInfo> | undefined): SiteInfo {
  return { ...DEFAULT_SITE_INFO, ...site };
}
