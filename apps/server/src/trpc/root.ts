import { createCallerFactory, router } from "./init";
import { applicationRouter } from "./routers/application";
import { formationsRouter } from "./routers/formations";
import { geoRouter } from "./routers/geo";
import { healthProcedure } from "./routers/health";
import { jobsEtFormationsRouter, jobsRouter } from "./routers/jobs";
import { metiersRouter } from "./routers/metiers";
import { scopesRouter } from "./routers/scopes";

export const appRouter = router({
  formations: formationsRouter,
  jobs: jobsRouter,
  jobsEtFormations: jobsEtFormationsRouter,
  metiers: metiersRouter,
  geo: geoRouter,
  scopes: scopesRouter,
  application: applicationRouter,
  health: healthProcedure,
});

/** The only thing the SPA imports from the server, as `@lba/server/trpc` (type only): the router's type. */
export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
