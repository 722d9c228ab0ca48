// Data the sample generator draws from: business activities (NAF, ROME codes, OPCO, trade names), training
// establishments by kind, and the streets, names and words of generated records. ROME codes are ROME 4.0
// parent fiches of the vendored referential (checked by the tests); diplomas come from referentials/diplomas.
import { DIPLOMAS, type Diploma } from "../../referentials/diplomas";

export type Opco =
  | "akto"
  | "opco2i"
  | "atlas"
  | "ocapiat"
  | "constructys"
  | "opcommerce"
  | "uniformation"
  | "afdas"
  | "mobilites"
  | "ep"
  | "sante";

export interface ActivityTemplate {
  /** NAF rév. 2 sub-class, without the dot, as La Bonne Boîte stores it ("1071C"). */
  naf: string;
  romes: string[];
  opco: Opco;
  /** Trade names are built from these prefixes and a place or family name. */
  names: string[];
  weight: number;
}

export const ACTIVITIES: ActivityTemplate[] = [
  {
    naf: "1071C",
    romes: ["D1102", "D1104", "D1106"],
    opco: "ep",
    names: ["Boulangerie", "Au Fournil", "La Panetière", "Maison"],
    weight: 8,
  },
  {
    naf: "1071D",
    romes: ["D1104", "D1106"],
    opco: "ep",
    names: ["Pâtisserie", "Aux Délices", "Chocolaterie"],
    weight: 3,
  },
  {
    naf: "4722Z",
    romes: ["D1101", "D1103", "D1106"],
    opco: "ep",
    names: ["Boucherie", "Boucherie Charcuterie", "Maison"],
    weight: 3,
  },
  {
    naf: "9602A",
    romes: ["D1202"],
    opco: "ep",
    names: ["Salon", "Coiffure", "L'Atelier", "Studio"],
    weight: 7,
  },
  { naf: "9602B", romes: ["D1208"], opco: "ep", names: ["Institut", "Beauté", "L'Instant"], weight: 3 },
  {
    naf: "5610A",
    romes: ["G1602", "G1803", "G1603"],
    opco: "akto",
    names: ["Restaurant", "Bistrot", "La Table de", "Brasserie"],
    weight: 9,
  },
  {
    naf: "5610C",
    romes: ["G1603", "G1602"],
    opco: "akto",
    names: ["Snack", "Pizzeria", "Burger"],
    weight: 4,
  },
  { naf: "5630Z", romes: ["G1801", "G1803"], opco: "akto", names: ["Café", "Bar", "Le Comptoir"], weight: 3 },
  {
    naf: "5510Z",
    romes: ["G1703", "G1803", "G1602"],
    opco: "akto",
    names: ["Hôtel", "Hôtel des Voyageurs", "Résidence"],
    weight: 3,
  },
  {
    naf: "4711D",
    romes: ["D1505", "D1507", "D1502", "D1301"],
    opco: "opcommerce",
    names: ["Supermarché", "Market", "Marché"],
    weight: 5,
  },
  {
    naf: "4711F",
    romes: ["D1505", "D1507", "D1502", "D1503"],
    opco: "opcommerce",
    names: ["Hypermarché", "Centre commercial"],
    weight: 2,
  },
  {
    naf: "4771Z",
    romes: ["D1214", "D1301", "D1501"],
    opco: "opcommerce",
    names: ["Boutique", "Mode", "Prêt-à-porter"],
    weight: 5,
  },
  {
    naf: "4764Z",
    romes: ["D1211", "D1301"],
    opco: "opcommerce",
    names: ["Sport", "Espace Sport"],
    weight: 2,
  },
  {
    naf: "4776Z",
    romes: ["D1209"],
    opco: "opcommerce",
    names: ["Fleurs", "Atelier floral", "Jardinerie"],
    weight: 2,
  },
  {
    naf: "4773Z",
    romes: ["J1307", "D1106"],
    opco: "opcommerce",
    names: ["Pharmacie", "Pharmacie centrale", "Grande Pharmacie"],
    weight: 4,
  },
  {
    naf: "4690Z",
    romes: ["D1401", "D1402", "D1407", "N1103"],
    opco: "opcommerce",
    names: ["Distribution", "Négoce", "Comptoir"],
    weight: 4,
  },
  {
    naf: "4321A",
    romes: ["F1602"],
    opco: "constructys",
    names: ["Électricité", "Elec", "Électro"],
    weight: 6,
  },
  {
    naf: "4322A",
    romes: ["F1603", "I1308"],
    opco: "constructys",
    names: ["Plomberie", "Sanitaire", "Thermique"],
    weight: 5,
  },
  {
    naf: "4322B",
    romes: ["I1308", "F1603"],
    opco: "constructys",
    names: ["Chauffage", "Climatisation", "Énergies"],
    weight: 3,
  },
  {
    naf: "4399C",
    romes: ["F1703", "F1608"],
    opco: "constructys",
    names: ["Maçonnerie", "Bâtiment", "Construction"],
    weight: 6,
  },
  {
    naf: "4334Z",
    romes: ["F1606"],
    opco: "constructys",
    names: ["Peinture", "Déco", "Revêtements"],
    weight: 3,
  },
  {
    naf: "4332A",
    romes: ["F1607", "H2206", "F1604"],
    opco: "constructys",
    names: ["Menuiserie", "Agencement", "Bois"],
    weight: 3,
  },
  {
    naf: "4391B",
    romes: ["F1610"],
    opco: "constructys",
    names: ["Couverture", "Toitures", "Zinguerie"],
    weight: 2,
  },
  {
    naf: "7112B",
    romes: ["F1104", "F1106"],
    opco: "atlas",
    names: ["Bureau d'études", "Ingénierie", "BET"],
    weight: 2,
  },
  {
    naf: "4520A",
    romes: ["I1604", "I1606"],
    opco: "mobilites",
    names: ["Garage", "Auto", "Carrosserie"],
    weight: 6,
  },
  { naf: "4540Z", romes: ["I1607", "D1211"], opco: "mobilites", names: ["Moto", "Cycles"], weight: 1 },
  {
    naf: "4941A",
    romes: ["N4101", "N4105", "N1103"],
    opco: "mobilites",
    names: ["Transports", "Logistique", "Express"],
    weight: 3,
  },
  {
    naf: "5210B",
    romes: ["N1103", "N1301"],
    opco: "mobilites",
    names: ["Entrepôt", "Logistique", "Plateforme"],
    weight: 2,
  },
  {
    naf: "6201Z",
    romes: ["M1805", "M1806", "M1810"],
    opco: "atlas",
    names: ["Digital", "Soft", "Tech", "Numérique"],
    weight: 5,
  },
  {
    naf: "6202A",
    romes: ["M1801", "M1802", "M1805", "M1810", "I1401"],
    opco: "atlas",
    names: ["Informatique", "Systèmes", "Réseaux"],
    weight: 3,
  },
  {
    naf: "6920Z",
    romes: ["M1203", "M1202"],
    opco: "atlas",
    names: ["Cabinet", "Expertise comptable", "Conseil"],
    weight: 4,
  },
  { naf: "6622Z", romes: ["C1102"], opco: "atlas", names: ["Assurances", "Cabinet"], weight: 2 },
  {
    naf: "6419Z",
    romes: ["C1206", "C1102"],
    opco: "atlas",
    names: ["Banque", "Crédit", "Caisse"],
    weight: 2,
  },
  {
    naf: "6831Z",
    romes: ["C1504", "D1403"],
    opco: "atlas",
    names: ["Immobilier", "Agence", "Immo"],
    weight: 3,
  },
  {
    naf: "7311Z",
    romes: ["E1103", "E1205", "M1705"],
    opco: "afdas",
    names: ["Agence", "Studio", "Communication"],
    weight: 2,
  },
  {
    naf: "7022Z",
    romes: ["M1503", "M1501", "M1705", "M1604"],
    opco: "atlas",
    names: ["Conseil", "Consulting", "Partenaires"],
    weight: 3,
  },
  {
    naf: "8299Z",
    romes: ["M1602", "M1607", "M1604"],
    opco: "atlas",
    names: ["Services", "Bureau", "Gestion"],
    weight: 2,
  },
  {
    naf: "2511Z",
    romes: ["H2913", "H2903", "H1203"],
    opco: "opco2i",
    names: ["Métallerie", "Structures", "Chaudronnerie"],
    weight: 2,
  },
  {
    naf: "2562B",
    romes: ["H2903", "H1203", "H1502"],
    opco: "opco2i",
    names: ["Mécanique", "Usinage", "Précision"],
    weight: 2,
  },
  {
    naf: "3320A",
    romes: ["I1304", "H1502"],
    opco: "opco2i",
    names: ["Maintenance", "Industrie", "Services industriels"],
    weight: 2,
  },
  {
    naf: "8130Z",
    romes: ["A1203", "A1201"],
    opco: "ocapiat",
    names: ["Paysages", "Jardins", "Espaces verts"],
    weight: 4,
  },
  { naf: "0121Z", romes: ["A1405"], opco: "ocapiat", names: ["Domaine", "Château", "Vignobles"], weight: 2 },
  {
    naf: "0113Z",
    romes: ["A1414"],
    opco: "ocapiat",
    names: ["Earl", "Maraîchers", "Les Jardins de"],
    weight: 1,
  },
  { naf: "0150Z", romes: ["A1416"], opco: "ocapiat", names: ["GAEC", "Ferme", "Earl"], weight: 1 },
  { naf: "9609Z", romes: ["A1501"], opco: "ep", names: ["Toilettage", "Pension canine"], weight: 1 },
  {
    naf: "8710A",
    romes: ["J1501", "K1302"],
    opco: "sante",
    names: ["Ehpad", "Résidence", "Les Jardins"],
    weight: 3,
  },
  {
    naf: "8610Z",
    romes: ["J1501", "J1304"],
    opco: "sante",
    names: ["Clinique", "Centre hospitalier privé"],
    weight: 2,
  },
  {
    naf: "8891A",
    romes: ["K1303", "J1304"],
    opco: "uniformation",
    names: ["Crèche", "Micro-crèche", "Les P'tits"],
    weight: 2,
  },
  {
    naf: "8810A",
    romes: ["K1302"],
    opco: "uniformation",
    names: ["Aide à domicile", "Services à la personne"],
    weight: 2,
  },
  {
    naf: "8790B",
    romes: ["K1207"],
    opco: "uniformation",
    names: ["Association", "Foyer", "Maison d'enfants"],
    weight: 1,
  },
  // Trades of the original's métier list that the activities above leave out.
  {
    naf: "1102B",
    romes: ["A1413", "A1405"],
    opco: "ocapiat",
    names: ["Cave", "Chai", "Brasserie artisanale"],
    weight: 1,
  },
  {
    naf: "1413Z",
    romes: ["B1803", "H2402"],
    opco: "opco2i",
    names: ["Atelier", "Confection", "Couture"],
    weight: 1,
  },
  {
    naf: "1812Z",
    romes: ["E1302", "E1303"],
    opco: "afdas",
    names: ["Imprimerie", "Arts graphiques", "Print"],
    weight: 1,
  },
  {
    naf: "5911A",
    romes: ["L1302", "L1304"],
    opco: "afdas",
    names: ["Productions", "Films", "Studio"],
    weight: 1,
  },
  {
    naf: "7410Z",
    romes: ["H1204", "E1205"],
    opco: "atlas",
    names: ["Design", "Studio", "Atelier de création"],
    weight: 1,
  },
  { naf: "7420Z", romes: ["E1201"], opco: "afdas", names: ["Photo", "Studio photo", "Regard"], weight: 1 },
  {
    naf: "8121Z",
    romes: ["K2204"],
    opco: "akto",
    names: ["Propreté", "Nettoyage", "Net Services"],
    weight: 2,
  },
  {
    naf: "9601B",
    romes: ["D1205"],
    opco: "ep",
    names: ["Pressing", "Blanchisserie", "Net à sec"],
    weight: 1,
  },
  {
    naf: "3212Z",
    romes: ["B1603", "B1604"],
    opco: "opco2i",
    names: ["Bijouterie", "Joaillerie", "Atelier d'horlogerie"],
    weight: 1,
  },
  {
    naf: "9311Z",
    romes: ["G1204"],
    opco: "afdas",
    names: ["Club", "Complexe sportif", "Espace forme"],
    weight: 1,
  },
  {
    naf: "7911Z",
    romes: ["G1303", "G1101"],
    opco: "akto",
    names: ["Voyages", "Agence de voyages", "Évasion"],
    weight: 1,
  },
];

