import type { MetiersQuery } from "@lba/core/schemas";
import {
  allMetiers,
  autocomplete,
  diplomaLevelsForRomes,
  metiersParEtablissement,
  metierForRomes,
  metiersParFormation,
  searchMetiers,
} from "@lba/core/search";
import type { Operation } from "./operation";

// docs/decisions/009-not-found-404.md: no matching training is a 404 (the original answered 500).
const NO_TRAINING = "Aucune formation trouvée";
const found = (metiers: string[] | null) => (metiers ? { metiers } : null);

/** Keys: the tRPC procedures of `metiers`, plus the two REST-only look-ups by training. */
export const metiersOperations = {
  /** GET /api/V1/metiers (docs/reference/v1.md#s3-8). */
  search: {
    limit: "metiers",
    run: (deps, { title, romes, rncps }) => ({
      labelsAndRomes: searchMetiers(deps.core.db, { ...(title ? { title } : {}), romes, rncps }),
    }),
  } satisfies Operation<MetiersQuery, unknown>,

  /** GET /api/V1/metiers/all (docs/reference/v1.md#s3-8). */
  all: {
    limit: "metiers",
    run: (deps) => ({ metiers: allMetiers(deps.core.db) }),
  } satisfies Operation<void, unknown>,

  /** GET /api/V1/metiers/autocomplete and /api/romelabels (docs/reference/v1.md#s3-9). */
  autocomplete: {
    limit: "autocomplete",
    run: (deps, { title, withRomeLabels }) => autocomplete(deps.core.db, title, { withRomeLabels }),
  } satisfies Operation<{ title: string; withRomeLabels: boolean }, unknown>,

  /** `metiers.forRomes` (site only): the métier label of an old partner link that gives codes alone. */
  forRomes: {
    limit: "autocomplete",
    run: (deps, { romes }) => ({ metier: metierForRomes(deps.core.db, romes) }),
  } satisfies Operation<{ romes: string[] }, unknown>,

  /** GET /api/V1/metiers/diplomaLevels and /api/jobsdiplomas (docs/reference/v1.md#s3-10). */
  diplomaLevels: {
    limit: "autocomplete",
    run: (deps, { romes }) => diplomaLevelsForRomes(deps.core.db, romes),
  } satisfies Operation<{ romes: string[] }, unknown>,

  /** GET /api/V1/metiers/metiersParFormation/:cfd (docs/reference/v1.md#s3-8). */
  byTrainingCode: {
    limit: "metiers",
    notFound: NO_TRAINING,
    run: (deps, { cfd }) => found(metiersParFormation(deps.core.db, cfd)),
  } satisfies Operation<{ cfd: string }, unknown>,

  /** GET /api/V1/metiers/metiersParEtablissement/:siret (docs/reference/v1.md#s3-8). */
  byTrainer: {
    limit: "metiers",
    notFound: NO_TRAINING,
    run: (deps, { siret }) => found(metiersParEtablissement(deps.core.db, siret)),
  } satisfies Operation<{ siret: string }, unknown>,
};
