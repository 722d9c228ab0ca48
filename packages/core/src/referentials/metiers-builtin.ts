// Métiers as candidates name them in the autocomplete, each with the ROME codes it stands for.
// Authored for this project; `npm run import -- metiers <csv>` replaces them with the service's own list.

export interface BuiltinMetier {
  label: string;
  domain: string;
  romes: string[];
  /** synonyms and job titles, space separated, searched by the autocomplete */
  keywords: string;
}

const m = (label: string, domain: string, romes: string, keywords: string): BuiltinMetier => ({
  label,
  domain,
  romes: romes.split(" "),
  keywords,
});

const AGRI = "Agriculture, espaces verts, animaux";
const ART = "Artisanat d'art, mode";
const BANK = "Banque, assurance, immobilier";
const SHOP = "Commerce, vente";
const FOOD = "Métiers de bouche";
const BEAUTY = "Coiffure, esthétique";
const COM = "Communication, médias";
const BTP = "Bâtiment, travaux publics";
const HOTEL = "Hôtellerie, restauration, tourisme";
const INDUS = "Industrie";
const MAINT = "Maintenance, mécanique";
const HEALTH = "Santé";
const SOCIAL = "Social, services à la personne";
const PUBLIC = "Sécurité, environnement, services publics";
const SHOW = "Spectacle, sport, loisirs";
const OFFICE = "Gestion, administration, ressources humaines";
const IT = "Informatique, numérique";
const TRANSPORT = "Transport, logistique";

