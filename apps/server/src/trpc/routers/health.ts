import { healthOperations } from "../../operations/health";
import { perform } from "../../operations/operation";
import { operationProcedure } from "../procedure";

export const healthProcedure = operationProcedure(healthOperations.health).query(({ ctx }) =>
  perform(ctx.deps, healthOperations.health, undefined),
);
