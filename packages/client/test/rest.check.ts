// Typecheck only: the generated REST types of the answers whose sources may be null are the core's own types.
import type { Item, SourceAnswer } from "@lba/core/schemas";
import type { JobsAnswer, JobsEtFormationsAnswer } from "@lba/core/search";
import type { components } from "../src/rest/v1.js";

type Schemas = components["schemas"];
/** Compiles only when `Actual` is assignable to `Expected`; used both ways, it says the two are the same. */
type Same<Expected, Actual extends Expected> = [Expected, Actual];

export type RestChecks = [
  Same<Schemas["Item"], Item>,
  Same<Item, Schemas["Item"]>,
  Same<Schemas["JobsAnswer"]["peJobs"], SourceAnswer>,
  Same<SourceAnswer, Schemas["JobsAnswer"]["peJobs"]>,
  Same<Schemas["JobsAnswer"], JobsAnswer>,
  Same<JobsAnswer, Schemas["JobsAnswer"]>,
  Same<Schemas["JobsEtFormationsAnswer"], JobsEtFormationsAnswer>,
  Same<JobsEtFormationsAnswer, Schemas["JobsEtFormationsAnswer"]>,
];
