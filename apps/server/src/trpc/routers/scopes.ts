import { perform } from "../../operations/operation";
import { scopesOperations as ops } from "../../operations/scopes";
import { router } from "../init";
import { operationProcedure } from "../procedure";

export const scopesRouter = router({
  options: operationProcedure(ops.options).query(({ ctx }) => perform(ctx.deps, ops.options, undefined)),
});
