import type { Rng } from "./prng";

// Words of the generated offers and companies: a few sentences of each kind, combined, so that two offers
// rarely read alike. Placeholders: {poste} (the job title, lower case), {entreprise}, {ville}, {de_ville}
// ("de Lyon", "d'Ajaccio"), {de_poste}, {de_entreprise}, {de_metier} ("de plombier", "d'assistant de vie": the ROME label), {rythme}.

const INTROS = [
  "{entreprise} recrute un(e) {poste} en alternance.",
  "Dans le cadre de son développement, {entreprise} recherche un(e) {poste} en apprentissage.",
  "Rejoignez {entreprise} à {ville} comme {poste} en alternance !",
  "{entreprise}, implantée à {ville}, propose un contrat en alternance {de_poste}.",
  "Vous préparez un diplôme en alternance ? {entreprise} vous accueille comme {poste}.",
  "Pour la rentrée, {entreprise} ouvre un poste {de_poste} en contrat d'apprentissage.",
  "Nous cherchons notre futur(e) {poste} pour compléter l'équipe {de_ville}.",
  "Offre d'alternance : {poste} au sein {de_entreprise}.",
  "{entreprise} forme ses talents : devenez {poste} en alternance à {ville}.",
  "Poste {de_poste} à pourvoir en alternance, à {ville}.",
];

const INTROS_ANONYMOUS = [
  "Nous recrutons un(e) {poste} en alternance à {ville}.",
  "Entreprise {de_ville} recherche un(e) {poste} en apprentissage.",
  "Poste {de_poste} en alternance à pourvoir rapidement.",
  "Structure à taille humaine recrute un(e) {poste} en contrat d'apprentissage.",
];

const MISSIONS = [
  "Aux côtés de votre tuteur, vous découvrirez le métier {de_metier} et prendrez en charge des missions de plus en plus variées.",
  "Vous participerez à l'activité quotidienne de l'équipe : préparation, réalisation, contrôle et rangement du poste de travail.",
  "Vous serez formé(e) à nos méthodes et à nos outils, puis vous gagnerez en autonomie au fil des mois.",
  "Vos missions évolueront avec votre formation : d'abord en binôme, puis sur des tâches qui vous seront confiées en propre.",
  "Vous apprendrez les gestes du métier et les règles d'hygiène et de sécurité qui s'y appliquent.",
  "Vous contribuerez à la relation avec nos clients et au suivi de la qualité de notre travail.",
  "Vous alternerez entre périodes en entreprise et cours au centre de formation, au rythme {rythme}.",
  "Vous serez intégré(e) à une équipe de professionnels attentifs à transmettre leur savoir-faire.",
  "Vous interviendrez sur l'ensemble des activités du métier {de_metier}, de l'accueil à la réalisation.",
  "Un planning adapté à votre formation vous permettra de suivre vos cours dans de bonnes conditions.",
];

const PROFILES = [
  "Vous êtes curieux(se), rigoureux(se) et avez envie d'apprendre.",
  "Vous aimez le travail en équipe et le contact avec la clientèle.",
  "Motivation, ponctualité et sens de l'organisation sont vos atouts.",
  "Aucune expérience n'est exigée : votre envie d'apprendre compte avant tout.",
  "Une première expérience (stage, job d'été) serait appréciée sans être indispensable.",
  "Vous êtes inscrit(e) ou souhaitez vous inscrire dans une formation en alternance.",
  "Vous avez le goût du travail bien fait et le sens du service.",
  "Dynamique et autonome, vous savez vous adapter aux imprévus.",
  "Vous appréciez le travail manuel et le soin du détail.",
  "Bon relationnel et capacité d'écoute sont attendus.",
];

const CONDITIONS = [
  "Rémunération selon la grille de l'apprentissage, majorée selon votre âge et votre année de contrat.",
  "Horaires du lundi au vendredi, avec un samedi par mois.",
  "Tickets restaurant et prise en charge de 50 % du titre de transport.",
  "Mutuelle d'entreprise et tenue de travail fournies.",
  "Poste accessible aux personnes en situation de handicap.",
  "Possibilité d'embauche à l'issue de la formation.",
  "Travail en journée, week-ends libres.",
  "Participation aux frais de formation et aide au premier équipement.",
  "Le permis B serait un plus pour les déplacements.",
  "Démarrage du contrat à la rentrée de septembre.",
];