/** The activity of an item generated for a ROME code no activity above lists, by grand domaine. */
export const GENERIC_ACTIVITIES: Readonly<Record<string, Omit<ActivityTemplate, "romes" | "weight">>> = {
  A: { naf: "0161Z", opco: "ocapiat", names: ["Exploitation", "Domaine", "SCEA", "Coopérative"] },
  B: { naf: "9003A", opco: "afdas", names: ["Atelier", "Les Ateliers", "Maison"] },
  C: { naf: "6619B", opco: "atlas", names: ["Cabinet", "Patrimoine", "Conseil"] },
  D: { naf: "4719B", opco: "opcommerce", names: ["Comptoir", "Boutique", "Maison", "Magasin"] },
  E: { naf: "7021Z", opco: "afdas", names: ["Agence", "Studio", "Média"] },
  F: { naf: "4399C", opco: "constructys", names: ["Entreprise", "Bâtiment", "Travaux"] },
  G: { naf: "9329Z", opco: "akto", names: ["Loisirs", "Village", "Évasion"] },
  H: { naf: "2562B", opco: "opco2i", names: ["Industries", "Ateliers", "Manufacture"] },
  I: { naf: "3312Z", opco: "opco2i", names: ["Maintenance", "Services techniques", "Dépannage"] },
  J: { naf: "8690F", opco: "sante", names: ["Centre de santé", "Cabinet", "Clinique"] },
  K: { naf: "8899B", opco: "uniformation", names: ["Association", "Centre", "Fondation"] },
  L: { naf: "9001Z", opco: "afdas", names: ["Compagnie", "Théâtre", "Productions"] },
  M: { naf: "7022Z", opco: "atlas", names: ["Conseil", "Groupe", "Partenaires"] },
  N: { naf: "4941A", opco: "mobilites", names: ["Transports", "Logistique", "Express"] },
};

