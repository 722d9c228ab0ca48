import { INFO_PAGES } from "@lba/core/schemas";
import { useEffect, type ReactNode } from "react";
import { Layout } from "../components/layout";
import { onLinkClick } from "../lib/router";
import { useSiteInfo } from "../lib/site-info";
import {
  applicationDataUses,
  cvParagraph,
  dailyLimitAnswer,
  hostSentence,
  noReplyAnswer,
  publisherSentences,
} from "./info-texts";

// The site's information pages (docs/reference/v1.md#s11-6): legal notice, personal data, accessibility, contact,
// FAQ and interview advice. Figures that depend on the server's settings are read from its health answer.

/** The date the accessibility statement was established: the axe tests of tests/browser passed on every page. */
export const ACCESSIBILITY_AUDIT_DATE = "30 novembre 2026";

function InfoPage({ title, children }: { title: string; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} : La bonne alternance`;
  }, [title]);
  return (
    <Layout layout="site">
      <div className="container container--narrow page prose">
        <h1>{title}</h1>
        {children}
      </div>
    </Layout>
  );
}

function PageLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <a href={to} onClick={onLinkClick}>
      {children}
    </a>
  );
}

function ContactAddress() {
  const { contactEmail } = useSiteInfo();
  return contactEmail ? (
    <a href={`mailto:${contactEmail}`}>{contactEmail}</a>
  ) : (
    <>l'adresse de contact de l'exploitant de ce site (elle n'a pas encore été publiée sur cette instance)</>
  );
}

export function LegalNoticePage() {
  const { legal } = useSiteInfo();
  const publisher = publisherSentences(legal);
  const host = hostSentence(legal);
  return (
    <InfoPage title="Mentions légales">
      <h2>Éditeur</h2>
      <p>
        La bonne alternance est un service public numérique qui aide les jeunes à trouver une formation en
        apprentissage et une entreprise d'accueil. Ce site est une réalisation libre et ouverte du service :
        son code source est publié sous licence MIT, et toute organisation peut l'installer sur ses propres
        serveurs.
      </p>
      {publisher.map((sentence) => (
        <p key={sentence}>{sentence}</p>
      ))}
      <p>
        L'éditeur est responsable du contenu du site et des données qu'il traite. Pour le joindre :{" "}
        <ContactAddress />.
      </p>
      <h2>Hébergement</h2>
      <p>
        {host} Les e-mails de candidature sont acheminés par le prestataire d'envoi choisi par l'exploitant
        (Postmark, société ActiveCampaign, LLC, lorsqu'il est configuré).
      </p>
      <h2>Données affichées</h2>
      <p>Les informations présentées proviennent de sources publiques :</p>
      <ul>
        <li>
          les métiers et les codes ROME du Répertoire opérationnel des métiers et des emplois de France
          Travail (Licence Ouverte 2.0) ;
        </li>
        <li>
          les communes et les codes postaux de la base officielle de La Poste et du découpage administratif
          publié par Etalab (Licence Ouverte) ;
        </li>
        <li>les codes et libellés d'activité (NAF) de l'Insee ;</li>
        <li>
          les contours des départements de la carte, d'Admin Express de l'IGN, par france-geojson (Licence
          Ouverte 2.0) ;
        </li>
        <li>
          les formations, les offres d'emploi et les entreprises susceptibles de recruter, lorsque
          l'exploitant a importé les données réelles. Tant qu'un bandeau « Données de démonstration » est
          affiché, ces informations sont fictives.
        </li>
      </ul>
      <h2>Propriété intellectuelle</h2>
      <p>
        Le code du site est publié sous licence MIT : vous pouvez le réutiliser librement, en conservant la
        mention de la licence. Les données réutilisées restent soumises à la licence de leur producteur.
      </p>
      <h2>Responsabilité</h2>
      <p>
        Les offres et les entreprises affichées sont données à titre indicatif : une entreprise signalée comme
        susceptible de recruter n'a pas forcément de poste ouvert. Les candidatures sont envoyées aux
        entreprises sans engagement de leur part.
      </p>
      <p>
        Voir aussi : <PageLink to={INFO_PAGES.privacy}>données personnelles</PageLink> et{" "}
        <PageLink to={INFO_PAGES.accessibility}>déclaration d'accessibilité</PageLink>.
      </p>
    </InfoPage>
  );
}

export function PrivacyPage() {
  const site = useSiteInfo();
  const { applicationRetentionDays, keepsSentMail } = site;
  return (
    <InfoPage title="Données personnelles">
      <p>
        Cette page explique quelles données personnelles le site enregistre, pourquoi, combien de temps, et
        comment exercer vos droits.
      </p>
      <h2>Quand vous cherchez</h2>
      <p>
        La recherche de formations et d'entreprises ne demande aucun compte. Le métier et le lieu recherchés
        sont placés dans l'adresse de la page, pour qu'elle puisse être partagée ; ils ne sont pas enregistrés
        avec votre identité. Votre navigateur garde en mémoire locale la date de vos candidatures, pour vous
        rappeler que vous avez déjà postulé ; ces informations restent sur votre appareil.
      </p>
      <h2>Quand vous postulez</h2>
      <p>Pour transmettre votre candidature à l'entreprise, nous enregistrons :</p>
      <ul>
        <li>vos nom, prénom, adresse e-mail et numéro de téléphone ;</li>
        <li>votre message à l'entreprise et le nom du fichier de votre CV ;</li>
        <li>
          l'entreprise destinataire (nom, SIRET, adresse, secteur, adresse e-mail), l'offre visée le cas
          échéant et la date d'envoi ;
        </li>
        <li>
          la réponse du recruteur, si elle est donnée depuis notre service, et sa date
          {keepsSentMail ? " ;" : "."}
        </li>
        {keepsSentMail && (
          <li>sur cette installation, les e-mails de la candidature eux-mêmes, CV compris.</li>
        )}
      </ul>
      <p>{applicationDataUses(site)}</p>
      <h2>Votre CV</h2>
      <p>{cvParagraph(site)}</p>
      <h2>Combien de temps</h2>
      <p>
        Chaque candidature est anonymisée {applicationRetentionDays} jours après son envoi. Un traitement
        automatique, chaque jour, efface alors vos nom, prénom, e-mail, téléphone, message, nom de fichier,
        ainsi que le nom, le SIRET, l'adresse et l'e-mail de l'entreprise, l'intitulé de l'offre, le
        commentaire du recruteur et les identifiants des e-mails. Ne restent, pour les statistiques du
        service, que la date de la candidature, le type d'entreprise, son code d'activité (NAF), le site
        partenaire par lequel elle a été envoyée, la réponse du recruteur (entretien, hésitation ou refus) et
        sa date, et les motifs de refus qu'il a cochés, sans rien qui permette de vous identifier.
      </p>
      <h2>Entreprises</h2>
      <p>
        Une entreprise qui ne souhaite plus recevoir de candidatures spontanées peut le demander en un clic
        depuis le lien présent dans chaque candidature reçue. Nous conservons alors son numéro SIRET et la
        date de sa demande, aussi longtemps qu'elle ne l'annule pas.
      </p>
      <h2>Vos droits</h2>
      <p>
        Vous pouvez accéder à vos données, les faire rectifier ou effacer, vous opposer à leur traitement ou
        en demander la limitation (articles 15 à 21 du règlement général sur la protection des données).
        Écrivez à <ContactAddress /> en indiquant l'adresse e-mail utilisée pour postuler ; nous répondons
        dans un délai d'un mois. Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser
        une réclamation à la Commission nationale de l'informatique et des libertés (CNIL), 3 place de
        Fontenoy, 75007 Paris, ou sur cnil.fr.
      </p>
      <h2>Cookies</h2>
      <p>Le site ne dépose aucun cookie de mesure d'audience ni de publicité.</p>
    </InfoPage>
  );
}

export function AccessibilityPage() {
  return (
    <InfoPage title="Déclaration d'accessibilité">
      <p>
        L'exploitant de La bonne alternance s'engage à rendre son site accessible, conformément à l'article 47
        de la loi n° 2005-102 du 11 février 2005. Cette déclaration s'applique à ce site.
      </p>
      <h2>État de conformité</h2>
      <p>
        Le site est <strong>partiellement conforme</strong> avec le référentiel général d'amélioration de
        l'accessibilité (RGAA), version 4.1 : aucun audit complet du RGAA n'a encore été réalisé.
      </p>
      <h2>Résultats des tests</h2>
      <p>
        Le {ACCESSIBILITY_AUDIT_DATE}, les tests automatiques du projet ont parcouru dans Chromium la page
        d'accueil, la recherche, les résultats en liste et sur carte, les fiches, le formulaire de
        candidature, la page de réponse du recruteur, les widgets et chacune des pages d'information. L'outil
        axe-core n'y a relevé aucune erreur grave ou critique. Les tests vérifient aussi que tout le parcours
        se fait au clavier seul, avec un focus visible.
      </p>
      <p>
        Ces tests automatiques ne couvrent qu'une partie des critères du RGAA : la pertinence des alternatives
        textuelles, la lisibilité des contenus ou l'usage avec un lecteur d'écran demandent un contrôle
        humain, qui reste à faire.
      </p>
      <h2>Contenus non accessibles</h2>
      <ul>
        <li>
          La carte des résultats est difficile à utiliser sans la souris ; la liste présente les mêmes
          résultats et reste l'accès recommandé.
        </li>
        <li>Les documents déposés par les entreprises ou les centres de formation ne sont pas contrôlés.</li>
      </ul>
      <h2>Retour d'information et contact</h2>
      <p>
        Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez à <ContactAddress /> pour être
        orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.
      </p>
      <h2>Voies de recours</h2>
      <p>
        Si vous nous avez signalé un défaut d'accessibilité sans obtenir de réponse satisfaisante, vous pouvez
        écrire au Défenseur des droits, utiliser le formulaire de contact de son site (defenseurdesdroits.fr),
        contacter son délégué dans votre région, ou lui écrire par courrier, gratuitement et sans timbre :
        Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.
      </p>
    </InfoPage>
  );
}

export function ContactPage() {
  return (
    <InfoPage title="Contact">
      <h2>Vous êtes candidat</h2>
      <p>
        Pour une question sur une candidature, écrivez directement à l'entreprise : son adresse figure dans la
        réponse qu'elle vous envoie. Si elle n'a pas répondu, la confirmation de votre candidature contient un
        lien pour la relancer une fois, poliment, de notre part.
      </p>
      <h2>Vous êtes recruteur</h2>
      <p>
        Chaque candidature reçue contient des boutons pour répondre au candidat, et un lien pour ne plus
        recevoir de candidatures spontanées. Ces choix se font en un clic, sans compte.
      </p>
      <h2>Vous êtes partenaire</h2>
      <p>
        Les sites partenaires peuvent intégrer nos widgets ou appeler notre API : la{" "}
        <a href="/api-docs">documentation de l'API</a> décrit chaque route.
      </p>
      <h2>Pour tout le reste</h2>
      <p>
        Données personnelles, accessibilité, erreur dans une information affichée : écrivez à{" "}
        <ContactAddress />. Consultez aussi la <PageLink to={INFO_PAGES.faq}>foire aux questions</PageLink>.
      </p>
    </InfoPage>
  );
}

function Question({ q, children }: { q: string; children: ReactNode }) {
  return (
    <>
      <h3>{q}</h3>
      <p>{children}</p>
    </>
  );
}

export function FaqPage() {
  const site = useSiteInfo();
  const { applicationRetentionDays, keepsSentMail } = site;
  return (
    <InfoPage title="Questions fréquentes">
      <h2>Candidats</h2>
      <Question q="Qu'est-ce qu'une candidature spontanée ?">
        Certaines entreprises n'ont pas publié d'offre mais recrutent régulièrement des alternants dans votre
        métier, d'après leurs embauches passées. Vous pouvez leur envoyer votre CV et un message : elles les
        reçoivent par e-mail.
      </Question>
      <Question q="Que devient mon CV ?">
        {keepsSentMail
          ? `Sur cette installation, les e-mails ne partent pas : ils sont gardés dans sa base, CV compris, puis effacés ${applicationRetentionDays} jours après la candidature. `
          : "Il est joint à l'e-mail envoyé à l'entreprise et n'est pas conservé dans notre base. "}
        Les détails sont sur la page <PageLink to={INFO_PAGES.privacy}>données personnelles</PageLink>.
      </Question>
      <Question q="L'entreprise ne m'a pas répondu, que faire ?">{noReplyAnswer(site)}</Question>
      <Question q="Comment préparer un entretien ?">
        Lisez nos <PageLink to={INFO_PAGES.interviewAdvice}>conseils pour l'entretien</PageLink>.
      </Question>
      <Question q="Combien de candidatures puis-je envoyer ?">{dailyLimitAnswer(site)}</Question>
      <h2>Recruteurs</h2>
      <Question q="Pourquoi ai-je reçu une candidature spontanée ?">
        Votre entreprise figure parmi celles qui, d'après leurs embauches passées, sont susceptibles de
        recruter des alternants. Cette liste est calculée à partir de données publiques sur les entreprises
        (SIRET, activité, embauches) ; vos coordonnées viennent de ces mêmes données.
      </Question>
      <Question q="Comment répondre au candidat ?">
        Cliquez sur l'un des trois boutons de l'e-mail : proposer un entretien, indiquer que vous hésitez, ou
        refuser en donnant un motif. Le candidat reçoit votre réponse par e-mail. La première réponse envoyée
        est définitive.
      </Question>
      <Question q="Je ne souhaite plus recevoir de candidatures spontanées.">
        Cliquez sur le lien « Ne plus recevoir de candidatures spontanées » en bas de l'e-mail : c'est
        immédiat, et vous pouvez annuler ce choix depuis la même page. Votre entreprise reste visible dans les
        résultats, sans bouton pour postuler.
      </Question>
      <Question q="Que deviennent les données des candidats ?">
        {`Elles sont anonymisées ${applicationRetentionDays} jours après la candidature. ${keepsSentMail ? "Sur cette installation, les e-mails envoyés, CV compris, sont gardés dans sa base jusque-là." : "Le CV n'est jamais conservé par notre service."}`}
      </Question>
      <h2>Partenaires</h2>
      <Question q="Comment afficher La bonne alternance sur mon site ?">
        Ajoutez un de nos widgets avec une seule balise, ou appelez l'API V1 ; la{" "}
        <a href="/api-docs">documentation de l'API</a> donne les paramètres et les réponses.
      </Question>
      <Question q="Qu'est-ce que le paramètre caller ?">
        Il identifie votre site dans nos statistiques et il est obligatoire sur l'API. Indiquez-y une adresse
        de contact et le nom de votre service.
      </Question>
      <Question q="Les candidatures envoyées depuis mon site sont-elles différentes ?">
        Non : elles suivent les mêmes règles et les mêmes limites, et les réponses des recruteurs parviennent
        aux candidats de la même façon.
      </Question>
    </InfoPage>
  );
}

export function InterviewAdvicePage() {
  return (
    <InfoPage title="Préparer votre entretien d'embauche en alternance">
      <p>
        Un recruteur vous propose un entretien : bravo, votre candidature a retenu son attention. Voici
        comment vous y préparer.
      </p>
      <h2>Avant l'entretien</h2>
      <ul>
        <li>
          <strong>Répondez vite</strong> au recruteur pour confirmer la date, l'heure et le lieu, et notez le
          nom de la personne qui vous recevra.
        </li>
        <li>
          <strong>Renseignez-vous sur l'entreprise</strong> : son activité, ses produits ou services, sa
          taille, ses clients. Consultez son site et, si possible, passez devant ses locaux.
        </li>
        <li>
          <strong>Relisez l'offre ou votre candidature</strong> : vous devez pouvoir expliquer pourquoi ce
          métier et cette entreprise vous intéressent.
        </li>
        <li>
          <strong>Connaissez votre formation</strong> : le diplôme préparé, le centre de formation, le rythme
          de l'alternance (par exemple deux semaines en entreprise, une semaine en formation) et les dates de
          rentrée. Le recruteur vous posera presque toujours la question.
        </li>
        <li>
          <strong>Préparez des exemples</strong> tirés de vos stages, jobs d'été, activités sportives,
          associatives ou de vos projets, qui montrent votre sérieux, votre curiosité et votre capacité à
          apprendre.
        </li>
        <li>
          <strong>Préparez deux ou trois questions</strong> à poser : les missions confiées, qui sera votre
          tuteur, comment se passe l'accueil des alternants.
        </li>
      </ul>
      <h2>Les questions fréquentes</h2>
      <ul>
        <li>
          « Présentez-vous » : en deux minutes, votre parcours, ce que vous aimez faire et votre projet.
        </li>
        <li>« Pourquoi l'alternance ? » : apprendre un métier en pratiquant, gagner en autonomie.</li>
        <li>« Pourquoi notre entreprise ? » : montrez ce que vous avez appris sur elle.</li>
        <li>
          « Quelles sont vos qualités et vos défauts ? » : une qualité illustrée d'un exemple, un défaut sur
          lequel vous travaillez.
        </li>
        <li>
          « Comment vous organiserez-vous entre l'école et l'entreprise ? » : transport, horaires, rythme.
        </li>
      </ul>
      <h2>Le jour J</h2>
      <ul>
        <li>
          Arrivez cinq à dix minutes en avance ; prévoyez le trajet la veille. En cas de retard, prévenez le
          recruteur par téléphone.
        </li>
        <li>Adoptez une tenue propre et adaptée au métier : dans le doute, restez simple et soigné.</li>
        <li>
          Apportez votre CV imprimé, de quoi noter et, si vous en avez, des exemples de vos réalisations.
        </li>
        <li>
          Saluez votre interlocuteur, écoutez les questions jusqu'au bout, répondez franchement : il est
          permis de dire que vous ne savez pas encore, et que vous êtes là pour apprendre.
        </li>
        <li>Éteignez votre téléphone.</li>
      </ul>
      <h2>Après l'entretien</h2>
      <ul>
        <li>Remerciez le recruteur par un court e-mail le jour même ou le lendemain.</li>
        <li>
          Sans nouvelles au bout d'une semaine, relancez-le poliment par téléphone ou par e-mail pour
          connaître sa décision.
        </li>
        <li>
          Si la réponse est négative, demandez ce que vous pourriez améliorer, et continuez vos recherches :
          chaque entretien vous rend plus à l'aise pour le suivant.
        </li>
      </ul>
      <p>
        Une fois l'entreprise trouvée, le contrat d'apprentissage est signé par vous, l'employeur et, si vous
        êtes mineur, votre représentant légal ; votre centre de formation vous accompagne dans les démarches.
      </p>
    </InfoPage>
  );
}

/** Every path the SPA answers without a page of its own (the server answers it with 404). */
export function NotFoundPage() {
  useEffect(() => {
    document.title = "Page introuvable : La bonne alternance";
  }, []);
  return (
    <Layout layout="site">
      <div className="container page">
        <h1>Page introuvable</h1>
        <p>
          Cette page n'existe pas ou n'existe plus.{" "}
          <a href="/" onClick={onLinkClick}>
            Revenir à l'accueil
          </a>
        </p>
      </div>
    </Layout>
  );
}
