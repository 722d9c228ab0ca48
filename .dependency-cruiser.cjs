// Import rules of the layers (npm run lint runs them; README "How the code is laid out").
const CORE = "^packages/core/src";
// Tests sit beside their subject and may reach any layer (and the testing module); cycles are checked everywhere.
// Tests, and the probes a test runs in a fresh process (*.probe.ts).
const NOT_TESTS = "\\.(test|probe)\\.tsx?$";
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "No import cycle, type-only imports included: a cycle means two modules are one layer.",
      from: {},
      to: { circular: true },
    },
    {
      name: "schemas-are-isomorphic",
      severity: "error",
      comment:
        "schemas/ (bundled in the SPA and the embed) imports only itself, the isomorphic referentials and zod.",
      from: { path: `${CORE}/schemas/`, pathNot: NOT_TESTS },
      to: {
        pathNot: [`${CORE}/schemas/`, `${CORE}/referentials/[^/]+\\.ts$`, "node_modules/zod/"],
      },
    },
    {
      name: "referentials-are-isomorphic",
      severity: "error",
      comment: "The top-level referentials are data and pure functions: no Node module, no database, no zod.",
      from: { path: `${CORE}/referentials/[^/]+\\.ts$`, pathNot: NOT_TESTS },
      to: {
        pathNot: [`${CORE}/referentials/`, "node_modules/@socialgouv/codes-naf/"],
      },
    },
    {
      name: "db-below-everything",
      severity: "error",
      comment: "db/ (client, schema, SQL toolkit) knows no feature.",
      from: { path: `${CORE}/db/`, pathNot: NOT_TESTS },
      to: { path: `${CORE}/(sources|search|ingest|applications|mail|stats|geo|cli|testing)/` },
    },
    {
      name: "sources-never-import-search",
      severity: "error",
      comment: "Sources fetch and normalise; search composes sources, never the reverse.",
      from: { path: `${CORE}/sources/`, pathNot: NOT_TESTS },
      to: { path: `${CORE}/(search|ingest|applications|cli)/` },
    },
    {
      name: "search-is-read-only",
      severity: "error",
      comment: "Searches read; they never import the importers, the applications or the CLI.",
      from: { path: `${CORE}/search/`, pathNot: NOT_TESTS },
      to: { path: `${CORE}/(ingest|applications|cli)/` },
    },
    {
      name: "testing-only-in-tests",
      severity: "error",
      comment: "The testing module (throwaway databases, factories, fakes) is for tests only.",
      from: { path: "^(packages|apps)/", pathNot: [NOT_TESTS, "/testing/", "/test-app\\.ts$"] },
      to: { path: `${CORE}/testing/` },
    },
    {
      name: "core-knows-no-app",
      severity: "error",
      from: { path: "^packages/core/" },
      to: { path: "^apps/" },
    },
    {
      name: "spa-never-runs-server-code",
      severity: "error",
      comment: "The SPA takes only types from the server, and only isomorphic modules from core.",
      from: { path: "^apps/spa/src/", pathNot: NOT_TESTS },
      to: {
        path: ["^apps/server/", `${CORE}/(?!schemas/|referentials/[^/]+\\.ts$)`],
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "embed-is-dependency-free",
      severity: "error",
      comment: "embed.js stays tiny: it bundles only the isomorphic widget contract.",
      from: { path: "^apps/embed/src/" },
      to: { pathNot: ["^apps/embed/src/", `${CORE}/schemas/widget\\.ts$`] },
    },
    {
      name: "client-is-standalone",
      severity: "error",
      comment:
        "@lba/client ships alone: its sources import each other and the tRPC client, never the server or core " +
        "(their types reach it through the generated src/contract.ts).",
      from: { path: "^packages/client/src/" },
      to: { pathNot: ["^packages/client/src/", "node_modules/@trpc/(client|server)/"] },
    },
    {
      name: "client-takes-only-types-from-trpc-server",
      severity: "error",
      comment: "The tRPC server package gives the client its types; its runtime stays out of the bundle.",
      from: { path: "^packages/client/src/" },
      to: { path: "node_modules/@trpc/server/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "examples-are-integrators",
      severity: "error",
      comment:
        "The examples use the packages as an integrator would (@lba/client as built), never our sources.",
      from: { path: "^examples/" },
      to: { path: ["^apps/", "^packages/[^/]+/src/"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // npm packages stay in the graph (not followed), so that rules naming node_modules/<package>/ can fire.
    exclude: { path: "(^|/)dist/" },
    tsConfig: { fileName: "tsconfig.depcruise.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
