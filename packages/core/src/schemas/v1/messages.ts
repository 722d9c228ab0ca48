import { CALLER_MAX_LENGTH } from "../application-limits";

// Exact V1 validation messages (docs/reference/v1.md#s4). Integrators match on these strings: never reword them.
export const MSG = {
  callerMissing: "caller : caller is missing.",
  callerTooLong: `caller : caller must be at most ${CALLER_MAX_LENGTH} characters.`,
  romesOrDomainMissing: "romes, romeDomain : You must define at least 1 rome code OR a single romeDomain.",
  romesAndDomain: "romes, romeDomain : You must define either romes OR romeDomain, not both.",
  romesMissing: "romes : Rome codes are missing. At least 1.",
  tooManyRomes: (max: number) => `romes : Too many rome codes. Maximum is ${max}.`,
  romesFormat:
    "romes : Badly formatted rome codes. Rome code must be one letter followed by 4 digit number. ex : A1234",
  romeDomainFormat:
    "romeDomain : Badly formatted romeDomain. Rome domain must be one letter or one letter followed by 2 digit number. ex : A or A12",
  regionAndDepartement: "region, departement : You must define either region OR departement, not both.",
  departementFormat:
    "departement : Badly formatted departement. departement must be a two digit number or three digit number for overseas departments. ex : 01 or 974",
  regionFormat: "region : Badly formatted region. region must be a two digit number. ex : 01",
  regionUnknown:
    "region : Badly formatted region. region must be one of the allowed values as described in the api online doc.",
  regionNothing:
    "region, departement, romes, romeDomain : You must assign a value to at least one of these parameters.",
  radiusNaN: "radius : Search radius must be a number.",
  radiusRange: "radius : Search radius must be a number between 0 and 200.",
  latitudeMissing: "latitude : Search center latitude is missing.",
  latitudeNaN: "latitude : Search center latitude must be a number.",
  latitudeRange: "latitude : Search center latitude must be a number between -90 and 90.",
  longitudeMissing: "longitude : Search center longitude is missing.",
  longitudeNaN: "longitude : Search center longitude must be a number.",
  longitudeRange: "longitude : Search center longitude must be a number between -180 and 180.",
  diploma:
    'diploma : Optional diploma argument used with wrong value. Should contains only one of "3xxx","4xxx","5xxx","6xxx","7xxx". xxx maybe any value',
  inseeFormat: "insee : Badly formatted insee city code. Must be 5 digit number.",
  jobSources:
    "sources : Optional sources argument used with wrong value. Should contains comma separated values among 'lbb', 'lba', 'offres', 'matcha'.",
  jobsEtFormationsSources:
    "sources : Optional sources argument used with wrong value. Should contains comma separated values among 'formations', 'lbb', 'lba', 'offres', 'matcha'.",
  communesLimit: "limit : limit must be an integer from 1 to 20.",
  metiersNothing: "Parameters must include at least one from 'title', 'romes' and 'rncps'",
  titleMissing: "title : title is missing.",
  companyType: "type : Optional type argument used with wrong value. Should be 'lba' or 'lbb'.",
  qMissing: "q : Search term is missing.",
  communesQOrInsee: "q, insee : You must define either q OR insee, not both.",
  communesInsee:
    "insee : Badly formatted insee city code. Must be 5 digits, or 2A or 2B followed by 3 digits. ex : 75056 or 2A004",
  // Extensions of this project (docs/decisions/024-partner-scopes.md): French, in the same "<parameter> : " form.
  domainsFormat:
    "domains : Domaines ROME mal formés. Un domaine est une lettre ou une lettre suivie de 2 chiffres, séparés par des virgules. ex : A,F16",
  tooManyDomains: (max: number) => `domains : Trop de domaines ROME. ${max} au plus.`,
  population: "population : Valeur inconnue. population vaut apprentissage ou alternance.",
} as const;

/**
 * The message of a parameter that is not one text: given twice in a query string (`?romes=A&romes=B`, which arrives
 * as an array), or a number or a list in a tRPC input. Said in the V1 messages' form (`<parameter> : …`), not as
 * zod's "Invalid input: expected string, received array".
 */
export const NOT_ONE_TEXT = "must be given once, as text (a list is comma-separated).";
