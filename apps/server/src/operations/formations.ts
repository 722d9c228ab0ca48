import type { Item, TrainingsByRegionQuery, TrainingsQuery } from "@lba/core/schemas";
import {
  getTraining,
  getTrainingContacts,
  searchTrainings,
  trainingsByRegion,
  type ServedItem,
  type TrainingContacts,
  type ServedTrainingsAnswer,
} from "@lba/core/search";
import type { CallCounts } from "../lib/api-calls";
import type { DetailInput, Operation } from "./operation";

const trainingCounts = (results: readonly unknown[]): CallCounts => ({
  nbFormations: results.length,
  resultCount: results.length,
});

/** Keys: the tRPC procedures of `formations`. */
export const formationsOperations = {
  /** GET /api/V1/formations (docs/reference/v1.md#s3-1). */
  search: {
    limit: "formations",
    stats: { api: "formationV1", counts: (answer) => trainingCounts(answer.results) },
    cache: "formations",
    run: (deps, query) => searchTrainings(deps.core, query),
  } satisfies Operation<TrainingsQuery, ServedTrainingsAnswer>,

  /** GET /api/V1/formationsParRegion (docs/reference/v1.md#s3-4). */
  byRegion: {
    limit: "jobs",
    stats: { api: "formationRegionV1", counts: (answer) => trainingCounts(answer.results) },
    cache: "formationsParRegion",
    run: (deps, { caller: _caller, ...query }) => ({ results: trainingsByRegion(deps.core, query) }),
  } satisfies Operation<TrainingsByRegionQuery & { caller: string | null }, { results: ServedItem[] }>,

  /** GET /api/V1/formations/formation/:id (docs/reference/v1.md#s3-2). */
  get: {
    limit: "formations",
    stats: { api: "formationV1/formation", counts: (answer) => trainingCounts(answer?.results ?? []) },
    notFound: "Formation non trouvée",
    run: (deps, { id }) => {
      const item = getTraining(deps.core, id);
      return item ? { results: [item] } : null;
    },
  } satisfies Operation<DetailInput, { results: Item[] } | null>,

  /** `formations.contacts` (site only): the formateur and gestionnaire contacts of the training card. */
  contacts: {
    limit: "formations",
    notFound: "Formation non trouvée",
    run: (deps, { id }) => getTrainingContacts(deps.core, id),
  } satisfies Operation<{ id: string }, TrainingContacts | null>,
};
