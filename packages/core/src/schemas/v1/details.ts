import { z } from "zod";
import { MSG } from "./messages";
import { callerParam, param } from "./params";
import { fail, present, toOptional } from "./rules";

/** Detail routes: caller is optional and only tracked. */
export const DetailRawSchema = z.object({ caller: callerParam });
export const DetailParamsSchema = DetailRawSchema;
export const DetailQuerySchema = DetailRawSchema.transform((raw) => ({ caller: toOptional(raw.caller) }));

export const COMPANY_TYPES = ["lba", "lbb"] as const;
export type CompanyType = (typeof COMPANY_TYPES)[number];

export const CompanyRawSchema = z.object({
  type: param("Type d'entreprise : lba (par défaut) ou lbb.", "lba", COMPANY_TYPES),
  caller: callerParam,
});
export type CompanyRaw = z.infer<typeof CompanyRawSchema>;

function checkCompanyType(raw: { type?: string }, ctx: z.core.$RefinementCtx<unknown>): void {
  if (present(raw.type) && !(COMPANY_TYPES as readonly string[]).includes(raw.type))
    fail(ctx, "type", MSG.companyType);
}

export const CompanyParamsSchema = CompanyRawSchema.superRefine(checkCompanyType);

export type CompanyQuery = { type: CompanyType; caller: string | null };

export function toCompanyQuery(raw: CompanyRaw): CompanyQuery {
  return { type: raw.type === "lbb" ? "lbb" : "lba", caller: toOptional(raw.caller) };
}

export const CompanyQuerySchema = CompanyParamsSchema.transform(toCompanyQuery);

/**
 * The tRPC input of a company detail: the SIRET plus the REST query's parameters, checked by the same rule, so that
 * a wrong `type` gets the V1 message of the REST route (MSG.companyType). Typed with the values `type` takes.
 */
export const CompanyInputSchema = CompanyRawSchema.extend({ siret: z.string().min(1) })
  .superRefine(checkCompanyType)
  .transform((raw) => ({ siret: raw.siret, ...toCompanyQuery(raw) })) as unknown as z.ZodType<
  CompanyQuery & { siret: string },
  { siret: string; type?: CompanyType; caller?: string }
>;
export const toOptionalCaller = toOptional;
