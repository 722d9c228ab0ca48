import { useQuery } from "@tanstack/react-query";
import { api } from "../api/client";

/** Says so when the server runs on the bundled sample dataset instead of the real referentials. */
export function DatasetBanner() {
  const health = useQuery({
    queryKey: ["health"],
    queryFn: api.health,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  if (health.data?.dataset?.kind !== "sample") return null;
  return (
    <p className="sample-banner">
      <strong>Données de démonstration</strong> : les formations et entreprises affichées sont un jeu
      d'exemple, pas les données réelles.
    </p>
  );
}
