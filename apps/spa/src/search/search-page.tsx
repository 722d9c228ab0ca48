import type { Item } from "@lba/core/schemas";
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from "react";
import { api } from "../api/client";
import { isNotFound, isRefused } from "../api/failures";
import { Layout, type LayoutKind } from "../components/layout";
import { TechnicalError } from "../components/technical-error";
import { ItemDetail } from "../detail/item-detail";
import { MapBoundary } from "../map/map-boundary";
import { plural } from "../lib/format";
import { goneMessage, itemId, itemKey, itemType } from "../lib/item-identity";
import { navigate } from "../lib/router";
import { scopeArea } from "../lib/scope-area";
import {
  EXTENDED_RADIUS,
  hasPoint,
  jobsInput,
  MAP_AREA,
  canLocate,
  placeToLocate,
  placeWithoutPoint,
  readCriteria,
  readScope,
  readView,
  searchedPlace,
  searchUrl,
  trainingsInput,
  unlocatedPlaceMessage,
  type SearchCriteria,
  type ViewState,
} from "../lib/url-state";
import { ResultsList } from "../results/results-list";
import { ALL_JOBS_ERROR, jobsErrorMessage, orderJobs, TRAININGS_ERROR } from "../results/ordering";
import { takeResultsFocus } from "./results-focus";
import { PaneSwitch } from "./pane-switch";
import { SearchForm } from "./search-form";
import { useDetail } from "./use-detail";
import { useListPlace } from "./use-list-place";
import { nearbySearch } from "./nearby";
import { retryHint, searchState } from "./search-state";
import { SearchStateNotice } from "./search-state-notice";

const ResultsMap = lazy(() => import("../map/results-map"));

export type Scope = "all" | "trainings" | "jobs";

export interface SearchPageProps {
  layout: LayoutKind;
  scope: Scope;
  pathname: string;
  search: URLSearchParams;
}

