import { z } from "zod";

export type LooseParams<T> = { [K in keyof T]?: string | number | null };

const looseValue = z.union([z.string(), z.number(), z.null()]).optional();

/**
 * tRPC input built from a V1 raw schema: the same parameters, numbers (and null) accepted as well,
 * then validated by the very same V1 rules and turned into the same typed query as REST.
 */
export function looseInput<Raw extends z.ZodObject, Out>(
  raw: Raw,
  params: z.ZodType<z.output<Raw>, z.output<Raw>>,
  toQuery: (value: z.output<Raw>) => Out,
): z.ZodType<Out, LooseParams<z.output<Raw>>> {
  const shape = Object.fromEntries(Object.keys(raw.shape).map((key) => [key, looseValue]));
  return z
    .object(shape)
    .transform((value) => {
      const strings: Record<string, string> = {};
      for (const [key, v] of Object.entries(value))
        if (v !== undefined && v !== null) strings[key] = String(v);
      return strings;
    })
    .pipe(params as z.ZodType<z.output<Raw>, Record<string, string>>)
    .transform(toQuery) as unknown as z.ZodType<Out, LooseParams<z.output<Raw>>>;
}
