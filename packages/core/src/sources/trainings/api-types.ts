import { z } from "zod";

/** One page of the catalogue's formations endpoint; records are validated one by one afterwards. */
export const CataloguePageSchema = z.object({
  formations: z.array(z.unknown()),
  pagination: z.object({
    page: z.coerce.number().int(),
    resultats_par_page: z.coerce.number().int(),
    nombre_de_page: z.coerce.number().int().min(0),
    total: z.coerce.number().int().min(0),
  }),
});

export type CataloguePage = z.infer<typeof CataloguePageSchema>;
