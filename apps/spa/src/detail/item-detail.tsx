import type { Item } from "@lba/core/schemas";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { api } from "../api/client";
import { firstWebLink, looksLikeEmail } from "../lib/contact-check";
import { levelLabel } from "../lib/diploma-levels";
import { formatCompanySize, formatDate, formatDistance } from "../lib/format";
import { contactAdvice } from "./contact-advice";
import { ItineraryLink, phoneLink, placeText, Row } from "./facts";
import { canApply } from "../lib/item-identity";
import { TYPE_TAGS } from "../results/item-card";
import { ApplyForm } from "./apply-form";

interface Nav {
  label: string;
  href: string;
  onClick: (event: React.MouseEvent<HTMLAnchorElement>) => void;
}

interface ItemDetailProps {
  item: Item;
  caller: string | null;
  back: Nav;
  previous: Nav | null;
  next: Nav | null;
  position: string | null;
  /** The item comes from a search with a point: its distance is from that point. */
  fromSearchPoint: boolean;
  nearbyAction?: { label: string; run: () => void } | null;
}

const contractType = (job: Item["job"]) =>
  Array.isArray(job?.contractType) ? job.contractType.join(", ") : (job?.contractType ?? null);

function Mail({ address }: { address: string | null | undefined }) {
  // Only a real address becomes a mailto link: sealed company tokens never reach this (docs/reference/v1.md#s5).
  return address && looksLikeEmail(address) ? <a href={`mailto:${address}`}>{address}</a> : null;
}

function NavLink({ nav, className }: { nav: Nav; className: string }) {
  return (
    <a href={nav.href} onClick={nav.onClick} className={className}>
      {nav.label}
    </a>
  );
}