/** A diploma in the catalogue's words: "CAP BOULANGER" -> "BOULANGER (CAP)", diplôme "CERTIFICAT D'APTITUDES...". */
const DIPLOMA_KINDS: readonly (readonly [prefix: string, kind: string, diplome: string, weight: number])[] = [
  ["CAP AGRICOLE ", "CAPA", "CERTIFICAT D'APTITUDES PROFESSIONNELLES AGRICOLES", 2],
  ["CAP ", "CAP", "CERTIFICAT D'APTITUDES PROFESSIONNELLES", 6],
  ["BP ", "BP", "BREVET PROFESSIONNEL", 3],
  ["BAC PRO ", "BAC PRO", "BAC PROFESSIONNEL", 4],
  ["MC ", "MC", "MENTION COMPLEMENTAIRE", 1],
  ["BTSA ", "BTSA", "BREVET DE TECHNICIEN SUPERIEUR AGRICOLE", 2],
  ["BTSM ", "BTSM", "BREVET DE TECHNICIEN SUPERIEUR MARITIME", 1],
  ["BTS ", "BTS", "BREVET DE TECHNICIEN SUPERIEUR", 5],
  ["BUT ", "BUT", "BACHELOR UNIVERSITAIRE DE TECHNOLOGIE", 3],
  ["DEUST ", "DEUST", "DIPLOME D'ETUDES UNIVERSITAIRES SCIENTIFIQUES ET TECHNIQUES", 1],
  ["LICENCE PROFESSIONNELLE ", "LP", "LICENCE PROFESSIONNELLE", 2],
  ["TITRE PROFESSIONNEL ", "TP", "TITRE PROFESSIONNEL", 3],
  ["MASTER ", "MASTER", "MASTER", 2],
  ["DIPLOME D'INGENIEUR ", "INGENIEUR", "TITRE D'INGENIEUR DIPLOME", 1],
  ["DIPLOME D'ETAT ", "DE", "DIPLOME D'ETAT", 3],
  ["BPJEPS ", "BPJEPS", "BREVET PROFESSIONNEL DE LA JEUNESSE, DE L'EDUCATION POPULAIRE ET DU SPORT", 2],
  ["DN MADE ", "DN MADE", "DIPLOME NATIONAL DES METIERS D'ART ET DU DESIGN", 1],
  ["DIPLOME NATIONAL SUPERIEUR PROFESSIONNEL ", "DNSP", "DIPLOME NATIONAL SUPERIEUR PROFESSIONNEL", 1],
  ["DIPLOME DES METIERS D'ART ", "DMA", "DIPLOME DES METIERS D'ART", 1],
];

