import { DEFAULT_MAX_HEIGHT, MIN_MAX_HEIGHT, scopeProblem, type WidgetKind } from "@lba/core/widget";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { api } from "../api/client";
import type { WidgetOptions } from "./snippet";

type ScopeOptions = Pick<WidgetOptions, "domains" | "departement" | "region" | "population" | "maxHeight">;

interface ScopeFieldsProps {
  widget: WidgetKind;
  options: ScopeOptions;
  onChange: (patch: Partial<ScopeOptions>) => void;
}

/** Adds or removes a domain of a comma-separated list, in code order ("A12,M"); a grand domaine covers its own. */
export function toggleDomain(list: string | undefined, code: string, on: boolean): string | undefined {
  const codes = new Set((list ?? "").split(",").filter(Boolean));
  if (on) {
    for (const other of codes) if (other.startsWith(code)) codes.delete(other);
    codes.add(code);
  } else codes.delete(code);
  return [...codes].sort().join(",") || undefined;
}

/**
 * The /test-widget builder's partner scopes (docs/decisions/024-partner-scopes.md): ROME domains, a region or a
 * département, the companies' population, and the search widgets' height bound.
 */
export function ScopeFields({ widget, options, onChange }: ScopeFieldsProps) {
  const id = useId();
  const lists = useQuery({
    queryKey: ["scopes.options"],
    queryFn: ({ signal }) => api.scopeOptions({ signal }),
  });
  const selected = new Set((options.domains ?? "").split(",").filter(Boolean));
  const data = lists.data;
  const heightError = scopeProblem({ maxHeight: options.maxHeight })
    ? `Indiquez un nombre entier de pixels, au moins ${MIN_MAX_HEIGHT}.`
    : null;

  return (
    <fieldset className="stack">
      <legend>Périmètre du partenaire</legend>
      {lists.isError && (
        <p className="alert alert--error" role="alert">
          Les listes de domaines et de territoires n'ont pas pu être chargées.
        </p>
      )}
      <fieldset className="builder__domains">
        <legend>Domaines ROME (domains)</legend>
        <p className="hint">
          Facultatif : ne montre que les métiers de ces domaines ; aucun : tous les domaines.
        </p>
        {data?.domains.map((grand) => (
          <div key={grand.code} className="builder__domain">
            <label className="check">
              <input
                type="checkbox"
                checked={selected.has(grand.code)}
                onChange={(e) =>
                  onChange({ domains: toggleDomain(options.domains, grand.code, e.target.checked) })
                }
              />
              {grand.code} — {grand.label}
            </label>
            <ul className="builder__subdomains">
              {grand.domaines.map((domaine) => (
                <li key={domaine.code}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={selected.has(domaine.code) || selected.has(grand.code)}
                      disabled={selected.has(grand.code)}
                      onChange={(e) =>
                        onChange({ domains: toggleDomain(options.domains, domaine.code, e.target.checked) })
                      }
                    />
                    {domaine.code} — {domaine.label}
                  </label>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </fieldset>
      <p className="hint">Domaines choisis : {options.domains ?? "aucun"}</p>
      <div className="field">
        <label htmlFor={`${id}-region`}>Région (region)</label>
        <select
          id={`${id}-region`}
          value={options.region ?? ""}
          onChange={(e) => onChange({ region: e.target.value || undefined, departement: undefined })}
        >
          <option value="">Toute la France</option>
          {data?.regions.map((region) => (
            <option key={region.code} value={region.code}>
              {region.name} ({region.code})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-departement`}>
          Département (departement)
          <span className="hint" id={`${id}-departement-hint`}>
            Une région ou un département, pas les deux
          </span>
        </label>
        <select
          id={`${id}-departement`}
          aria-describedby={`${id}-departement-hint`}
          value={options.departement ?? ""}
          onChange={(e) => onChange({ departement: e.target.value || undefined, region: undefined })}
        >
          <option value="">Tous les départements</option>
          {data?.departements.map((departement) => (
            <option key={departement.code} value={departement.code}>
              {departement.code} — {departement.name}
            </option>
          ))}
        </select>
      </div>
      {widget !== "trainings" && (
        <fieldset>
          <legend>Entreprises et offres (population)</legend>
          <div className="radio-row">
            {(
              [
                [undefined, "Toute l'alternance : apprentissage et professionnalisation (par défaut)"],
                ["apprentissage", "Apprentissage seulement"],
              ] as const
            ).map(([value, label]) => (
              <label key={label} className="check">
                <input
                  type="radio"
                  name={`${id}-population`}
                  checked={options.population === value}
                  onChange={() => onChange({ population: value })}
                />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <div className={`field${heightError ? " field--error" : ""}`}>
        <label htmlFor={`${id}-max-height`}>
          Hauteur maximale en pixels (data-max-height)
          <span className="hint" id={`${id}-max-height-hint`}>
            Avec le script : par défaut {DEFAULT_MAX_HEIGHT}, au moins {MIN_MAX_HEIGHT} ; la liste des
            résultats défile dans le widget
          </span>
        </label>
        <input
          id={`${id}-max-height`}
          type="number"
          inputMode="numeric"
          min={MIN_MAX_HEIGHT}
          step={10}
          aria-describedby={`${id}-max-height-hint${heightError ? ` ${id}-max-height-error` : ""}`}
          aria-invalid={heightError ? true : undefined}
          value={options.maxHeight ?? ""}
          onChange={(e) => onChange({ maxHeight: e.target.value || undefined })}
        />
        {heightError && (
          <p className="error-text" id={`${id}-max-height-error`}>
            {heightError}
          </p>
        )}
      </div>
    </fieldset>
  );
}