const CLOSINGS = [
  "Envoyez-nous votre candidature, nous vous répondrons rapidement.",
  "Débutant accepté.",
  "Venez nous rencontrer : nous aurons plaisir à échanger avec vous.",
  "Candidatures étudiées au fil de l'eau.",
  "Rejoignez-nous !",
  "Nous attendons votre CV et quelques mots sur votre projet.",
  "Un entretien vous sera proposé si votre profil correspond.",
  "Poste à pourvoir dès que possible.",
];

const COMPANY_DESCRIPTIONS = [
  "{entreprise} : entreprise familiale implantée à {ville} depuis plus de vingt ans.",
  "{entreprise} est une entreprise artisanale {de_ville} qui forme chaque année des apprentis.",
  "Entreprise indépendante en pleine croissance, {entreprise} compte une quinzaine de salariés.",
  "{entreprise} accompagne ses clients de la région {de_ville} avec une équipe passionnée.",
  "Acteur reconnu de son secteur, {entreprise} mise sur l'alternance pour préparer ses futurs talents.",
  "{entreprise}, PME {de_ville}, privilégie la proximité et le travail bien fait.",
  "Une équipe jeune et soudée, attachée à la transmission du métier.",
  "{entreprise} fait partie d'un réseau national et recrute localement à {ville}.",
];

const REQUIREMENTS = [
  "Savoir-être : ponctualité, politesse, esprit d'équipe.",
  "Aucun prérequis, une formation complète est assurée.",
  "Niveau de français courant, à l'écrit comme à l'oral.",
  "Intérêt pour le métier et envie de progresser.",
  "Être inscrit(e) dans une formation préparant au diplôme visé.",
  "Aisance relationnelle et sens de l'organisation.",
];

export interface TextContext {
  poste: string;
  entreprise: string | null;
  ville: string;
  metier: string;
  rythme: string;
}

/** "de plombier", "d'assistant", "d'Ajaccio", "d'hôtelier". */
function de(word: string): string {
  return /^[aeiouyhàâéèêëîïôöûüœ]/i.test(word) ? `d'${word}` : `de ${word}`;
}

function fill(template: string, ctx: TextContext): string {
  return template
    .replaceAll("{de_poste}", de(ctx.poste.toLowerCase()))
    .replaceAll("{poste}", ctx.poste.toLowerCase())
    .replaceAll("{de_entreprise}", de(ctx.entreprise ?? "notre entreprise"))
    .replaceAll("{entreprise}", ctx.entreprise ?? "Notre entreprise")
    .replaceAll("{de_ville}", de(ctx.ville))
    .replaceAll("{ville}", ctx.ville)
    .replaceAll("{de_metier}", de(ctx.metier.toLowerCase()))
    .replaceAll("{rythme}", ctx.rythme);
}

function pickDistinct(rng: Rng, items: readonly string[], count: number): string[] {
  return rng.shuffle([...items]).slice(0, count);
}

/** The description of a France Travail-shaped offer: an introduction, missions, a profile, conditions, a close. */
export function offerDescription(rng: Rng, ctx: TextContext): string {
  const intro = rng.pick(ctx.entreprise ? INTROS : INTROS_ANONYMOUS);
  const parts = [
    intro,
    ...pickDistinct(rng, MISSIONS, rng.int(1, 2)),
    ...pickDistinct(rng, PROFILES, rng.int(1, 2)),
    ...pickDistinct(rng, CONDITIONS, rng.int(0, 2)),
    rng.pick(CLOSINGS),
  ];
  return parts.map((part) => fill(part, ctx)).join("\n");
}

export function companyDescription(rng: Rng, ctx: TextContext): string {
  return fill(rng.pick(COMPANY_DESCRIPTIONS), ctx);
}

/** A recruiter offer's description of the job (the form's "définition du poste"). */
export function recruiterOfferDefinition(rng: Rng, ctx: TextContext): string {
  return [rng.pick(MISSIONS), rng.pick(PROFILES), rng.pick(REQUIREMENTS)]
    .map((part) => fill(part, ctx))
    .join(" ");
}