export interface CatalogueTitles {
  intituleLong: string;
  intituleCourt: string;
  diplome: string;
  /** how often the sample gives trainings of this kind of diploma */
  weight: number;
}

export function catalogueTitles(diploma: Diploma): CatalogueTitles {
  const kind = DIPLOMA_KINDS.find(([prefix]) => diploma.title.startsWith(prefix));
  if (!kind)
    return { intituleLong: diploma.title, intituleCourt: diploma.title, diplome: diploma.title, weight: 1 };
  const [prefix, short, diplome, weight] = kind;
  const rest = diploma.title.slice(prefix.length);
  return { intituleLong: `${rest} (${short})`, intituleCourt: rest, diplome, weight };
}

/** The trade families training establishments specialise in. */
export type Sector =
  | "agriculture"
  | "arts"
  | "alimentation"
  | "beaute"
  | "commerce"
  | "tertiaire"
  | "communication"
  | "numerique"
  | "btp"
  | "hotellerie"
  | "sport-animation"
  | "industrie"
  | "automobile"
  | "sante"
  | "social"
  | "securite"
  | "transport";

// Longest prefix of a ROME code first.
const SECTOR_PREFIXES: readonly (readonly [string, Sector])[] = [
  ["D1202", "beaute"],
  ["D1208", "beaute"],
  ["D11", "alimentation"],
  ["E13", "industrie"],
  ["G12", "sport-animation"],
  ["I16", "automobile"],
  ["K25", "securite"],
  ["M18", "numerique"],
  ["A", "agriculture"],
  ["B", "arts"],
  ["C", "tertiaire"],
  ["D", "commerce"],
  ["E", "communication"],
  ["F", "btp"],
  ["G", "hotellerie"],
  ["H", "industrie"],
  ["I", "industrie"],
  ["J", "sante"],
  ["K", "social"],
  ["L", "arts"],
  ["M", "tertiaire"],
  ["N", "transport"],
];

