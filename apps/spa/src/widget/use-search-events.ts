import { useIsFetching, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { api } from "../api/client";
import type { JobsAnswer, TrainingsAnswer } from "../api/types";
import { jobsInput, readCriteria, readScope, readView, trainingsInput } from "../lib/url-state";
import { orderJobs } from "../results/ordering";
import type { Scope } from "../search/search-page";
import { postToParent } from "./parent-messages";

// With the métier's name looked up from its codes (a link without job_name, see SearchPage), the event waits for it.
type MetierForRomes = Awaited<ReturnType<typeof api.metierForRomes>>;

const SEARCH_KEYS = new Set(["formations.search", "jobs.search", "metiers.forRomes"]);

/**
 * `lba:search` once per search, when its results (or errors) are in. It reads the same react-query cache
 * entries as SearchPage (same keys built from the URL), so it never triggers a request of its own.
 */
export function useSearchEvents(scope: Scope, search: URLSearchParams) {
  const queryClient = useQueryClient();
  const fetching = useIsFetching({ predicate: (query) => SEARCH_KEYS.has(String(query.queryKey[0])) });
  const lastSent = useRef<string | null>(null);

  const criteria = readCriteria(search);
  const view = readView(search, scope);
  const caller = search.get("caller");
  const partner = readScope(search);
  const tKey = ["formations.search", trainingsInput(criteria, caller, partner)];
  const jKey = ["jobs.search", jobsInput(criteria, view.extended, search.get("opco"), caller, partner)];
  const signature = JSON.stringify([scope, tKey, jKey]);

  useEffect(() => {
    if (!criteria.romes || fetching > 0 || lastSent.current === signature) return;
    const trainings = scope === "jobs" ? null : queryClient.getQueryState<TrainingsAnswer>(tKey);
    const jobs = scope === "trainings" ? null : queryClient.getQueryState<JobsAnswer>(jKey);
    const settled = (state: typeof trainings | typeof jobs) =>
      state === null || state?.status === "success" || state?.status === "error";
    if (!settled(trainings) || !settled(jobs)) return;
    lastSent.current = signature;
    postToParent({
      type: "lba:search",
      detail: {
        romes: criteria.romes,
        jobName:
          criteria.jobName ||
          queryClient.getQueryData<MetierForRomes>(["metiers.forRomes", criteria.romes])?.metier?.label ||
          null,
        latitude: criteria.lat ? Number(criteria.lat) : null,
        longitude: criteria.lon ? Number(criteria.lon) : null,
        radius: criteria.lat ? Number(criteria.radius) : null,
        insee: criteria.insee || null,
        zipcode: criteria.zipcode || null,
        diploma: criteria.diploma || null,
        trainings: trainings?.data ? trainings.data.results.length : null,
        jobs: jobs?.data ? orderJobs(jobs.data, view.extended).length : null,
      },
    });
    // tKey/jKey are summarised by `signature`.
  }, [signature, fetching, queryClient]);
}
