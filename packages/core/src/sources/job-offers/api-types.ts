import { z } from "zod";

// France Travail "Offres d'emploi v2" payloads (docs/reference/v1.md#s8-2), only the fields this service reads.
// Unknown keys are dropped; every field the API may omit is optional. Note the real casing of
// `appellationlibelle` (lower-case l), unlike the other camelCase fields.

const text = z.string().nullish();

export const LieuTravailSchema = z.object({
  libelle: text,
  codePostal: text,
  commune: text,
  latitude: z.number().nullish(),
  longitude: z.number().nullish(),
});

export const EntrepriseSchema = z.object({
  nom: text,
  logo: text,
  description: text,
  siret: text,
  // the company's website
  url: text,
});

export const ContactSchema = z.object({
  nom: text,
  courriel: text,
  coordonnees1: text,
  coordonnees2: text,
  coordonnees3: text,
  // where to apply, when the recruiter gave a link
  urlPostulation: text,
});

// Where the offer comes from: France Travail itself or a partner job board that also takes applications.
export const OrigineOffreSchema = z.object({
  origine: text,
  urlOrigine: text,
  partenaires: z.array(z.object({ nom: text, url: text, logo: text })).nullish(),
});

export const OfferSchema = z.object({
  id: z.string().min(1),
  intitule: z.string(),
  description: text,
  dateCreation: text,
  typeContrat: text,
  typeContratLibelle: text,
  natureContrat: text,
  dureeTravailLibelle: text,
  romeCode: text,
  appellationlibelle: text,
  secteurActivite: text,
  secteurActiviteLibelle: text,
  lieuTravail: LieuTravailSchema.nullish(),
  entreprise: EntrepriseSchema.nullish(),
  contact: ContactSchema.nullish(),
  origineOffre: OrigineOffreSchema.nullish(),
});
export type Offer = z.infer<typeof OfferSchema>;

// Offers are validated one by one (see client.ts), so that one odd offer does not sink a whole page.
export const SearchAnswerSchema = z.object({ resultats: z.array(z.unknown()) });

export const TokenAnswerSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive(),
});