/** A diploma's sector: that of the first ROME code it leads to. */
export function sectorOf(diploma: Diploma): Sector {
  const code = diploma.romes[0] ?? "";
  return SECTOR_PREFIXES.find(([prefix]) => code.startsWith(prefix))?.[1] ?? "tertiaire";
}

/**
 * A kind of training establishment: what it teaches (sectors, levels), how many diplomas, its names
 * ({city}, {dept} and {region} are filled in, upper case) and how common it is. A commerce school teaches
 * no CAP and a building-trades CFA no aide-soignant.
 */
export interface CfaProfile {
  kind: string;
  sectors: readonly Sector[];
  levels: readonly [number, number];
  diplomas: readonly [number, number];
  names: readonly string[];
  /** in a town of 20,000 inhabitants or more (else 3,000) */
  urban: boolean;
  weight: number;
}

export const CFA_PROFILES: readonly CfaProfile[] = [
  {
    kind: "artisanat",
    sectors: ["alimentation", "beaute", "automobile", "commerce", "arts"],
    levels: [3, 4],
    diplomas: [3, 10],
    names: [
      "CFA DE LA CHAMBRE DE METIERS ET DE L'ARTISANAT {dept}",
      "INSTITUT DES METIERS DE L'ARTISANAT DE {city}",
      "FACULTE DES METIERS DE {city}",
      "URMA {region} - CAMPUS DE {city}",
    ],
    urban: false,
    weight: 10,
  },
  {
    kind: "btp",
    sectors: ["btp"],
    levels: [3, 5],
    diplomas: [3, 10],
    names: ["BTP CFA {dept}", "CFA DU BATIMENT DE {city}", "CAMPUS DES METIERS DU BTP DE {city}"],
    urban: false,
    weight: 8,
  },
  {
    kind: "hotellerie",
    sectors: ["hotellerie", "alimentation"],
    levels: [3, 6],
    diplomas: [2, 8],
    names: [
      "CFA HOTELIER DE {city}",
      "ECOLE HOTELIERE DE {city}",
      "LYCEE DES METIERS DE L'HOTELLERIE ET DE LA RESTAURATION DE {city}",
    ],
    urban: false,
    weight: 5,
  },
  {
    kind: "sante",
    sectors: ["sante"],
    levels: [3, 6],
    diplomas: [1, 3],
    names: [
      "INSTITUT DE FORMATION PARAMEDICALE DU CENTRE HOSPITALIER DE {city}",
      "CFA SANITAIRE ET SOCIAL {region}",
      "INSTITUT DE FORMATION AUX METIERS DE LA SANTE DE {city}",
    ],
    urban: true,
    weight: 5,
  },
  {
    kind: "social",
    sectors: ["social", "sport-animation"],
    levels: [3, 7],
    diplomas: [1, 4],
    names: [
      "INSTITUT REGIONAL DU TRAVAIL SOCIAL {region}",
      "CFA DES METIERS DU SOCIAL ET DE L'ANIMATION DE {city}",
      "CREPS {region}",
    ],
    urban: true,
    weight: 3,
  },
  {
    kind: "agricole",
    sectors: ["agriculture"],
    levels: [3, 7],
    diplomas: [2, 6],
    names: [
      "CFA AGRICOLE {dept}",
      "CFPPA DE {city}",
      "MAISON FAMILIALE RURALE DE {city}",
      "LYCEE AGRICOLE DE {city}",
    ],
    urban: false,
    weight: 5,
  },
  {
    kind: "industrie",
    sectors: ["industrie", "automobile"],
    levels: [3, 6],
    diplomas: [2, 8],
    names: ["POLE FORMATION UIMM {region} - SITE DE {city}", "CFAI {dept}", "CFA DE L'INDUSTRIE DE {city}"],
    urban: true,
    weight: 5,
  },
  {
    kind: "commerce",
    sectors: ["commerce", "tertiaire"],
    levels: [3, 5],
    diplomas: [3, 8],
    names: [
      "CFA DU COMMERCE ET DES SERVICES DE {city}",
      "CFA DE LA CCI {dept}",
      "ECOLE DE LA VENTE DE {city}",
    ],
    urban: true,
    weight: 6,
  },
  {
    kind: "ecole de commerce",
    sectors: ["commerce", "tertiaire", "communication"],
    levels: [5, 7],
    diplomas: [3, 8],
    names: [
      "ECOLE SUPERIEURE DE COMMERCE DE {city}",
      "{city} BUSINESS SCHOOL",
      "INSTITUT SUPERIEUR DE GESTION DE {city}",
    ],
    urban: true,
    weight: 4,
  },
  {
    kind: "universite",
    sectors: [
      "tertiaire",
      "numerique",
      "industrie",
      "communication",
      "social",
      "btp",
      "agriculture",
      "sante",
      "arts",
      "transport",
      "commerce",
    ],
    levels: [5, 7],
    diplomas: [3, 12],
    names: ["UNIVERSITE DE {city} - SERVICE APPRENTISSAGE", "IUT DE {city}", "CFA UNIVERSITAIRE {region}"],
    urban: true,
    weight: 4,
  },
  {
    kind: "numerique",
    sectors: ["numerique", "communication"],
    levels: [5, 7],
    diplomas: [2, 6],
    names: ["ECOLE DU NUMERIQUE DE {city}", "CAMPUS NUMERIQUE {region}", "ACADEMIE DU CODE DE {city}"],
    urban: true,
    weight: 3,
  },
  {
    kind: "transport",
    sectors: ["transport"],
    levels: [3, 6],
    diplomas: [2, 5],
    names: ["CFA TRANSPORT ET LOGISTIQUE DE {city}", "INSTITUT DU TRANSPORT ET DE LA LOGISTIQUE {region}"],
    urban: false,
    weight: 3,
  },
  {
    kind: "ingenieurs",
    sectors: ["industrie", "numerique", "btp", "agriculture"],
    levels: [7, 7],
    diplomas: [1, 4],
    names: ["ECOLE D'INGENIEURS DE {city}", "ECOLE NATIONALE SUPERIEURE D'INGENIEURS DE {city}"],
    urban: true,
    weight: 2,
  },
  {
    kind: "arts",
    sectors: ["arts"],
    levels: [3, 7],
    diplomas: [2, 6],
    names: [
      "LYCEE DES METIERS D'ART DE {city}",
      "ECOLE DES METIERS DU SPECTACLE DE {city}",
      "ECOLE D'ARTS APPLIQUES DE {city}",
    ],
    urban: true,
    weight: 2,
  },
  {
    kind: "securite",
    sectors: ["securite"],
    levels: [3, 5],
    diplomas: [1, 3],
    names: [
      "CFA DES METIERS DE LA SECURITE {region}",
      "INSTITUT DE FORMATION A LA PREVENTION ET A LA SURETE DE {city}",
    ],
    urban: true,
    weight: 1,
  },
  {
    kind: "interprofessionnel",
    sectors: ["commerce", "beaute", "hotellerie", "tertiaire", "alimentation"],
    levels: [3, 5],
    diplomas: [4, 12],
    names: ["CFA INTERPROFESSIONNEL {dept}", "CFA DES METIERS DE {city}"],
    urban: false,
    weight: 5,
  },
];

