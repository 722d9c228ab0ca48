// Typecheck only: the published contract (src/contract.ts, generated) is the server's. A procedure whose input or
// output changed without `npm run client:generate` makes `npm run typecheck` fail here, naming the field.
import type { ApplicationErrorKey as ServerErrorKey } from "@lba/core/schemas";
import type { AppRouter } from "@lba/server/trpc";
import type { AnyProcedure, inferRouterError } from "@trpc/server";
import type { ApplicationErrorKey, LbaErrorShape, LbaProcedures } from "../src/contract.js";

type ProceduresOf<R> = {
  [K in keyof R]: R[K] extends AnyProcedure
    ? {
        type: R[K]["_def"]["type"];
        input: R[K]["_def"]["$types"]["input"];
        output: R[K]["_def"]["$types"]["output"];
      }
    : ProceduresOf<R[K]>;
};
// An interface, so that a failure names it instead of printing the whole router.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
interface ServerProcedures extends ProceduresOf<AppRouter["_def"]["record"]> {}

/** Compiles only when `Actual` is assignable to `Expected`; used both ways, it says the two are the same. */
type Same<Expected, Actual extends Expected> = [Expected, Actual];

export type ContractChecks = [
  Same<LbaProcedures, ServerProcedures>,
  Same<ServerProcedures, LbaProcedures>,
  Same<LbaErrorShape, inferRouterError<AppRouter>>,
  Same<inferRouterError<AppRouter>, LbaErrorShape>,
  Same<ApplicationErrorKey, ServerErrorKey>,
  Same<ServerErrorKey, ApplicationErrorKey>,
];
