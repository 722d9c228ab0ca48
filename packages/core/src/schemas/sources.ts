/** The job sources of `/jobs`, in the order their keys appear in an answer (docs/reference/v1.md#s3-5). */
export const JOB_SOURCES = ["offres", "lba", "lbb", "matcha"] as const;
export type JobSourceName = (typeof JOB_SOURCES)[number];

/** The sources of `/jobsEtFormations`: the trainings, then every job source (docs/reference/v1.md#s3-7). */
export const JOBS_ET_FORMATIONS_SOURCES = ["formations", ...JOB_SOURCES] as const;
export type JobsEtFormationsSource = (typeof JOBS_ET_FORMATIONS_SOURCES)[number];
