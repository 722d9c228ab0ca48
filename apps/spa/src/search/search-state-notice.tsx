import { TechnicalError } from "../components/technical-error";
import type { SearchState } from "./search-state";

interface SearchStateNoticeProps {
  state: SearchState;
  onRetry: () => void;
  retrying: boolean;
}

/**
 * What the page says about the search as a whole: the list shows it when no result block can (a refused or
 * failed search); the map view of a narrow screen, which hides the list, shows it for every state but results.
 */
export function SearchStateNotice({ state, onRetry, retrying }: SearchStateNoticeProps) {
  switch (state.kind) {
    case "refused":
      return (
        <div className="alert alert--error search-error" role="alert">
          <p>
            <strong>Cette recherche n'est pas valide</strong>
          </p>
          <p>
            {state.reason ??
              "Le lien contient un métier, un lieu ou un rayon que le service ne reconnaît pas."}{" "}
            Modifiez la recherche avec le formulaire.
          </p>
        </div>
      );
    case "failed":
    case "partial":
      return <TechnicalError what={state.what} hint={state.hint} onRetry={onRetry} retrying={retrying} />;
    case "loading":
      // Said by the page's status line; shown here for the eyes only.
      return <p className="loading">Recherche en cours</p>;
    case "empty":
      return <p className="alert">{state.what}</p>;
    default:
      return null;
  }
}