/** The diplomas a profile can teach. */
export function diplomasOf(profile: CfaProfile): Diploma[] {
  return DIPLOMAS.filter(
    (d) =>
      profile.sectors.includes(sectorOf(d)) && d.level >= profile.levels[0] && d.level <= profile.levels[1],
  );
}

/** Recruiter offer `niveau`, free text as the Matcha form stored it. */
export const RECRUITER_NIVEAUX = [
  "Indifférent",
  "Cap, autres formations niveau (Infrabac)",
  "BP, Bac, autres formations niveau (Bac)",
  "BTS, DEUST, autres formations niveau (Bac+2)",
  "Licence, autres formations niveau (Bac+3)",
  "Master, titre ingénieur, autres formations niveau (Bac+5)",
];

export const RYTHMES = [
  "2 jours / 3 jours",
  "1 jour / 4 jours",
  "1 semaine / 1 semaine",
  "2 semaines / 3 semaines",
  "6 semaines / 6 semaines",
];

export const TRANCHES_EFFECTIF = [
  "0-0",
  "1-2",
  "3-5",
  "6-9",
  "10-19",
  "20-49",
  "50-99",
  "100-199",
  "200-249",
  "250-499",
  "500-999",
];

export const STREET_TYPES = [
  "RUE",
  "AVENUE",
  "BOULEVARD",
  "PLACE",
  "CHEMIN",
  "ALLEE",
  "IMPASSE",
  "ROUTE",
  "QUAI",
];
export const STREET_NAMES = [
  "DE LA REPUBLIQUE",
  "JEAN JAURES",
  "VICTOR HUGO",
  "DU GENERAL DE GAULLE",
  "DE LA GARE",
  "PASTEUR",
  "DE LA LIBERATION",
  "DU MARECHAL FOCH",
  "GAMBETTA",
  "DES ECOLES",
  "DU MOULIN",
  "DE L'EGLISE",
  "NATIONALE",
  "DE LA MAIRIE",
  "JULES FERRY",
  "DE LA PAIX",
  "DES LILAS",
  "DU 8 MAI 1945",
  "EMILE ZOLA",
  "DE PARIS",
  "DES ARTISANS",
  "DE L'INDUSTRIE",
];

