import type { Item } from "@lba/core/schemas";
import { plural } from "../lib/format";
import { itemKey } from "../lib/item-identity";
import { hasPoint, type SearchCriteria, type ViewState } from "../lib/url-state";
import { ItemCard } from "./item-card";
import { NO_JOBS, NO_TRAININGS } from "./ordering";

interface Block {
  items: Item[];
  loading: boolean;
  error: string | null;
  /** The search failed: an error to retry, never "0 results". */
  failed: boolean;
  /** With `failed`: what to do before retrying (retryHint: how long to wait after a 429, or what to check). */
  hint: string | null;
}

interface ResultsListProps {
  criteria: SearchCriteria;
  view: ViewState;
  showTrainings: boolean;
  showJobs: boolean;
  trainings: Block & { nearestFallback: boolean };
  jobs: Block;
  selectedKey: string | null;
  openLink: (item: Item) => { href: string; onClick: (event: React.MouseEvent<HTMLAnchorElement>) => void };
  onHover: (key: string | null) => void;
  nearbyAction: (item: Item) => { label: string; run: () => void } | null;
  onExtend: () => void;
  onRetry: () => void;
}

/** Jobs are capped at 100 per search (docs/reference/v1.md#s11-4): fewer means a wider search may find more. */
const JOBS_CAP = 100;

export function ResultsList(props: ResultsListProps) {
  const { criteria, view, trainings, jobs } = props;
  const retry = (
    <button type="button" className="btn btn--secondary btn--small" onClick={props.onRetry}>
      Réessayer
    </button>
  );
  const failure = ({ error, hint }: Block) => (
    <div className="alert alert--error" role="alert">
      <p>{error}</p>
      {hint && <p>{hint}</p>}
      {retry}
    </div>
  );
  const cards = (items: Item[]) => (
    <ul className="item-list">
      {items.map((item) => {
        const link = props.openLink(item);
        return (
          <ItemCard
            key={itemKey(item)}
            item={item}
            selected={props.selectedKey === itemKey(item)}
            href={link.href}
            onOpen={link.onClick}
            onHover={props.onHover}
            fromSearchPoint={hasPoint(criteria)}
            nearbyAction={props.nearbyAction(item)}
          />
        );
      })}
    </ul>
  );

  return (
    <>
      {props.showTrainings && (
        <section className="result-block" aria-labelledby="trainings-title" aria-busy={trainings.loading}>
          <h2 id="trainings-title" className="result-block__title">
            Formations {trainings.loading || trainings.failed ? "" : `(${trainings.items.length})`}
          </h2>
          {trainings.loading ? (
            <p className="loading">Recherche des formations en cours</p>
          ) : trainings.failed ? (
            failure(trainings)
          ) : (
            <>
              {trainings.nearestFallback && trainings.items.length > 0 && (
                <p className="alert alert--info">
                  Aucune formation ne correspond dans un rayon de {criteria.radius} km : voici les{" "}
                  {plural(trainings.items.length, "formation la plus proche", "formations les plus proches")}.
                </p>
              )}
              {trainings.items.length === 0 ? <p>{NO_TRAININGS}</p> : cards(trainings.items)}
            </>
          )}
        </section>
      )}
      {props.showJobs && (
        <section className="result-block" aria-labelledby="jobs-title" aria-busy={jobs.loading}>
          <h2 id="jobs-title" className="result-block__title">
            Entreprises et offres d'emploi {jobs.loading || jobs.failed ? "" : `(${jobs.items.length})`}
          </h2>
          {view.extended && !jobs.loading && (
            <p className="hint">Résultats étendus à toute la France, du plus proche au plus éloigné.</p>
          )}
          {jobs.loading ? (
            <p className="loading">Recherche des entreprises en cours</p>
          ) : jobs.failed ? (
            failure(jobs)
          ) : (
            <>
              {jobs.error && <p className="alert alert--error">{jobs.error}</p>}
              {jobs.items.length === 0 ? (
                !jobs.error && (
                  <div className="empty-jobs">
                    <p>{NO_JOBS}</p>
                    {!view.extended && hasPoint(criteria) && (
                      <button type="button" className="btn btn--secondary" onClick={props.onExtend}>
                        Étendre la sélection
                      </button>
                    )}
                  </div>
                )
              ) : (
                <>
                  {cards(jobs.items)}
                  {!view.extended && hasPoint(criteria) && jobs.items.length < JOBS_CAP && (
                    <button type="button" className="btn btn--secondary more-button" onClick={props.onExtend}>
                      Voir plus de résultats
                    </button>
                  )}
                </>
              )}
            </>
          )}
        </section>
      )}
    </>
  );
}