/** The "fiche" of one result (docs/reference/v1.md#s11-5), with previous/next through the current list. */
export function ItemDetail({
  item,
  caller,
  back,
  previous,
  next,
  position,
  fromSearchPoint,
  nearbyAction,
}: ItemDetailProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [item]);
  const { place, company, job } = item;
  // Only trainings carry a plain address; every other type's contact.email is a sealed token.
  const plainEmail = item.ideaType === "formation" ? item.contact?.email : null;
  const howToApply = item.ideaType === "peJob" ? (item.contact?.info ?? null) : null;
  // The offer's apply link: the one France Travail gives, else the first web address of its coordinates.
  const applyLink = item.ideaType === "peJob" ? (item.contact?.url ?? firstWebLink(howToApply)) : null;
  const isTraining = item.ideaType === "formation";
  const contacts = useQuery({
    queryKey: ["formations.contacts", item.id],
    queryFn: ({ signal }) => api.trainingContacts(item.id ?? "", { signal }),
    enabled: isTraining && Boolean(item.id),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const formateur = contacts.data?.formateur;
  const gestionnaire = contacts.data?.gestionnaire;
  const sameEstablishment = Boolean(
    formateur?.name && gestionnaire?.name && formateur.name === gestionnaire.name,
  );
  const hasAction = item.ideaType === "peJob" ? Boolean(item.url ?? applyLink) : canApply(item);

  return (
    <article className="detail" aria-labelledby="detail-title">
      <nav className="detail__nav" aria-label="Navigation entre les résultats">
        <NavLink nav={back} className="btn btn--tertiary btn--small" />
        <span className="detail__position">{position}</span>
        {previous && <NavLink nav={previous} className="btn btn--secondary btn--small" />}
        {next && <NavLink nav={next} className="btn btn--secondary btn--small" />}
      </nav>
      <p className="tag">{TYPE_TAGS[item.ideaType]}</p>
      <h2 id="detail-title" ref={headingRef} tabIndex={-1}>
        {item.title ?? company.name ?? "Sans titre"}
      </h2>
      {company.name && item.title !== company.name && <p className="detail__company">{company.name}</p>}

      <dl className="detail__facts">
        <Row term="Adresse">{placeText(place)}</Row>
        <Row term="Distance">{formatDistance(place.distance, fromSearchPoint)}</Row>
        {isTraining && (
          <>
            <Row term="Diplôme">{item.diploma}</Row>
            <Row term="Niveau">{item.diplomaLevel ? levelLabel(item.diplomaLevel) : null}</Row>
            <Row term="Titre RNCP">{item.rncpLabel}</Row>
            {/* The catalogue's words: the formateur gives the training, the gestionnaire manages it. */}
            <Row term={sameEstablishment ? "Organisme formateur et gestionnaire" : "Organisme formateur"}>
              {company.name}
            </Row>
            <Row term="E-mail de l'organisme formateur">
              <Mail address={formateur?.email ?? plainEmail} />
            </Row>
            {!sameEstablishment && (
              <>
                <Row term="Organisme gestionnaire">{company.headquarter?.name ?? null}</Row>
                <Row term="E-mail de l'organisme gestionnaire">
                  <Mail address={gestionnaire?.email} />
                </Row>
              </>
            )}
          </>
        )}
        {(item.ideaType === "peJob" || item.ideaType === "matcha") && (
          <>
            {/* France Travail's own wording ("Contrat à durée déterminée - 24 Mois") carries the length. */}
            <Row term="Contrat">{job?.contractDescription ?? contractType(job)}</Row>
            <Row term="Durée">{job?.dureeContrat ? `${job.dureeContrat} an(s)` : null}</Row>
            {/* France Travail's `duration` is the working time (dureeTravailLibelle: "35H Horaires normaux"). */}
            <Row term="Temps de travail">{job?.duration ?? null}</Row>
            <Row term="Début">{formatDate(job?.jobStartDate)}</Row>
            <Row term="Rythme">{job?.rythmeAlternance ?? null}</Row>
            <Row term="Publiée le">{formatDate(job?.creationDate)}</Row>
            <Row term="Niveau visé">{item.diplomaLevel ? levelLabel(item.diplomaLevel) : null}</Row>
          </>
        )}
        <Row term="Secteur">{item.nafs?.[0]?.label ?? null}</Row>
        <Row term="Taille">{formatCompanySize(company.size)}</Row>
        <Row term="Site web">
          {company.url && /^https?:\/\//.test(company.url) ? (
            <a href={company.url} target="_blank" rel="noopener noreferrer">
              {company.url.replace(/^https?:\/\//, "")}
            </a>
          ) : null}
        </Row>
        <Row term="Téléphone">{phoneLink(item.contact?.phone)}</Row>
      </dl>
      {howToApply && (
        <section className="detail__section">
          <h3>Comment postuler</h3>
          <p className="pre-line">{howToApply}</p>
        </section>
      )}
      <ItineraryLink place={place} />
      {nearbyAction && (
        <p>
          <button type="button" className="btn btn--secondary" onClick={nearbyAction.run}>
            {nearbyAction.label}
          </button>
        </p>
      )}

      {job?.description && (
        <section className="detail__section">
          <h3>Description</h3>
          <p className="pre-line">{job.description}</p>
        </section>
      )}
      {company.description && (
        <section className="detail__section">
          <h3>L'entreprise</h3>
          <p className="pre-line">{company.description}</p>
        </section>
      )}
      {item.onisepUrl && (
        <p>
          <a href={item.onisepUrl} target="_blank" rel="noopener noreferrer">
            Découvrir ce métier et cette formation sur l'ONISEP{" "}
            <span className="sr-only">(nouvelle fenêtre)</span>
          </a>
        </p>
      )}

      {applyLink && (
        <p>
          <a className="btn btn--primary" href={applyLink} target="_blank" rel="noopener noreferrer">
            Je postule auprès du recruteur <span className="sr-only">(nouvelle fenêtre)</span>
          </a>
        </p>
      )}
      {item.ideaType === "peJob" && item.url && (
        <p>
          <a
            className={applyLink ? "btn btn--secondary" : "btn btn--primary"}
            href={item.url}
            target="_blank"
            rel="noopener noreferrer"
          >
            {applyLink ? "Voir l'offre sur France Travail" : "Je postule sur France Travail"}{" "}
            <span className="sr-only">(nouvelle fenêtre)</span>
          </a>
        </p>
      )}
      {canApply(item) && (
        <section className="detail__section">
          <ApplyForm key={item.company.siret ?? item.id ?? ""} item={item} caller={caller} />
        </section>
      )}
      {!hasAction && (
        <section className="detail__section alert alert--info">
          <h3>Allez-vous contacter cet établissement ?</h3>
          <p>{contactAdvice(item)}</p>
        </section>
      )}
    </article>
  );
}
