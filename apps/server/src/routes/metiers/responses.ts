import { z } from "@hono/zod-openapi";

export const MetierSchema = z
  .object({
    label: z.string(),
    romes: z.array(z.string()),
    rncps: z.array(z.string()),
    type: z.literal("job"),
    romeTitles: z.array(z.object({ codeRome: z.string(), intitule: z.string() })).optional(),
  })
  .openapi("Metier", {
    example: {
      label: "Boulangerie, pâtisserie",
      romes: ["D1102", "D1104"],
      rncps: ["RNCP37873"],
      type: "job",
    },
  });

export const DiplomaSchema = z
  .object({
    label: z.string(),
    romes: z.array(z.string()),
    rncps: z.array(z.string()),
    type: z.literal("diploma"),
  })
  .openapi("DiplomaSuggestion", {
    example: { label: "CAP Boulanger", romes: ["D1102"], rncps: ["RNCP37873"], type: "diploma" },
  });

export const MetiersAnswerSchema = z
  .object({ labelsAndRomes: z.array(MetierSchema) })
  .openapi("MetiersAnswer", {
    example: {
      labelsAndRomes: [
        MetierSchema.parse({ label: "Boulangerie, pâtisserie", romes: ["D1102"], rncps: [], type: "job" }),
      ],
    },
  });

export const MetierNamesSchema = z
  .object({ metiers: z.array(z.string()) })
  .openapi("MetierNames", { example: { metiers: ["Boulangerie, pâtisserie", "Commerce, vente"] } });

export const AutocompleteAnswerSchema = z
  .object({ labelsAndRomes: z.array(MetierSchema), labelsAndRomesForDiplomas: z.array(DiplomaSchema) })
  .openapi("AutocompleteAnswer", {
    example: {
      labelsAndRomes: [{ label: "Boulangerie, pâtisserie", romes: ["D1102"], rncps: [], type: "job" }],
      labelsAndRomesForDiplomas: [{ label: "CAP Boulanger", romes: ["D1102"], rncps: [], type: "diploma" }],
    },
  });

export const DiplomaLevelsSchema = z
  .array(z.string())
  .openapi("DiplomaLevels", { example: ["3 (CAP...)", "5 (BTS, DEUST...)"] });
