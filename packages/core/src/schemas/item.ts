import { z } from "zod";

// The V1 "idea item" (docs/reference/v1.md#s5): one shape for every result type, every key present (null when
// the type has no value). lat/lon are numbers and distances km rounded to 0.1 for every type (docs/decisions/007-stable-distance-sort.md).

export const IdeaTypeSchema = z.enum(["formation", "peJob", "lba", "lbb", "matcha"]);
export type IdeaType = z.infer<typeof IdeaTypeSchema>;

export const PlaceSchema = z.object({
  distance: z.number().nullable(),
  fullAddress: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  city: z.string().nullable(),
  address: z.string().nullable(),
  cedex: z.string().nullable(),
  zipCode: z.string().nullable(),
  insee: z.string().nullable(),
  departementNumber: z.string().nullable(),
  region: z.string().nullable(),
});
export type Place = z.infer<typeof PlaceSchema>;

export const HeadquarterSchema = z.object({
  id: z.string().nullable(),
  uai: z.string().nullable(),
  siret: z.string().nullable(),
  type: z.string().nullable(),
  hasConvention: z.string().nullable(),
  name: z.string().nullable(),
  place: z.object({
    address: z.string().nullable(),
    cedex: z.string().nullable(),
    zipCode: z.string().nullable(),
    city: z.string().nullable(),
  }),
});

export const CompanySchema = z.object({
  name: z.string().nullable(),
  siret: z.string().nullable(),
  size: z.string().nullable(),
  logo: z.string().nullable(),
  description: z.string().nullable(),
  url: z.string().nullable(),
  socialNetwork: z.string().nullable(),
  id: z.string().nullable(),
  uai: z.string().nullable(),
  place: z.object({ city: z.string().nullable() }).nullable(),
  headquarter: HeadquarterSchema.nullable(),
  mandataire: z.boolean().nullable(),
  creationDate: z.string().nullable(),
  opco: z.string().nullable(),
});
export type Company = z.infer<typeof CompanySchema>;

// email + iv: an opaque authenticated token standing for the company e-mail (never the e-mail itself).
export const ContactSchema = z.object({
  email: z.string().nullable(),
  iv: z.string().nullable(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  info: z.string().nullable(),
  // peJob: the link to apply (the original's contact.url); null for the other types
  url: z.string().nullable(),
});
export type Contact = z.infer<typeof ContactSchema>;

export const JobSchema = z.object({
  id: z.string().nullable(),
  creationDate: z.string().nullable(),
  description: z.string().nullable(),
  contractType: z.union([z.string(), z.array(z.string())]).nullable(),
  contractDescription: z.string().nullable(),
  duration: z.string().nullable(),
  jobStartDate: z.string().nullable(),
  romeDetails: z.record(z.string(), z.unknown()).nullable(),
  rythmeAlternance: z.string().nullable(),
  dureeContrat: z.number().nullable(),
  quantiteContrat: z.number().nullable(),
  elligibleHandicap: z.boolean().nullable(),
});
export type Job = z.infer<typeof JobSchema>;

export const RomeRefSchema = z.object({ code: z.string(), label: z.string().nullable() });
export const NafSchema = z.object({ code: z.string().nullable(), label: z.string().nullable() });

export const ItemSchema = z
  .object({
    ideaType: IdeaTypeSchema,
    title: z.string().nullable(),
    longTitle: z.string().nullable(),
    id: z.string().nullable(),
    idRco: z.string().nullable(),
    idRcoFormation: z.string().nullable(),
    cleMinistereEducatif: z.string().nullable(),
    contact: ContactSchema.nullable(),
    place: PlaceSchema,
    company: CompanySchema,
    diplomaLevel: z.string().nullable(),
    diploma: z.string().nullable(),
    cfd: z.string().nullable(),
    rncpCode: z.string().nullable(),
    rncpLabel: z.string().nullable(),
    rncpEligibleApprentissage: z.boolean().nullable(),
    capacity: z.string().nullable(),
    period: z.string().nullable(),
    createdAt: z.string().nullable(),
    lastUpdateAt: z.string().nullable(),
    onisepUrl: z.string().nullable(),
    url: z.string().nullable(),
    job: JobSchema.nullable(),
    romes: z.array(RomeRefSchema).nullable(),
    nafs: z.array(NafSchema).nullable(),
  })
  .meta({ id: "Item" });
export type Item = z.infer<typeof ItemSchema>;

/** A source that failed inside a 200 answer (docs/reference/v1.md#s2-1). */
export const SourceErrorSchema = z
  .object({
    result: z.literal("error"),
    message: z.string(),
    status: z.number().optional(),
    statusText: z.string().optional(),
  })
  .meta({ id: "SourceError" });
export type SourceError = z.infer<typeof SourceErrorSchema>;

// stale: the source failed and an expired cached answer, or only part of its answer, was served instead.
export const ResultsSchema = z.object({ results: z.array(ItemSchema), stale: z.boolean().optional() });
export type Results = z.infer<typeof ResultsSchema>;

/** A source answer: its results, a SourceError, or null when the source was not requested. */
export const SourceAnswerSchema = z.union([ResultsSchema, SourceErrorSchema]).nullable();
export type SourceAnswer = z.infer<typeof SourceAnswerSchema>;

function nullPlace(): Place {
  return {
    distance: null,
    fullAddress: null,
    latitude: null,
    longitude: null,
    city: null,
    address: null,
    cedex: null,
    zipCode: null,
    insee: null,
    departementNumber: null,
    region: null,
  };
}

function nullCompany(): Company {
  return {
    name: null,
    siret: null,
    size: null,
    logo: null,
    description: null,
    url: null,
    socialNetwork: null,
    id: null,
    uai: null,
    place: null,
    headquarter: null,
    mandataire: null,
    creationDate: null,
    opco: null,
  };
}

/**
 * A link an item may carry (a website, a catalogue page): an absolute URL only when http(s), so that no
 * `javascript:` or `data:` link reaches a page, whatever an import stored. Parsed the way browsers parse an href
 * (tabs and line breaks ignored); a relative, scheme-less value ("www.site.fr") is kept as it was.
 */
export function linkUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const { protocol } = new URL(value);
    return protocol === "http:" || protocol === "https:" ? value : null;
  } catch {
    return value;
  }
}

/** An item of the given type with every key null: normalizers fill what their source has. */
export function emptyItem(ideaType: IdeaType): Item {
  return {
    ideaType,
    title: null,
    longTitle: null,
    id: null,
    idRco: null,
    idRcoFormation: null,
    cleMinistereEducatif: null,
    contact: null,
    place: nullPlace(),
    company: nullCompany(),
    diplomaLevel: null,
    diploma: null,
    cfd: null,
    rncpCode: null,
    rncpLabel: null,
    rncpEligibleApprentissage: null,
    capacity: null,
    period: null,
    createdAt: null,
    lastUpdateAt: null,
    onisepUrl: null,
    url: null,
    job: null,
    romes: null,
    nafs: null,
  };
}

/** Distances are km rounded to 0.1 for every item type. */
export function roundDistance(km: number): number {
  return Math.round(km * 10) / 10;
}
