import type { JobsEtFormationsQuery } from "../../search/jobs-et-formations";
import type { TrainingsByRegionQuery, TrainingsQuery } from "../../search/trainings";
import type { JobSourceName, JobsQuery } from "../../search/types";

// The typed queries the V1 schemas produce are the core search functions' own query types.
export type { JobsEtFormationsQuery, TrainingsByRegionQuery, TrainingsQuery };

export interface JobsSearchQuery extends JobsQuery {
  sources: JobSourceName[];
}

/** The partner caller a query carries, tracked in api_calls. */
export type WithCaller = { caller: string | null };
