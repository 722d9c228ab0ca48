import type { ReactNode } from "react";
import { BOTH_ERROR, CHECK_CONNECTION } from "../results/ordering";

interface TechnicalErrorProps {
  /** What could not be shown ("La fiche ne peut pas être affichée pour le moment."). */
  what: string;
  /** What to do before retrying; by default, check the connection. */
  hint?: string;
  onRetry: () => void;
  retrying: boolean;
  /** Another way out, after the button (a link back to the results). */
  children?: ReactNode;
}

/** A failure worth retrying (a network cut, a 5xx), said the same way by the result list and the detail card. */
export function TechnicalError({
  what,
  hint = CHECK_CONNECTION,
  onRetry,
  retrying,
  children,
}: TechnicalErrorProps) {
  return (
    <div className="alert alert--error search-error" role="alert">
      <p>
        <strong>{BOTH_ERROR}</strong>
      </p>
      <p>
        {what} {hint}
      </p>
      <button type="button" className="btn btn--primary" onClick={onRetry} disabled={retrying}>
        {retrying ? "Nouvel essai en cours…" : "Réessayer"}
      </button>
      {children}
    </div>
  );
}