export const FIRST_NAMES = [
  "Camille",
  "Léa",
  "Manon",
  "Chloé",
  "Inès",
  "Sarah",
  "Julie",
  "Emma",
  "Lucas",
  "Hugo",
  "Thomas",
  "Nicolas",
  "Karim",
  "Mehdi",
  "Julien",
  "Antoine",
  "Sophie",
  "Nathalie",
  "Isabelle",
  "Pierre",
  "Yasmine",
  "Olivier",
  "Claire",
  "Mathieu",
  "Aurélie",
  "Sébastien",
  "Fatima",
  "Youssef",
  "Amandine",
  "Laurent",
  "Céline",
  "Kévin",
  "Élodie",
  "Romain",
  "Nadia",
  "Guillaume",
  "Marie",
  "Jean",
  "Anaïs",
  "Théo",
  "Lina",
  "Moussa",
  "Aïcha",
  "François",
  "Hélène",
  "Baptiste",
  "Mélanie",
  "Samuel",
  "Océane",
  "Dylan",
];
export const LAST_NAMES = [
  "Martin",
  "Bernard",
  "Dubois",
  "Thomas",
  "Robert",
  "Richard",
  "Petit",
  "Durand",
  "Leroy",
  "Moreau",
  "Simon",
  "Laurent",
  "Lefebvre",
  "Michel",
  "Garcia",
  "David",
  "Bertrand",
  "Roux",
  "Vincent",
  "Fournier",
  "Morel",
  "Girard",
  "Andre",
  "Mercier",
  "Benali",
  "Nguyen",
  "Lambert",
  "Bonnet",
  "François",
  "Martinez",
  "Legrand",
  "Garnier",
  "Faure",
  "Rousseau",
  "Blanc",
  "Guerin",
  "Muller",
  "Henry",
  "Roussel",
  "Nicolas",
  "Perrin",
  "Morin",
  "Mathieu",
  "Clement",
  "Gauthier",
  "Dumont",
  "Lopez",
  "Fontaine",
  "Chevalier",
  "Robin",
  "Diallo",
  "Traoré",
  "Haddad",
  "Boyer",
  "Le Gall",
  "Riviere",
  "Payet",
  "Hoarau",
  "Jean-Baptiste",
  "Pierre-Louis",
];
