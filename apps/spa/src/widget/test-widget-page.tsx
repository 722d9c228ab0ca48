import {
  APPLY_TYPES,
  RADII,
  scopeProblem,
  WIDGET_KINDS,
  type ApplyType,
  type WidgetKind,
} from "@lba/core/widget";
import { useEffect, useId, useRef, useState } from "react";
import { Combobox } from "../components/combobox";
import { Layout } from "../components/layout";
import { useMetierSuggestions, usePlaceSuggestions } from "../search/use-suggestions";
import { ScopeFields } from "./scope-fields";
import { iframeSnippet, mountOptions, scriptSnippet, widgetSrc, type WidgetOptions } from "./snippet";

const KIND_LABELS: Record<WidgetKind, string> = {
  search: "Formations et entreprises",
  trainings: "Formations seulement",
  jobs: "Entreprises et offres seulement",
  apply: "Postuler à une offre",
};

const TYPE_LABELS: Record<ApplyType, string> = {
  lba: "Entreprise qui recrute (lba)",
  lbb: "Entreprise (lbb)",
  matcha: "Offre La bonne alternance (matcha)",
};

type Loader = { mount: (element: HTMLElement, options: Record<string, string>) => HTMLIFrameElement | null };

let loaderPromise: Promise<Loader | null> | null = null;

/** The builder previews with the real loader (dogfooding); without it (dev server), with a plain iframe. */
function loadLoader(): Promise<Loader | null> {
  loaderPromise ??= new Promise((resolve) => {
    const existing = (window as unknown as { LBA?: Loader }).LBA;
    if (existing) return resolve(existing);
    const script = document.createElement("script");
    script.src = "/embed.js";
    script.async = true;
    script.onload = () => resolve((window as unknown as { LBA?: Loader }).LBA ?? null);
    script.onerror = () => resolve(null);
    document.head.append(script);
  });
  return loaderPromise;
}

function Preview({ options, mobile }: { options: WidgetOptions; mobile: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let cancelled = false;
    void loadLoader().then((loader) => {
      const element = ref.current;
      if (cancelled || !element) return;
      if (loader) {
        loader.mount(element, mountOptions(options));
        return;
      }
      const frame = document.createElement("iframe");
      frame.src = widgetSrc(window.location.origin, options);
      frame.title = "Aperçu du widget La bonne alternance";
      frame.style.cssText = "width:100%;height:800px;border:0;display:block";
      element.replaceChildren(frame);
    });
    return () => {
      cancelled = true;
    };
  }, [options]);
  return <div ref={ref} className={`builder__preview${mobile ? " builder__preview--mobile" : ""}`} />;
}

function Snippet({ title, code }: { title: string; code: string }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = () =>
    void navigator.clipboard
      ?.writeText(code)
      .then(() => setCopied(true))
      .catch(() => setCopied(false));
  return (
    <section aria-labelledby={`${id}-title`} className="stack">
      <h3 id={`${id}-title`}>{title}</h3>
      <pre className="snippet" tabIndex={0} aria-labelledby={`${id}-title`}>
        <code>{code}</code>
      </pre>
      <button type="button" className="btn btn--secondary btn--small" onClick={copy}>
        Copier le code <span className="sr-only">: {title}</span>
      </button>
      <span role="status" className="hint">
        {copied ? "Code copié" : ""}
      </span>
    </section>
  );
}

const EMPTY: WidgetOptions = { widget: "search", caller: "" };

