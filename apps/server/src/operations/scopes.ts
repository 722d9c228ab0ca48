import { scopeOptions, type ScopeOptions } from "@lba/core/search";
import type { Operation } from "./operation";

/** Keys: the tRPC procedures of `scopes` (no REST route: the /test-widget builder's lists). */
export const scopesOperations = {
  /** The ROME domains, regions and départements a partner may restrict a widget to (docs/decisions/024-partner-scopes.md). */
  options: {
    limit: "metiers",
    run: (deps) => scopeOptions(deps.core.db),
  } satisfies Operation<void, ScopeOptions>,
};