export const BUILTIN_METIERS: readonly BuiltinMetier[] = [
  m(
    "Agriculture, polyculture, élevage",
    AGRI,
    "A1416 A1407 A1403 A1410 A1411 A1409",
    "agriculteur agricultrice exploitant agricole éleveur ferme vaches ouvrier agricole",
  ),
  m("Maraîchage, horticulture", AGRI, "A1414 A1402", "maraîcher horticulteur pépiniériste serriste légumes"),
  m(
    "Viticulture, arboriculture",
    AGRI,
    "A1405 A1401",
    "viticulteur vigneron arboriculteur vendanges vigne verger",
  ),
  m(
    "Œnologie, production de vins et boissons",
    AGRI,
    "A1413",
    "oenologue caviste chai brasseur cidre vinification",
  ),
  m(
    "Paysagisme, jardinage, entretien des espaces verts",
    AGRI,
    "A1203 A1202",
    "paysagiste jardinier espaces verts élagage tonte",
  ),
  m(
    "Forêt, sylviculture, bûcheronnage",
    AGRI,
    "A1205 A1201",
    "bûcheron élagueur forestier sylviculteur grimpeur",
  ),
  m(
    "Conduite d'engins agricoles et forestiers",
    AGRI,
    "A1101",
    "tractoriste conducteur tracteur moissonneuse chauffeur agricole",
  ),
  m(
    "Soins aux animaux, toilettage",
    AGRI,
    "A1501 A1503 A1408",
    "toiletteur canin soigneur animalier chenil pension",
  ),
  m(
    "Maréchalerie, soins des chevaux",
    AGRI,
    "A1502 A1407",
    "maréchal-ferrant palefrenier lad cavalier équitation haras",
  ),
  m("Assistance vétérinaire", AGRI, "A1501 A1504", "auxiliaire vétérinaire ASV clinique animaux vétérinaire"),
  m(
    "Conseil agricole, agronomie",
    AGRI,
    "A1301 A1303",
    "conseiller agricole agronome technicien agricole ingénieur agronome",
  ),
  m(
    "Aquaculture, pêche",
    AGRI,
    "A1404 A1415",
    "aquaculteur ostréiculteur conchyliculteur marin pêcheur matelot",
  ),
  m("Fromagerie, production laitière", AGRI, "A1412", "fromager affineur crémier lait fromage"),
  m(
    "Protection de la nature, gestion des milieux naturels",
    AGRI,
    "A1204 A1202",
    "garde nature écologue animateur nature environnement",
  ),

  m(
    "Bijouterie, joaillerie, horlogerie",
    ART,
    "B1603 B1604",
    "bijoutier joaillier sertisseur horloger orfèvre",
  ),
  m(
    "Arts plastiques, céramique, verrerie d'art",
    ART,
    "B1101 B1201 B1602",
    "céramiste potier souffleur de verre artiste plasticien vitrailliste",
  ),
  m("Tapisserie, décoration d'ameublement", ART, "B1806", "tapissier décorateur garnisseur sellier siège"),
  m(
    "Couture, stylisme, mode",
    ART,
    "B1803 B1805 D1207",
    "couturier couturière styliste modéliste retoucheur tailleur",
  ),
  m("Maroquinerie, cordonnerie, travail du cuir", ART, "B1802 D1206", "maroquinier cordonnier sellier cuir"),
  m("Lutherie, fabrication d'instruments de musique", ART, "B1501", "luthier accordeur facteur d'orgue"),
  m("Ferronnerie d'art, métallerie d'art", ART, "B1601", "ferronnier forgeron métallier d'art"),
  m("Reliure, restauration d'œuvres", ART, "B1402 B1302", "relieur doreur restaurateur"),
  m("Gravure, ciselure", ART, "B1303", "graveur ciseleur"),
  m(
    "Décoration d'intérieur, architecture intérieure",
    ART,
    "F1102 B1301",
    "décorateur architecte d'intérieur agenceur home staging",
  ),

  m(
    "Banque, conseil clientèle",
    BANK,
    "C1206 C1201 C1203",
    "conseiller bancaire chargé de clientèle guichetier banquier",
  ),
  m(
    "Assurance",
    BANK,
    "C1102 C1103 C1107 C1109 C1110",
    "conseiller en assurance courtier gestionnaire sinistres souscripteur agent général",
  ),
  m(
    "Immobilier, transaction, gestion locative",
    BANK,
    "C1504 C1501 C1502 C1503",
    "agent immobilier négociateur gestionnaire locatif syndic copropriété",
  ),
  m(
    "Gestion de patrimoine, finance",
    BANK,
    "C1205 C1301 C1303 C1202",
    "conseiller en gestion de patrimoine analyste crédit trader",
  ),
  m("Back office bancaire", BANK, "C1401 C1302", "gestionnaire back office opérations bancaires"),

  m(
    "Boulangerie, pâtisserie, chocolaterie",
    FOOD,
    "D1102 D1104",
    "boulanger boulangère boulangerie artisanale boulanger-pâtissier pâtissier pâtissière chocolatier confiseur viennoiserie pain",
  ),
  m(
    "Boucherie, charcuterie, traiteur",
    FOOD,
    "D1101 D1103 H2101",
    "boucher bouchère charcutier traiteur découpe viande",
  ),
  m("Poissonnerie", FOOD, "D1105", "poissonnier écailler marée"),
  m("Glacerie, confiserie", FOOD, "D1104", "glacier confiseur chocolatier"),
  m("Fabrication de crêpes, pizzas", FOOD, "G1604", "pizzaiolo crêpier"),

  m(
    "Commerce, vente",
    SHOP,
    "D1106 D1211 D1214 D1401 D1406 D1407",
    "vendeur vendeuse commercial conseiller de vente employé de commerce",
  ),
  m(
    "Vente en alimentation, épicerie",
    SHOP,
    "D1106 D1107 D1505",
    "épicier vendeur en alimentation primeur crémier caviste",
  ),
  m(
    "Vente en magasin (habillement, sport, équipement)",
    SHOP,
    "D1211 D1212 D1214",
    "vendeur prêt-à-porter conseiller de vente magasin chaussures sport",
  ),
  m(
    "Grande distribution, mise en rayon",
    SHOP,
    "D1507 D1505 D1502 D1503",
    "employé libre service hôte de caisse caissier mise en rayon supermarché",
  ),
  m(
    "Management commercial, gestion de magasin",
    SHOP,
    "D1301 D1406 D1502 D1503 D1504 D1509",
    "manager de rayon chef de rayon responsable de magasin directeur de magasin",
  ),
  m(
    "Relation client, téléconseil",
    SHOP,
    "D1408 M1704",
    "téléconseiller téléopérateur chargé de clientèle service client centre d'appels",
  ),
  m(
    "Technico-commercial",
    SHOP,
    "D1407 D1402",
    "technico-commercial ingénieur commercial attaché commercial",
  ),
  m(
    "Développement commercial, force de vente",
    SHOP,
    "D1402 D1403 D1406",
    "commercial terrain business developer chargé d'affaires représentant",
  ),
  m("Vente de véhicules", SHOP, "D1404", "vendeur automobile conseiller commercial automobile concession"),
  m("Commerce international", SHOP, "D1402 N1202", "import export commercial export assistant import export"),
  m(
    "Assistanat commercial, administration des ventes",
    SHOP,
    "D1401 M1701",
    "assistant commercial ADV administration des ventes",
  ),
  m("Fleuristerie", SHOP, "D1209", "fleuriste art floral jardinerie"),
  m("Vente en animalerie", SHOP, "D1210", "vendeur animalerie"),
  m(
    "Marchandisage, merchandising visuel",
    SHOP,
    "D1506 B1301",
    "merchandiser étalagiste visual merchandiser",
  ),
  m("Achats", SHOP, "M1101 M1102", "acheteur approvisionneur chargé des achats"),
  m("Location de véhicules et de matériel", SHOP, "D1204", "loueur agent de location"),
  m("Antiquités, brocante, occasion", SHOP, "D1201", "antiquaire brocanteur commissaire priseur"),

  m("Coiffure", BEAUTY, "D1202", "coiffeur coiffeuse barbier visagiste"),
  m(
    "Esthétique, soins du corps",
    BEAUTY,
    "D1208 D1203",
    "esthéticienne esthéticien prothésiste ongulaire spa cosmétique parfumerie",
  ),
  m("Pressing, blanchisserie", BEAUTY, "D1205 K2201", "pressing blanchisseur teinturier repasseur"),

  m(
    "Communication, marketing, publicité",
    COM,
    "E1103 E1401 E1402 M1705",
    "chargé de communication publicitaire attaché de presse marketing",
  ),
  m(
    "Web marketing, community management",
    COM,
    "E1101 E1104 M1705",
    "community manager webmarketeur rédacteur web SEO réseaux sociaux",
  ),
  m("Journalisme, édition", COM, "E1106 E1105 E1102 E1305", "journaliste rédacteur éditeur correcteur"),
  m(
    "Graphisme, design graphique",
    COM,
    "E1205 E1104",
    "graphiste infographiste designer graphique PAO motion designer",
  ),
  m("Photographie", COM, "E1201 E1203", "photographe photo"),
  m(
    "Imprimerie, industries graphiques",
    COM,
    "E1301 E1306 E1304 E1307",
    "imprimeur conducteur offset façonnier prépresse reprographe",
  ),
  m("Événementiel", COM, "E1107", "chargé d'événementiel organisateur de salons"),
  m("Traduction, interprétariat", COM, "E1108", "traducteur interprète"),
  m("Audiovisuel, cinéma", COM, "L1304 L1505 L1507 L1510", "monteur vidéo cadreur réalisateur animation 3D"),

  m(
    "Électricité, électrotechnique",
    BTP,
    "F1602 H1504 I1309 F1605 H2602",
    "électricien électricienne électrotechnicien installateur électrique câbleur",
  ),
  m(
    "Plomberie, chauffage, génie climatique",
    BTP,
    "F1603 I1308",
    "plombier chauffagiste installateur sanitaire thermique",
  ),
  m("Froid, climatisation", BTP, "I1306", "frigoriste climaticien pompe à chaleur"),
  m("Maçonnerie, gros œuvre", BTP, "F1703 F1701 F1704", "maçon coffreur bancheur gros oeuvre"),
  m("Charpente, couverture", BTP, "F1501 F1503 F1610", "charpentier couvreur zingueur ossature bois toiture"),
  m(
    "Menuiserie, ébénisterie",
    BTP,
    "H2206 H2207 F1607 F1604",
    "menuisier ébéniste agenceur poseur de fenêtres",
  ),
  m("Peinture en bâtiment", BTP, "F1606", "peintre en bâtiment peintre décorateur"),
  m("Carrelage, revêtements de sols et murs", BTP, "F1608 F1609", "carreleur mosaïste solier moquettiste"),
  m("Plâtrerie, plaquisme, isolation", BTP, "F1601 F1613", "plâtrier plaquiste staffeur isolation"),
  m("Étanchéité, façades", BTP, "F1613 F1611", "étancheur façadier ravalement"),
  m("Serrurerie, métallerie", BTP, "F1502 H2902", "serrurier métallier charpentier métallique"),
  m("Taille de pierre", BTP, "F1612", "tailleur de pierre marbrier"),
  m(
    "Conduite de travaux, direction de chantier",
    BTP,
    "F1201 F1202 F1204",
    "conducteur de travaux chef de chantier chef d'équipe",
  ),
  m("Architecture, dessin du bâtiment", BTP, "F1101 F1104", "architecte dessinateur projeteur BTP"),
  m(
    "Bureau d'études BTP, BIM",
    BTP,
    "F1106 F1104 F1108",
    "ingénieur BTP technicien bureau d'études BIM modeleur",
  ),
  m("Économie de la construction", BTP, "F1108 F1106", "économiste de la construction métreur"),
  m("Topographie, géomètre", BTP, "F1107", "géomètre topographe"),
  m(
    "Diagnostic immobilier, contrôle du bâtiment",
    BTP,
    "F1103",
    "diagnostiqueur contrôleur technique bâtiment",
  ),
  m(
    "Travaux publics, routes, canalisations",
    BTP,
    "F1702 F1705 F1704",
    "canalisateur constructeur de routes ouvrier travaux publics",
  ),
  m("Conduite d'engins de chantier", BTP, "F1302 F1301", "conducteur d'engins grutier pelleteur"),
  m(
    "Fibre optique, réseaux électriques et télécoms",
    BTP,
    "F1605 I1307",
    "monteur réseaux fibre optique technicien télécom raccordeur",
  ),
  m("Ascenseurs", BTP, "I1301", "ascensoriste"),

  m("Cuisine", HOTEL, "G1602 G1601", "cuisinier cuisinière commis de cuisine chef de partie chef cuisinier"),
  m(
    "Service en restauration",
    HOTEL,
    "G1803 G1802",
    "serveur serveuse commis de salle maître d'hôtel chef de rang",
  ),
  m("Bar, sommellerie", HOTEL, "G1801 G1804", "barman barmaid barista sommelier"),
  m(
    "Restauration rapide, restauration collective",
    HOTEL,
    "G1603 G1404",
    "équipier polyvalent employé de restauration cantine",
  ),
  m("Hôtellerie, réception", HOTEL, "G1703 G1701 G1702", "réceptionniste concierge voiturier bagagiste"),
  m("Hébergement, étages", HOTEL, "G1501 G1502 G1503", "femme de chambre valet de chambre gouvernante"),
  m(
    "Management en hôtellerie, restauration",
    HOTEL,
    "G1402 G1401 G1403",
    "directeur d'hôtel gérant de restaurant manager",
  ),
  m(
    "Tourisme, agences de voyages",
    HOTEL,
    "G1303 G1301 G1101 G1102",
    "agent de voyages conseiller voyages office de tourisme",
  ),
  m(
    "Animation, loisirs",
    HOTEL,
    "G1202 G1203 G1201 G1205",
    "animateur animatrice BAFA centre de loisirs guide",
  ),

  m(
    "Usinage, mécanique de précision",
    INDUS,
    "H2903 H2912 H2901",
    "usineur tourneur fraiseur régleur décolleteur",
  ),
  m("Chaudronnerie, tôlerie", INDUS, "H2902", "chaudronnier tôlier"),
  m("Soudure, tuyauterie", INDUS, "H2913 H2914", "soudeur tuyauteur"),
  m(
    "Conduite de ligne de production",
    INDUS,
    "H2102 H2906 H2301 H3302",
    "opérateur de production conducteur de ligne pilote de ligne",
  ),
  m(
    "Industrie agroalimentaire",
    INDUS,
    "H2102 H2101 H1505",
    "opérateur agroalimentaire conducteur de machines alimentaires",
  ),
  m(
    "Qualité, contrôle industriel",
    INDUS,
    "H1502 H1506 H1301",
    "technicien qualité contrôleur qualité responsable qualité",
  ),
  m("Hygiène, sécurité, environnement (HSE)", INDUS, "H1302 H1303", "animateur HSE QSE responsable sécurité"),
  m(
    "Méthodes, industrialisation",
    INDUS,
    "H1402 H1404",
    "technicien méthodes ingénieur méthodes industrialisation",
  ),
  m(
    "Conception mécanique, bureau d'études industriel",
    INDUS,
    "H1203 H1206 H1210",
    "dessinateur industriel projeteur concepteur CAO",
  ),
  m(
    "Électronique",
    INDUS,
    "H1209 H2605 H1202 I1305",
    "électronicien technicien électronique câbleur électronique",
  ),
  m("Automatisme, robotique", INDUS, "H1208 I1302 H2906", "automaticien roboticien technicien automatisme"),
  m(
    "Laboratoire, chimie, analyses",
    INDUS,
    "H1503 H1501 J1302",
    "technicien de laboratoire chimiste laborantin",
  ),
  m("Industrie pharmaceutique, cosmétique", INDUS, "H2301 H1505", "opérateur pharmaceutique formulateur"),
  m("Plasturgie, matériaux composites", INDUS, "H3203 H2912", "plasturgiste stratifieur composite"),
  m("Design industriel", INDUS, "H1204", "designer produit designer industriel"),
  m(
    "Encadrement de production industrielle",
    INDUS,
    "H2502 H2503 H2504",
    "chef d'atelier responsable de production chef d'équipe",
  ),
  m(
    "Énergie, production d'électricité",
    INDUS,
    "H2701 I1304",
    "technicien énergie pilote installation nucléaire",
  ),
  m(
    "Gestion de production, logistique industrielle",
    INDUS,
    "H1401 H1403",
    "gestionnaire de production planificateur ordonnanceur",
  ),
  m("Câblage, montage électrique", INDUS, "H2602 H2603", "câbleur monteur électrique"),
  m(
    "Ameublement, travail du bois industriel",
    INDUS,
    "H2202 H2201 H2209",
    "opérateur scierie menuiserie industrielle",
  ),
  m("Montage, assemblage mécanique", INDUS, "H2909 H2901", "monteur ajusteur assembleur"),
  m(
    "Ingénierie industrielle, affaires",
    INDUS,
    "H1102 H1206 H1101",
    "ingénieur d'affaires chef de projet industriel technicien support",
  ),

  m("Mécanique automobile", MAINT, "I1604 I1103", "mécanicien automobile garagiste technicien automobile"),
  m("Carrosserie, peinture automobile", MAINT, "I1606", "carrossier peintre automobile débosseleur"),
  m("Mécanique moto, cycles", MAINT, "I1607", "mécanicien moto cycles vélo"),
  m("Maintenance d'engins agricoles et de chantier", MAINT, "I1603", "mécanicien agricole mécanicien engins"),
  m(
    "Maintenance industrielle",
    MAINT,
    "I1304 I1310 I1309 I1102",
    "technicien de maintenance électromécanicien mécanicien industriel",
  ),
  m(
    "Maintenance des bâtiments",
    MAINT,
    "I1203 I1101",
    "agent d'entretien du bâtiment homme toutes mains technicien de maintenance",
  ),
  m(
    "Maintenance aéronautique",
    MAINT,
    "I1602 H2909",
    "mécanicien avion aéronautique technicien aéronautique",
  ),
  m("Réparation électroménager, multimédia", MAINT, "I1402", "réparateur électroménager dépanneur"),
  m("Nautisme, mécanique marine", MAINT, "I1601 I1605", "mécanicien marine nautisme bateaux"),
  m("Travaux en hauteur", MAINT, "I1501", "cordiste"),

  m(
    "Aide-soignant, soins",
    HEALTH,
    "J1501 J1301",
    "aide-soignant aide soignante agent de service hospitalier ASH",
  ),
  m("Soins infirmiers", HEALTH, "J1506 J1505 J1507 J1503", "infirmier infirmière IDE puéricultrice"),
  m("Pharmacie", HEALTH, "J1307 J1202", "préparateur en pharmacie pharmacien"),
  m("Auxiliaire de puériculture", HEALTH, "J1304", "auxiliaire de puériculture maternité crèche"),
  m("Ambulancier", HEALTH, "J1305", "ambulancier auxiliaire ambulancier"),
  m(
    "Analyses médicales, biologie",
    HEALTH,
    "J1302 J1201",
    "technicien de laboratoire biologie médicale laborantin",
  ),
  m("Imagerie médicale", HEALTH, "J1306", "manipulateur radio radiologie"),
  m("Optique, lunetterie", HEALTH, "J1405", "opticien lunetier"),
  m("Prothèse et assistance dentaire", HEALTH, "J1410 J1303", "prothésiste dentaire assistant dentaire"),
  m("Orthopédie, podologie", HEALTH, "J1411 J1409", "orthoprothésiste podo-orthésiste pédicure"),
  m("Audioprothèse", HEALTH, "J1401", "audioprothésiste"),
  m("Diététique, nutrition", HEALTH, "J1402", "diététicien nutritionniste"),
  m(
    "Rééducation, kinésithérapie",
    HEALTH,
    "J1404 J1403 J1412",
    "kinésithérapeute ergothérapeute psychomotricien",
  ),
  m("Secrétariat médical", HEALTH, "M1609 J1502", "secrétaire médicale assistante médicale"),

  m(
    "Petite enfance",
    SOCIAL,
    "K1303 K1202",
    "auxiliaire petite enfance assistante maternelle éducateur jeunes enfants ATSEM crèche",
  ),
  m(
    "Aide à domicile, services à la personne",
    SOCIAL,
    "K1302 K1304 K1305 K1301",
    "aide à domicile auxiliaire de vie AES accompagnant éducatif et social",
  ),
  m(
    "Éducation spécialisée, travail social",
    SOCIAL,
    "K1207 K1201 K1205 K1204",
    "éducateur spécialisé assistant social moniteur éducateur médiateur",
  ),
  m("Animation socioculturelle", SOCIAL, "K1206", "animateur socioculturel"),
  m(
    "Insertion, conseil en emploi",
    SOCIAL,
    "K1801 K2112 K1203",
    "conseiller en insertion conseiller emploi chargé d'accompagnement",
  ),
  m(
    "Formation, enseignement",
    SOCIAL,
    "K2111 K2101 K2102 K2109",
    "formateur enseignant coordinateur pédagogique",
  ),
  m(
    "Auto-école, enseignement de la conduite",
    SOCIAL,
    "K2110",
    "moniteur auto-école enseignant de la conduite",
  ),
  m("Services funéraires", SOCIAL, "K2601 K2602 K2603", "conseiller funéraire thanatopracteur porteur"),

  m(
    "Propreté, nettoyage",
    PUBLIC,
    "K2204 K2203 K2202",
    "agent d'entretien agent de propreté laveur de vitres",
  ),
  m("Sécurité, surveillance", PUBLIC, "K2503 K2501 K2502", "agent de sécurité vigile gardien SSIAP"),
  m(
    "Sécurité publique, secours",
    PUBLIC,
    "K1705 K1706 K1707",
    "pompier policier sapeur-pompier police municipale",
  ),
  m(
    "Environnement, eau, gestion des déchets",
    PUBLIC,
    "K2301 K2304 K2306 K2303 K2302",
    "technicien eau assainissement tri recyclage déchets",
  ),
  m("Hygiène, traitement des nuisibles", PUBLIC, "K2305", "désinsectiseur dératiseur"),
  m("Juridique, droit", PUBLIC, "K1902 K1903", "juriste assistant juridique clerc de notaire avocat"),
  m(
    "Administration publique, collectivités",
    PUBLIC,
    "K1404 K1401 K1802",
    "agent administratif territorial chargé de mission développement local",
  ),

  m(
    "Musique, danse, théâtre",
    SHOW,
    "L1202 L1201 L1203 L1204 L1101",
    "musicien danseur comédien artiste chanteur",
  ),
  m(
    "Son, éclairage, techniques du spectacle",
    SHOW,
    "L1508 L1504 L1509 L1506 L1503",
    "technicien son éclairagiste régisseur machiniste ingénieur du son",
  ),
  m("Production de spectacles", SHOW, "L1302 L1303", "chargé de production administrateur spectacle"),
  m("Maquillage, costumes", SHOW, "L1501 L1502", "maquilleur costumier habilleur"),
  m(
    "Sport, coaching sportif",
    SHOW,
    "G1204 L1401",
    "éducateur sportif coach sportif moniteur sportif BPJEPS",
  ),

  m(
    "Comptabilité, gestion",
    OFFICE,
    "M1203 M1206 M1608",
    "comptable aide comptable assistant comptable expert-comptable",
  ),
  m(
    "Contrôle de gestion, audit, finance",
    OFFICE,
    "M1204 M1202 M1201 M1207 M1205",
    "contrôleur de gestion auditeur analyste financier trésorier",
  ),
  m(
    "Ressources humaines",
    OFFICE,
    "M1501 M1502 M1503",
    "assistant RH chargé de recrutement responsable ressources humaines",
  ),
  m("Paie", OFFICE, "M1501 M1203", "gestionnaire de paie"),
  m(
    "Administratif, secrétariat, assistanat",
    OFFICE,
    "M1607 M1602 M1605 M1606",
    "secrétaire assistant administratif agent administratif",
  ),
  m("Assistanat de direction", OFFICE, "M1604", "assistant de direction assistant manager"),
  m("Accueil", OFFICE, "M1601", "hôte d'accueil agent d'accueil standardiste"),
  m(
    "Marketing, chef de produit",
    OFFICE,
    "M1705 M1703 M1702 M1707 M1706",
    "chef de produit chargé de marketing responsable marketing",
  ),
  m(
    "Conseil, management d'entreprise",
    OFFICE,
    "M1402 M1302 M1301",
    "consultant chef d'entreprise dirigeant",
  ),
  m("Études, enquêtes", OFFICE, "M1401 M1403", "enquêteur chargé d'études"),

  m(
    "Développement web, intégration",
    IT,
    "M1805 E1205",
    "développeur web intégrateur front-end back-end full stack",
  ),
  m(
    "Développement logiciel, applications",
    IT,
    "M1805",
    "développeur programmeur concepteur développeur d'applications",
  ),
  m(
    "Réseaux, systèmes, cybersécurité",
    IT,
    "M1801 M1802 M1810",
    "administrateur systèmes et réseaux technicien réseau cybersécurité",
  ),
  m("Maintenance informatique, support", IT, "I1401 H1101", "technicien informatique helpdesk support"),
  m("Data, analyse de données", IT, "M1403 M1805", "data analyst data scientist data engineer statistiques"),
  m("Gestion de projets informatiques", IT, "M1806 M1803", "chef de projet informatique product owner"),
  m("Télécoms, réseaux", IT, "M1804 I1307", "technicien télécoms ingénieur réseaux"),
  m("Géomatique, information géographique", IT, "M1808", "géomaticien cartographe SIG"),

  m(
    "Logistique, magasinage, préparation de commandes",
    TRANSPORT,
    "N1103 N1105",
    "magasinier préparateur de commandes agent logistique manutentionnaire",
  ),
  m("Cariste, conduite d'engins de manutention", TRANSPORT, "N1101 N1104", "cariste chariot élévateur CACES"),
  m(
    "Transport routier, poids lourds",
    TRANSPORT,
    "N4101 N4105",
    "chauffeur routier conducteur poids lourd chauffeur livreur",
  ),
  m("Livraison, coursier", TRANSPORT, "N4104 N4105", "livreur coursier"),
  m(
    "Conduite de bus, transport de personnes",
    TRANSPORT,
    "N4103 N4102",
    "conducteur de bus chauffeur de car taxi VTC",
  ),
  m(
    "Exploitation des transports",
    TRANSPORT,
    "N4201 N4203 N4204 N1201",
    "exploitant transport affréteur agent d'exploitation",
  ),
  m("Transport international, transit, douane", TRANSPORT, "N1202 N1201", "déclarant en douane transitaire"),
  m(
    "Supply chain, gestion logistique",
    TRANSPORT,
    "N1301 N1302 N1303",
    "responsable logistique supply chain approvisionneur",
  ),
  m("Ferroviaire", TRANSPORT, "N4301 N4401", "conducteur de train agent circulation ferroviaire"),
  m(
    "Aéroportuaire, aviation",
    TRANSPORT,
    "N2201 N2101 N2204 N2203",
    "agent d'escale hôtesse de l'air steward pilote",
  ),
  m("Navigation maritime, fluviale", TRANSPORT, "N3101 N3102", "matelot marin capitaine"),
  m("Déménagement", TRANSPORT, "N1102", "déménageur"),
];
