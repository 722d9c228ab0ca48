import { useEffect, useState } from "react";
import { api } from "../api/client";
import { Layout } from "../components/layout";
import { navigate } from "../lib/router";
import { hasPoint, readCriteria } from "../lib/url-state";
import { SearchPage, type Scope } from "../search/search-page";
import { useSearchEvents } from "./use-search-events";
import { WidgetFrame } from "./widget-frame";

interface WidgetSearchPageProps {
  scope: Scope;
  pathname: string;
  search: URLSearchParams;
}

/**
 * docs/reference/v1.md#s10-1: a point without `job_name` is reverse-geocoded first (insee and zipcode feed the job search), then the
 * URL is completed in place, so that the search runs once, with the full location. Unlike the original, a point
 * with `job_name` but no zipcode, insee nor address is completed too (else the form would say "France entière").
 */
function usePointCompletion(pathname: string, search: URLSearchParams): boolean {
  const criteria = readCriteria(search);
  const point = `${criteria.lat},${criteria.lon}`;
  const needed =
    hasPoint(criteria) && !criteria.insee && !criteria.zipcode && !(criteria.jobName && criteria.address);
  const [done, setDone] = useState<string | null>(null);
  const pending = needed && done !== point;

  useEffect(() => {
    if (!pending) return;
    let cancelled = false;
    void api
      .reverse(Number(criteria.lat), Number(criteria.lon))
      .catch(() => null)
      .then((commune) => {
        if (cancelled) return;
        setDone(point);
        if (!commune) return;
        const params = new URLSearchParams(search);
        params.set("insee", commune.insee);
        params.set("zipcode", commune.zipcode);
        if (!params.get("address")) params.set("address", commune.city || commune.label);
        navigate(`${pathname}?${params.toString()}`, { replace: true });
      });
    return () => {
      cancelled = true;
    };
  }, [pending, point]);
  return pending;
}

/** The three search widgets: the site's search page without header and footer, plus the host messaging. */
export function WidgetSearchPage({ scope, pathname, search }: WidgetSearchPageProps) {
  const locating = usePointCompletion(pathname, search);
  useSearchEvents(scope, search);
  return (
    <WidgetFrame search={search} bounded>
      {locating ? (
        <Layout layout="widget">
          <p className="loading" role="status">
            Localisation en cours…
          </p>
        </Layout>
      ) : (
        <SearchPage layout="widget" scope={scope} pathname={pathname} search={search} />
      )}
    </WidgetFrame>
  );
}
