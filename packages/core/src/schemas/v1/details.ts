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
  type: param("Type d'entreprise : lba (par défaut) ou lbb.", "lba"),
  caller: callerParam,
});
export type CompanyRaw = z.infer<typeof CompanyRawSchema>;

export const CompanyParamsSchema = CompanyRawSchema.superRefine((raw, ctx) => {
  if (present(raw.type) && !(COMPANY_TYPES as readonly string[]).includes(raw.type))
    fail(ctx, "type", MSG.companyType);
});

export function toCompanyQuery(raw: CompanyRaw): { type: CompanyType; caller: string | null } {
  return { type: raw.type === "lbb" ? "lbb" : "lba", caller: toOptional(raw.caller) };
}

export const CompanyQuerySchema = CompanyParamsSchema.transform(toCompanyQuery);
export const toOptionalCaller = toOptional;