export function SearchPage({ layout, scope, pathname, search }: SearchPageProps) {
  const criteria = readCriteria(search);
  const view = readView(search, scope);
  const caller = search.get("caller");
  const opco = search.get("opco");
  const frozenJob = search.has("frozen_job") && Boolean(criteria.romes);
  const wholeArea = scopeArea(readScope(search));
  const [hovered, setHovered] = useState<string | null>(null);
  const paneRef = useRef<HTMLElement>(null);
  const resultsHeadingRef = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(takeResultsFocus());

  const urlFor = (c: SearchCriteria, v: ViewState) => searchUrl(pathname, c, v, search);
  const go = (c: SearchCriteria, v: ViewState, replace = false) => navigate(urlFor(c, v), { replace });
  const linkTo = (c: SearchCriteria, v: ViewState) => ({
    href: urlFor(c, v),
    onClick: (event: React.MouseEvent<HTMLAnchorElement>) => {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      go(c, v);
    },
  });

  const searching = criteria.romes !== "";
  // A partner's place without its point (data-insee, data-zipcode, data-address): its point is found in the
  // communes referential, as the métier's name is from its codes below; the search waits for it.
  const pointless = searching && placeWithoutPoint(search);
  const toLocate = pointless ? placeToLocate(search) : null;
  const lookable = toLocate !== null && canLocate(toLocate);
  const placeLookup = useQuery({
    queryKey: ["geo.locate", toLocate],
    queryFn: ({ signal }) =>
      toLocate && "insee" in toLocate
        ? api.commune(toLocate.insee, { signal })
        : api.communes(toLocate?.q ?? "", { signal }).then((found) => found[0] ?? null),
    enabled: lookable,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const foundCommune = lookable ? (placeLookup.data ?? null) : null;
  // The look-up itself failed (no answer, a 5xx): a search to retry, not a place said to be unknown.
  const locateFailed = lookable && placeLookup.isError && !isRefused(placeLookup.error);
  const locating = lookable && (placeLookup.isFetching || placeLookup.isPending || foundCommune !== null);
  // A place without a point that cannot be found is not searched at all (docs/reference/v1.md#s11-3).
  const unusablePlace = pointless && !locating && !locateFailed;
  const runs = searching && !pointless;

  // Old partner links give `romes` without `job_name`: name the métier from its codes (docs/reference/v1.md#s10-1).
  const needsLabel = searching && !criteria.jobName;
  const legacyLabel = useQuery({
    queryKey: ["metiers.forRomes", criteria.romes],
    queryFn: ({ signal }) => api.metierForRomes(criteria.romes, { signal }),
    enabled: needsLabel,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const foundLabel = legacyLabel.data?.metier?.label ?? null;
  // The place's point and the métier's name are put in the URL by one navigation: two, from the same render,
  // would each start from the same URL, and the second would drop what the first added (the point, and the
  // search would wait for it forever).
  useEffect(() => {
    const place = foundCommune && {
      lat: String(foundCommune.latitude),
      lon: String(foundCommune.longitude),
      insee: foundCommune.insee,
      zipcode: foundCommune.zipcode,
      address: foundCommune.label,
    };
    const name = needsLabel && foundLabel ? { jobName: foundLabel } : null;
    if (place || name) go({ ...criteria, ...place, ...name }, view, true);
  }, [foundCommune, needsLabel, foundLabel]);
  // Codes no métier has are shown as they are, rather than an empty field.
  const formJobName = criteria.jobName || (legacyLabel.isFetched && !foundLabel ? criteria.romes : "");
  const trainingsOn = scope !== "jobs";
  const jobsOn = scope !== "trainings";
  const tInput = trainingsInput(criteria, caller, readScope(search));
  const jInput = jobsInput(criteria, view.extended, opco, caller, readScope(search));
  const trainings = useQuery({
    queryKey: ["formations.search", tInput],
    queryFn: ({ signal }) => api.trainings(tInput, { signal }),
    enabled: runs && trainingsOn,
  });
  const jobs = useQuery({
    queryKey: ["jobs.search", jInput],
    queryFn: ({ signal }) => api.jobs(jInput, { signal }),
    enabled: runs && jobsOn,
  });

  const trainingItems = useMemo(() => trainings.data?.results ?? [], [trainings.data]);
  const jobItems = useMemo(() => orderJobs(jobs.data, view.extended), [jobs.data, view.extended]);
  const showTrainings = trainingsOn && view.filter !== "jobs";
  const showJobs = jobsOn && view.filter !== "trainings";
  const visible = useMemo(
    () => [...(showTrainings ? trainingItems : []), ...(showJobs ? jobItems : [])],
    [showTrainings, showJobs, trainingItems, jobItems],
  );

  const selectedIndex = view.selected
    ? visible.findIndex((i) => itemType(i) === view.selected?.type && itemId(i) === view.selected?.itemId)
    : -1;
  const inResults = selectedIndex >= 0 ? visible[selectedIndex] : undefined;
  const stillLoading =
    locating || (runs && ((trainingsOn && trainings.isPending) || (jobsOn && jobs.isPending)));
  const detail = useDetail(view.selected, !inResults && !stillLoading);
  const selectedItem = inResults ?? detail.data ?? null;

  // A training opened alone (shared link without a search) also searches around it (docs/reference/v1.md#s11-5).
  useEffect(() => {
    const training = detail.data;
    if (searching || !training || training.ideaType !== "formation" || !training.romes?.length) return;
    const { latitude, longitude, insee, zipCode, city } = training.place;
    // Its commune only with its point: a place without one is not a search (placeWithoutPoint).
    const located = latitude !== null && longitude !== null;
    go(
      {
        ...criteria,
        jobName: training.title ?? "",
        romes: training.romes.map((r) => r.code).join(","),
        lat: located ? String(latitude) : "",
        lon: located ? String(longitude) : "",
        insee: located ? (insee ?? "") : "",
        zipcode: located ? (zipCode ?? "") : "",
        address: located ? (city ?? "") : "",
      },
      view,
      true,
    );
  }, [detail.data, searching]);

  useEffect(() => {
    document.title = criteria.jobName
      ? `${[criteria.jobName, searchedPlace(criteria.address)].filter(Boolean).join(" ")} : La bonne alternance`
      : "Recherche : La bonne alternance";
  }, [criteria.jobName, criteria.address]);

  const nearbyAction = (item: Item) => {
    const nearby = nearbySearch(item, criteria, view, { trainings: trainingsOn, jobs: jobsOn });
    return nearby ? { label: nearby.label, run: () => go(nearby.criteria, nearby.view) } : null;
  };

  const searchHere = async (latitude: number, longitude: number) => {
    const commune = await api.reverse(latitude, longitude).catch(() => null);
    go(
      {
        ...criteria,
        lat: latitude.toFixed(5),
        lon: longitude.toFixed(5),
        insee: commune?.insee ?? "",
        zipcode: commune?.zipcode ?? "",
        address: commune?.city ?? commune?.label ?? MAP_AREA,
      },
      { ...view, selected: null, extended: false },
    );
  };

  const viewOf = (item: Item): ViewState => {
    const id = itemId(item);
    return { ...view, selected: id ? { type: itemType(item), itemId: id } : null };
  };
  const openLink = (item: Item) => linkTo(criteria, viewOf(item));

  // A failed search is an error, never "0 results" (docs/reference/v1.md#s11-3).
  const trainingsFailed = trainingsOn && (trainings.isError || locateFailed);
  const jobsFailed =
    jobsOn && (jobs.isError || locateFailed || jobsErrorMessage(jobs.data) === ALL_JOBS_ERROR);
  // What each failed side failed on: the place's look-up when it did, else its own search.
  const trainingsError = locateFailed ? placeLookup.error : trainings.error;
  const jobsError = locateFailed ? placeLookup.error : jobs.error;
  // A link with a value the server refuses (a latitude of 999, a truncated ROME code): no network trouble to
  // retry, but a search to change.
  const refused =
    unusablePlace ||
    (searching && ((trainingsOn && isRefused(trainings.error)) || (jobsOn && isRefused(jobs.error))));
  const state = searchState({
    searching,
    refused,
    refusal: unusablePlace && toLocate ? unlocatedPlaceMessage(toLocate) : null,
    trainings: {
      on: trainingsOn,
      shown: showTrainings,
      loading: locating || trainings.isFetching,
      failed: trainingsFailed,
      count: trainingItems.length,
      error: trainingsError,
    },
    jobs: {
      on: jobsOn,
      shown: showJobs,
      loading: locating || jobs.isFetching,
      failed: jobsFailed,
      count: jobItems.length,
      error: jobsError,
    },
  });
  const retry = () => {
    if (locateFailed) {
      void placeLookup.refetch();
      return;
    }
    if (trainingsFailed) void trainings.refetch();
    if (jobsFailed) void jobs.refetch();
  };
  const retrying = trainings.isFetching || jobs.isFetching || placeLookup.isFetching;
  const announcement = !searching
    ? ""
    : stillLoading
      ? "Recherche en cours"
      : state.kind === "failed" || state.kind === "refused"
        ? ""
        : [
            trainingsOn &&
              !trainingsFailed &&
              plural(trainingItems.length, "formation trouvée", "formations trouvées"),
            jobsOn &&
              !jobsFailed &&
              plural(jobItems.length, "entreprise ou offre trouvée", "entreprises et offres trouvées"),
          ]
            .filter(Boolean)
            .join(", ");

  const mapItems = useMemo(
    () => visible.filter((i) => i.place.latitude !== null && i.place.longitude !== null),
    [visible],
  );
  // On a narrow screen the form folds behind a toggle once there are results; before any search it is all the
  // page offers, so it stays open, and neither the toggle nor the map switch (an empty map) is shown.
  const formOpen = view.display === "form" || !searching || refused;
  const display = searching ? view.display : "list";
  const showMapPane = display === "map";

  const count = (failed: boolean, loading: boolean, n: number) => (failed || loading ? "" : ` (${n})`);
  const notice = <SearchStateNotice state={state} onRetry={retry} retrying={retrying} />;
  const listPane =
    state.kind === "refused" || state.kind === "failed" ? (
      notice
    ) : (
      <>
        {scope === "all" && searching && (
          <div className="filters" role="group" aria-label="Filtrer les résultats">
            {(
              [
                [
                  "all",
                  `Tout${count(trainingsFailed || jobsFailed, stillLoading, trainingItems.length + jobItems.length)}`,
                ],
                [
                  "trainings",
                  `Formations${count(trainingsFailed, trainings.isPending, trainingItems.length)}`,
                ],
                ["jobs", `Entreprises${count(jobsFailed, jobs.isPending, jobItems.length)}`],
              ] as const
            ).map(([filter, label]) => (
              <button
                key={filter}
                type="button"
                className="btn btn--filter"
                aria-pressed={view.filter === filter}
                onClick={() => go(criteria, { ...view, filter, selected: null })}
              >
                {label}
              </button>
            ))}
          </div>
        )}
        <ResultsList
          criteria={criteria}
          view={view}
          showTrainings={showTrainings && searching}
          showJobs={showJobs && searching}
          trainings={{
            items: trainingItems,
            loading: locating || trainings.isFetching,
            error: trainingsFailed ? TRAININGS_ERROR : null,
            failed: trainingsFailed,
            hint: trainingsFailed ? retryHint([trainingsError]) : null,
            nearestFallback: trainings.data?.nearestFallback ?? false,
          }}
          jobs={{
            items: jobItems,
            loading: locating || jobs.isFetching,
            error: jobs.isError ? ALL_JOBS_ERROR : jobsErrorMessage(jobs.data),
            failed: jobsFailed,
            hint: jobsFailed ? retryHint([jobsError]) : null,
          }}
          onRetry={retry}
          selectedKey={selectedItem ? itemKey(selectedItem) : null}
          openLink={openLink}
          onHover={setHovered}
          nearbyAction={nearbyAction}
          onExtend={() => go(criteria, { ...view, extended: true, selected: null })}
        />
      </>
    );

  const back = linkTo(criteria, { ...view, selected: null });

  useListPlace(paneRef, view.selected !== null, selectedItem ? itemKey(selectedItem) : null, !stillLoading);

  // Escape closes the detail, except in a text field, where it belongs to the field (the combobox clears it).
  const inDetail = view.selected !== null;
  useEffect(() => {
    if (!inDetail) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      if (event.target instanceof HTMLElement && event.target.closest("input, textarea, select")) return;
      event.preventDefault();
      go(criteria, { ...view, selected: null });
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  });

  // After "C'est parti", the focus goes to the results heading (not left on a control the form replaced).
  useEffect(() => {
    if (!focusResults.current || !resultsHeadingRef.current) return;
    focusResults.current = false;
    resultsHeadingRef.current.focus();
  });
  const neighbour = (offset: number) => {
    const item = selectedIndex >= 0 ? visible[selectedIndex + offset] : undefined;
    return item ? { label: offset < 0 ? "Précédent" : "Suivant", ...openLink(item) } : null;
  };

  return (
    <Layout layout={layout} wide>
      <h1 className="sr-only">Rechercher une formation ou une entreprise en alternance</h1>
      <div className={`search-bar${formOpen ? " search-bar--open" : ""}`}>
        <div className="container container--wide">
          {searching && (
            <button
              type="button"
              className="btn btn--secondary search-bar__toggle"
              aria-expanded={formOpen}
              onClick={() => go(criteria, { ...view, display: formOpen ? "list" : "form" })}
            >
              {`${criteria.jobName || "Métier"} · ${criteria.address || wholeArea}`}
              <span className="sr-only"> : modifier la recherche</span>
            </button>
          )}
          <SearchForm
            key={`${formJobName}|${criteria.romes}|${criteria.rncps}|${criteria.lat}|${criteria.lon}|${criteria.radius}|${criteria.diploma}`}
            initial={{ ...criteria, jobName: formJobName }}
            frozenJob={frozenJob}
            wholeArea={wholeArea}
            compact
            onSubmit={(next) => {
              focusResults.current = true;
              go(next, { display: "list", filter: "all", extended: false, selected: null });
            }}
          />
        </div>
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      <div className={`results-layout results-layout--${display}`}>
        <section
          className="results-pane"
          ref={paneRef}
          aria-label={view.selected ? "Fiche détaillée" : "Résultats"}
        >
          {searching && !view.selected && (
            <h2 className="results-heading" ref={resultsHeadingRef} tabIndex={-1}>
              {["Résultats pour", criteria.jobName || "votre recherche", searchedPlace(criteria.address)]
                .filter(Boolean)
                .join(" ")}
            </h2>
          )}
          {!searching && !view.selected && (
            <div className="empty-state">
              <h2>Que recherchez-vous ?</h2>
              <p>
                Choisissez un métier ou un diplôme, et éventuellement une commune, puis lancez la recherche.
              </p>
            </div>
          )}
          {view.selected ? (
            selectedItem ? (
              <ItemDetail
                item={selectedItem}
                caller={caller}
                back={{ label: "Retour aux résultats", ...back }}
                previous={neighbour(-1)}
                next={neighbour(1)}
                position={selectedIndex >= 0 ? `${selectedIndex + 1} sur ${visible.length}` : null}
                // Opened by its id, outside the results, an item has no distance from this search's point.
                fromSearchPoint={hasPoint(criteria) && inResults !== undefined}
                nearbyAction={nearbyAction(selectedItem)}
              />
            ) : detail.isError && !isNotFound(detail.error) ? (
              // Only a not-found answer says the item is gone; an outage is an error to retry.
              <TechnicalError
                what="La fiche ne peut pas être affichée pour le moment."
                hint={retryHint([detail.error])}
                onRetry={() => void detail.refetch()}
                retrying={detail.isFetching}
              >
                <p>
                  <a href={back.href} onClick={back.onClick}>
                    Retour aux résultats
                  </a>
                </p>
              </TechnicalError>
            ) : detail.isError || (detail.isSuccess && !detail.data) ? (
              <div className="alert alert--error" role="alert">
                <p>{goneMessage(view.selected.type)}</p>
                <a href={back.href} onClick={back.onClick}>
                  Retour aux résultats
                </a>
              </div>
            ) : (
              <p className="loading" role="status">
                Chargement de la fiche…
              </p>
            )
          ) : (
            listPane
          )}
        </section>
        <section
          className={`map-pane${showMapPane ? " map-pane--shown" : ""}`}
          aria-label="Carte des résultats"
        >
          {/* The narrow screen's map view hides the list: the search's state is said here instead. */}
          {showMapPane && state.kind !== "found" && state.kind !== "idle" && (
            <div className="map-status">{notice}</div>
          )}
          <MapBoundary>
            <Suspense fallback={<p className="loading">Chargement de la carte…</p>}>
              <ResultsMap
                items={mapItems}
                selectedKey={selectedItem ? itemKey(selectedItem) : null}
                hoveredKey={hovered}
                centre={
                  hasPoint(criteria) && !refused
                    ? { lat: Number(criteria.lat), lon: Number(criteria.lon) }
                    : null
                }
                shows={{ trainings: showTrainings, jobs: showJobs }}
                radiusKm={
                  view.extended || criteria.radius === EXTENDED_RADIUS ? null : Number(criteria.radius)
                }
                // On a narrow screen the map hides the list, where the card opens: a marker tapped there opens it.
                onSelect={(item) =>
                  go(criteria, { ...viewOf(item), display: view.display === "map" ? "list" : view.display })
                }
                onSearchHere={searching ? (lat, lon) => void searchHere(lat, lon) : null}
              />
            </Suspense>
          </MapBoundary>
        </section>
      </div>
      {searching && (
        <PaneSwitch
          label={view.display === "map" ? "Afficher la liste" : "Afficher la carte"}
          onClick={() => go(criteria, { ...view, display: view.display === "map" ? "list" : "map" })}
        />
      )}
    </Layout>
  );
}
