import { useEffect, useState } from "react";
import { api } from "../api/client";
import { Layout } from "../components/layout";
import { navigate } from "../lib/router";
import { hasPoint, readCriteria } from "../lib/url-state";
import { SearchPage, type SearchPageProps } from "./search-page";

/**
 * docs/reference/v1.md#s10-1 and #s11-1: a point without `job_name` is reverse-geocoded first (insee and zipcode
 * feed the job search), then the URL is completed in place, so that the search runs once, with the full location.
 * Unlike the original, a point with `job_name` but no zipcode, insee nor address is completed too (else the form
 * would say "France entière" while the results are around the point). True while the lookup runs.
 */
function usePointCompletion(pathname: string, search: URLSearchParams): boolean {
  const criteria = readCriteria(search);
  const point = `${criteria.lat},${criteria.lon}`;
  // A point out of range is left to the search, which refuses it and says so.
  const inRange = Math.abs(Number(criteria.lat)) <= 90 && Math.abs(Number(criteria.lon)) <= 180;
  const needed =
    hasPoint(criteria) &&
    inRange &&
    !criteria.insee &&
    !criteria.zipcode &&
    !(criteria.jobName && criteria.address);
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

/** The search page of the site and of the widgets, once a point given without its commune is named. */
export function LocatedSearchPage(props: SearchPageProps) {
  const locating = usePointCompletion(props.pathname, props.search);
  return locating ? (
    <Layout layout={props.layout}>
      <p className="loading" role="status">
        Localisation en cours…
      </p>
    </Layout>
  ) : (
    <SearchPage {...props} />
  );
}
