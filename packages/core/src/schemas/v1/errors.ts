import { z } from "zod";

export type V1ErrorKey = "wrong_parameters" | "missing_parameters";

export const V1ErrorSchema = z.object({ error: z.string(), error_messages: z.array(z.string()) }).meta({
  id: "V1Error",
  example: { error: "wrong_parameters", error_messages: ["caller : caller is missing."] },
});
export type V1Error = z.infer<typeof V1ErrorSchema>;

/** Every failed rule as a V1 message; non-V1 issues (e.g. a repeated parameter) get the "name : " prefix too. */
export function toV1ErrorMessages(error: z.ZodError): string[] {
  const messages = error.issues.map((issue) =>
    issue.code === "custom"
      ? issue.message
      : `${issue.path.map(String).join(".") || "query"} : ${issue.message}`,
  );
  return [...new Set(messages)];
}

export function toV1Error(error: z.ZodError, key: V1ErrorKey = "wrong_parameters"): V1Error {
  return { error: key, error_messages: toV1ErrorMessages(error) };
}
