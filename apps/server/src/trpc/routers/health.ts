import { health } from "../../routes/health";
import { publicProcedure } from "../init";

export const healthProcedure = publicProcedure.query(({ ctx }) => health(ctx.deps));