/** /test-widget: partners build their widget, see it live, and copy the snippet (docs/reference/v1.md#s10-1 "tester page"). */
export function TestWidgetPage() {
  const id = useId();
  const [options, setOptions] = useState<WidgetOptions>(EMPTY);
  const [shown, setShown] = useState<WidgetOptions | null>(null);
  const [mobile, setMobile] = useState(false);
  const [errors, setErrors] = useState<{ caller?: string; itemId?: string }>({});
  const [jobText, setJobText] = useState("");
  const [placeText, setPlaceText] = useState("");
  const formRef = useRef<HTMLFormElement>(null);
  const set = (patch: Partial<WidgetOptions>) => setOptions((o) => ({ ...o, ...patch }));
  const apply = options.widget === "apply";

  useEffect(() => {
    document.title = "Tester le widget : La bonne alternance";
  }, []);

  const {
    groups: jobGroups,
    status: jobStatus,
    empty: jobEmpty,
  } = useMetierSuggestions(jobText, !options.romes, 2);
  const {
    groups: placeGroups,
    status: placeStatus,
    empty: placeEmpty,
  } = usePlaceSuggestions(placeText, !options.lat, 2);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!options.caller.trim()) found.caller = "Indiquez le nom de votre site ou service (caller).";
    if (apply && (!options.itemId?.trim() || !options.type))
      found.itemId = "Indiquez l'identifiant et le type de l'offre.";
    setErrors(found);
    if (Object.keys(found).length > 0 || (!apply && scopeProblem(options))) {
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus(),
      );
      return;
    }
    setShown({ ...options });
  };

  const origin = window.location.origin;
  const text = (
    name: "caller" | "opco" | "returnUri" | "returnLogoUrl" | "itemId",
    label: string,
    hint?: string,
  ) => {
    const error = name === "caller" || name === "itemId" ? errors[name] : undefined;
    return (
      <div className={`field${error ? " field--error" : ""}`}>
        <label htmlFor={`${id}-${name}`}>
          {label}
          {hint && (
            <span className="hint" id={`${id}-${name}-hint`}>
              {hint}
            </span>
          )}
        </label>
        <input
          id={`${id}-${name}`}
          type="text"
          value={options[name] ?? ""}
          onChange={(e) => set({ [name]: e.target.value })}
          aria-invalid={error ? true : undefined}
          aria-describedby={
            [hint && `${id}-${name}-hint`, error && `${id}-${name}-error`].filter(Boolean).join(" ") ||
            undefined
          }
        />
        {error && (
          <p className="error-text" id={`${id}-${name}-error`}>
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <Layout layout="site" wide>
      <div className="container container--wide page">
        <h1>Tester le widget</h1>
        <p>
          Composez votre widget, vérifiez-le en direct, puis copiez le code à coller dans votre page. Seules
          les pages du widget peuvent être intégrées dans un autre site.
        </p>
        <div className="builder">
          <form
            ref={formRef}
            className="stack"
            onSubmit={submit}
            noValidate
            aria-label="Paramètres du widget"
          >
            <fieldset>
              <legend>Widget</legend>
              <div className="radio-row">
                {WIDGET_KINDS.map((kind) => (
                  <label key={kind} className="check">
                    <input
                      type="radio"
                      name="widget"
                      value={kind}
                      checked={options.widget === kind}
                      onChange={() => set({ widget: kind })}
                    />
                    {KIND_LABELS[kind]}
                  </label>
                ))}
              </div>
            </fieldset>
            {text(
              "caller",
              "Votre identifiant (caller) *",
              "Par exemple : contact@domaine.fr nom_de_la_societe",
            )}
            {apply ? (
              <fieldset className="stack">
                <legend>Offre</legend>
                {text(
                  "itemId",
                  "Identifiant de l'offre (itemId) *",
                  "Siret de l'entreprise ; pour une offre La bonne alternance (matcha), son identifiant job.id",
                )}
                <div className="field">
                  <label htmlFor={`${id}-type`}>Type d'offre (type)</label>
                  <select
                    id={`${id}-type`}
                    value={options.type ?? ""}
                    onChange={(e) => set({ type: e.target.value })}
                  >
                    <option value="">Choisir</option>
                    {APPLY_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {TYPE_LABELS[type]}
                      </option>
                    ))}
                  </select>
                </div>
              </fieldset>
            ) : (
              <fieldset className="stack">
                <legend>Recherche lancée à l'ouverture</legend>
                <Combobox
                  name="job"
                  label="Métier"
                  hint="Facultatif : renseigne romes et job_name"
                  inputValue={jobText}
                  onInputChange={(value) => {
                    setJobText(value);
                    set({ romes: undefined, jobName: undefined });
                  }}
                  groups={jobGroups}
                  status={jobStatus}
                  empty={jobEmpty}
                  onSelect={(option) => {
                    setJobText(option.value.label);
                    set({ romes: option.value.romes.join(","), jobName: option.value.label });
                  }}
                />
                <p className="hint">Codes ROME : {options.romes ?? "aucun"}</p>
                <Combobox
                  name="place"
                  label="Lieu"
                  hint="Facultatif : renseigne lat et lon ; vide : toute la France"
                  inputValue={placeText}
                  onInputChange={(value) => {
                    setPlaceText(value);
                    set({
                      lat: undefined,
                      lon: undefined,
                      zipcode: undefined,
                      insee: undefined,
                      address: undefined,
                    });
                  }}
                  groups={placeGroups}
                  status={placeStatus}
                  empty={placeEmpty}
                  onSelect={({ value: c }) => {
                    setPlaceText(c.label);
                    set({
                      lat: String(c.latitude),
                      lon: String(c.longitude),
                      zipcode: c.zipcode,
                      insee: c.insee,
                      address: c.city,
                    });
                  }}
                />
                <div className="field">
                  <label htmlFor={`${id}-radius`}>Rayon (radius)</label>
                  <select
                    id={`${id}-radius`}
                    value={options.radius ?? ""}
                    onChange={(e) => set({ radius: e.target.value || undefined })}
                  >
                    <option value="">Non précisé (30 km)</option>
                    {RADII.map((r) => (
                      <option key={r} value={r}>
                        {r} km
                      </option>
                    ))}
                  </select>
                </div>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={options.frozenJob ?? false}
                    onChange={(e) => set({ frozenJob: e.target.checked })}
                  />
                  Métier figé (frozen_job) : l'utilisateur ne peut pas changer de métier
                </label>
                {text("opco", "OPCO (opco)", "Facultatif : ne montre que les entreprises de cet OPCO")}
              </fieldset>
            )}
            {!apply && <ScopeFields widget={options.widget} options={options} onChange={set} />}
            {text(
              "returnUri",
              "Page de retour (return_uri)",
              "Page de votre site ouverte au clic sur le logo ; par défaut /",
            )}
            {text(
              "returnLogoUrl",
              "Logo (return_logo_url)",
              "Facultatif : adresse https de votre logo, affiché à la place du nôtre",
            )}
            <button type="submit" className="btn btn--primary">
              Afficher le widget
            </button>
          </form>
          <div className="stack">
            <h2>Code à copier</h2>
            <Snippet
              title="Avec le script (recommandé : hauteur automatique)"
              code={scriptSnippet(origin, options)}
            />
            <Snippet title="Avec une iframe simple" code={iframeSnippet(origin, options)} />
            <h2>Aperçu</h2>
            <div className="radio-row" role="group" aria-label="Taille de l'aperçu">
              <button
                type="button"
                className="btn btn--filter"
                aria-pressed={!mobile}
                onClick={() => setMobile(false)}
              >
                Ordinateur
              </button>
              <button
                type="button"
                className="btn btn--filter"
                aria-pressed={mobile}
                onClick={() => setMobile(true)}
              >
                Mobile (360 px)
              </button>
            </div>
            {shown ? (
              <Preview options={shown} mobile={mobile} />
            ) : (
              <p className="hint">Renseignez au moins votre identifiant, puis « Afficher le widget ».</p>
            )}
          </div>
        </div>
      </div>
    </Layout>
  );
}
