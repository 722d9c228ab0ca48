import { useQuery } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { api } from "../api/client";
import { Combobox } from "../components/combobox";
import { ALL_LEVELS, levelLabel, levelsFromNiveaux } from "../lib/diploma-levels";
import { DEFAULT_RADIUS, RADII, type SearchCriteria } from "../lib/url-state";
import { useMetierSuggestions, usePlaceSuggestions } from "./use-suggestions";

interface Picked {
  label: string;
  romes: string;
  rncps: string;
}

interface Place {
  label: string;
  lat: string;
  lon: string;
  insee: string;
  zipcode: string;
}

interface SearchFormProps {
  initial: SearchCriteria;
  frozenJob?: boolean;
  compact?: boolean;
  /** What an empty "Lieu" searches (scopeArea): "France entière" unless a partner scoped the widget. */
  wholeArea?: string;
  onSubmit: (criteria: SearchCriteria) => void;
}

const MIN_CHARS = 2;

export function SearchForm({
  initial,
  frozenJob = false,
  compact = false,
  wholeArea = "France entière",
  onSubmit,
}: SearchFormProps) {
  const formId = useId();
  const [jobText, setJobText] = useState(initial.jobName);
  const [job, setJob] = useState<Picked | null>(
    initial.romes ? { label: initial.jobName, romes: initial.romes, rncps: initial.rncps } : null,
  );
  const [placeText, setPlaceText] = useState(initial.address);
  const [place, setPlace] = useState<Place | null>(
    initial.lat
      ? {
          label: initial.address,
          lat: initial.lat,
          lon: initial.lon,
          insee: initial.insee,
          zipcode: initial.zipcode,
        }
      : null,
  );
  const [radius, setRadius] = useState(initial.radius || DEFAULT_RADIUS);
  const [diploma, setDiploma] = useState(initial.diploma);
  const [jobError, setJobError] = useState<string | null>(null);
  const [placeError, setPlaceError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const jobSuggestions = useMetierSuggestions(jobText, !job, MIN_CHARS);
  const placeSuggestions = usePlaceSuggestions(placeText, !place, MIN_CHARS);

  const levels = useQuery({
    queryKey: ["metiers.diplomaLevels", job?.romes],
    queryFn: ({ signal }) => api.diplomaLevels(job?.romes ?? "", { signal }),
    enabled: Boolean(job?.romes),
    staleTime: Number.POSITIVE_INFINITY,
    select: levelsFromNiveaux,
  });
  const offeredLevels = levels.data ?? ALL_LEVELS;
  // A level from the link (a shared URL, a widget's data-diploma) that this métier's trainings do not offer still
  // filters the results: it stays listed while the métier is the link's, so the form shows the filter applied.
  const levelOptions =
    diploma &&
    diploma === initial.diploma &&
    job?.romes === initial.romes &&
    ALL_LEVELS.includes(diploma) &&
    !offeredLevels.includes(diploma)
      ? [...offeredLevels, diploma].sort()
      : offeredLevels;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const missingJob = !job && !frozenJob;
    const missingPlace = placeText.trim() !== "" && !place;
    setJobError(missingJob ? "Veuillez sélectionner un métier proposé" : null);
    setPlaceError(
      missingPlace
        ? "Veuillez sélectionner une commune proposée, ou videz le champ pour chercher dans toute la France"
        : null,
    );
    if (missingJob || missingPlace || !job) {
      formRef.current?.querySelector<HTMLInputElement>("[aria-invalid=true]")?.focus();
      return;
    }
    onSubmit({
      jobName: job.label,
      romes: job.romes,
      rncps: frozenJob ? "" : job.rncps,
      diploma: levelOptions.includes(diploma) ? diploma : "",
      radius,
      lat: place?.lat ?? "",
      lon: place?.lon ?? "",
      zipcode: place?.zipcode ?? "",
      insee: place?.insee ?? "",
      address: place ? placeText.trim() : "",
    });
  };

  return (
    <form
      ref={formRef}
      className={`search-form${compact ? " search-form--compact" : ""}`}
      onSubmit={submit}
      noValidate
      role="search"
      aria-label="Rechercher une formation ou une entreprise"
    >
      <Combobox
        name="job"
        label={
          <>
            Métier ou diplôme <span aria-hidden="true">*</span>
          </>
        }
        hint={compact ? undefined : "Par exemple : boulanger, BTS commerce"}
        required
        disabled={frozenJob}
        inputValue={jobText}
        onInputChange={(text) => {
          setJobText(text);
          setJob(null);
          setJobError(null);
        }}
        groups={jobSuggestions.groups}
        status={jobSuggestions.status}
        empty={jobSuggestions.empty}
        error={jobError}
        onSelect={(option) => {
          setJobText(option.value.label);
          setJob({
            label: option.value.label,
            romes: option.value.romes.join(","),
            rncps: (option.value.rncps ?? []).join(","),
          });
          setJobError(null);
        }}
      />
      <Combobox
        name="place"
        label="Lieu"
        hint={compact ? undefined : "Commune ou code postal ; vide : toute la France"}
        placeholder={wholeArea}
        inputValue={placeText}
        onInputChange={(text) => {
          setPlaceText(text);
          setPlace(null);
          setPlaceError(null);
        }}
        groups={placeSuggestions.groups}
        status={placeSuggestions.status}
        empty={placeSuggestions.empty}
        error={placeError}
        onSelect={(option) => {
          const c = option.value;
          setPlaceText(c.label);
          setPlace({
            label: c.label,
            lat: String(c.latitude),
            lon: String(c.longitude),
            insee: c.insee,
            zipcode: c.zipcode,
          });
          setPlaceError(null);
        }}
      />
      <div className="field">
        <label htmlFor={`${formId}-radius`}>Rayon</label>
        <select id={`${formId}-radius`} value={radius} onChange={(e) => setRadius(e.target.value)}>
          {RADII.map((r) => (
            <option key={r} value={r}>
              {r} km
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${formId}-diploma`}>Niveau d'études visé</label>
        <select id={`${formId}-diploma`} value={diploma} onChange={(e) => setDiploma(e.target.value)}>
          <option value="">Indifférent</option>
          {levelOptions.map((level) => (
            <option key={level} value={level}>
              {levelLabel(level)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn btn--primary search-form__submit">
        C'est parti
      </button>
    </form>
  );
}
