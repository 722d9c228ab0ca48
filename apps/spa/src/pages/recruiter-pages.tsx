import { INFO_PAGES } from "@lba/core/schemas";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { api } from "../api/client";
import type { Intention, UnsubscribeState } from "../api/types";
import { Layout } from "../components/layout";
import { formatDate } from "../lib/format";
import { onLinkClick } from "../lib/router";
import {
  followUpErrorMessage,
  RECORDED_REPLY,
  unreachableMessage,
  unsubscribeErrorMessage,
  viewErrorMessage,
} from "./intention-messages";

/** What the confirmation e-mail advises before a follow-up ("Pas de réponse d'ici une semaine ?"). */
const FOLLOW_UP_ADVISED_DAYS = 7;

// docs/reference/v1.md#s9-8: the pages of the links in application e-mails, for the recruiter (view of the
// application, unsubscription) and for the candidate (follow-up). Each carries a signed `?token=`.

const REPLY_LABELS: Record<Intention, string> = {
  entretien: "Je propose un entretien",
  ne_sais_pas: "Je ne sais pas encore",
  refus: "Je refuse la candidature",
};

/** A link of an e-mail, made relative: the site may be reached under another host name than PUBLIC_URL. */
function sitePath(url: string): string {
  try {
    const parsed = new URL(url, window.location.origin);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}

function MailPage({ title, children }: { title: string; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} : La bonne alternance`;
  }, [title]);
  return (
    <Layout layout="site">
      <div className="container container--narrow page">
        <h1>{title}</h1>
        {children}
      </div>
    </Layout>
  );
}

function MissingToken({ what }: { what: string }) {
  return (
    <p className="alert alert--error" role="alert">
      {`Ce lien est incomplet. Utilisez le lien reçu dans ${what}.`}
    </p>
  );
}

/** The application as the recruiter received it, with its reply buttons: no application form here. */
export function RecruiterViewPage({ search }: { search: URLSearchParams }) {
  const token = search.get("token")?.trim() ?? "";
  const view = useQuery({
    queryKey: ["application.recruiterView", token],
    queryFn: ({ signal }) => api.recruiterView(token, { signal }),
    enabled: token !== "",
    retry: false,
  });
  if (token === "")
    return (
      <MailPage title="Candidature reçue">
        <MissingToken what="l'e-mail de candidature" />
      </MailPage>
    );
  if (view.isPending)
    return (
      <MailPage title="Candidature reçue">
        <p className="loading" role="status">
          Chargement de la candidature…
        </p>
      </MailPage>
    );
  if (view.isError)
    return (
      <MailPage title="Candidature reçue">
        <p className="alert alert--error" role="alert">
          {viewErrorMessage(view.error)}
        </p>
      </MailPage>
    );
  const v = view.data;
  const name = [v.applicantFirstName, v.applicantLastName].filter(Boolean).join(" ") || "Le candidat";
  const offer = v.companyType === "matcha";
  return (
    <MailPage title={`Candidature de ${name}`}>
      <div className="card stack">
        <p>
          {offer
            ? `Candidature à votre offre${v.jobTitle ? ` « ${v.jobTitle} »` : ""}`
            : `Candidature spontanée${v.jobTitle ? ` pour le métier « ${v.jobTitle} »` : ""}`}
          {v.companyName ? ` chez ${v.companyName}` : ""}, reçue le {formatDate(v.sentAt)}.
        </p>
        <dl className="detail__facts">
          <dt>E-mail</dt>
          <dd>{v.applicantEmail ? <a href={`mailto:${v.applicantEmail}`}>{v.applicantEmail}</a> : "—"}</dd>
          <dt>Téléphone</dt>
          <dd>{v.applicantPhone ? <a href={`tel:${v.applicantPhone}`}>{v.applicantPhone}</a> : "—"}</dd>
          <dt>CV</dt>
          <dd>{v.fileName ? `${v.fileName}, joint à l'e-mail de candidature` : "joint à l'e-mail"}</dd>
        </dl>
        {v.message && (
          <section>
            <h2>Message du candidat</h2>
            <p className="pre-line">{v.message}</p>
          </section>
        )}
      </div>
      <section className="detail__section" aria-labelledby="reply-title">
        <h2 id="reply-title">Votre réponse</h2>
        {v.recorded ? (
          <p className="alert alert--info" role="status">
            {`Le ${formatDate(v.recorded.date) ?? ""}, ${RECORDED_REPLY[v.recorded.intention]} : votre réponse a été transmise au candidat.`}
          </p>
        ) : (
          <>
            <p>Le candidat reçoit votre réponse par e-mail ; la première réponse envoyée est définitive.</p>
            <ul className="reply-links">
              {(Object.keys(REPLY_LABELS) as Intention[]).map((intention) => (
                <li key={intention}>
                  <a
                    className={intention === "entretien" ? "btn btn--primary" : "btn btn--secondary"}
                    href={sitePath(v.replyUrls[intention])}
                    onClick={onLinkClick}
                  >
                    {REPLY_LABELS[intention]}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {v.unsubscribeUrl && (
        <p className="hint">
          Votre entreprise a été repérée comme susceptible de recruter des alternants, d'après ses embauches
          passées.{" "}
          <a href={sitePath(v.unsubscribeUrl)} onClick={onLinkClick}>
            Ne plus recevoir de candidatures spontanées
          </a>
        </p>
      )}
    </MailPage>
  );
}

/**
 * One click in the e-mail unsubscribes (the page records it when it opens, a scanner that only fetches the link
 * changes nothing); the page confirms and offers the undo.
 */
export function UnsubscribePage({ search }: { search: URLSearchParams }) {
  const token = search.get("token")?.trim() ?? "";
  const [state, setState] = useState<UnsubscribeState | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const unsubscribe = useMutation({ mutationFn: api.unsubscribe, onSuccess: setState });
  const resubscribe = useMutation({ mutationFn: api.resubscribe, onSuccess: setState });
  const { mutate } = unsubscribe;
  useEffect(() => {
    if (token !== "") mutate(token);
  }, [token, mutate]);
  useEffect(() => {
    if (resubscribe.isSuccess || unsubscribe.isSuccess) statusRef.current?.focus();
  }, [resubscribe.isSuccess, unsubscribe.isSuccess, state]);

  const title = "Candidatures spontanées";
  if (token === "")
    return (
      <MailPage title={title}>
        <MissingToken what="l'e-mail de candidature" />
      </MailPage>
    );
  const failed = unsubscribe.error ?? resubscribe.error;
  if (!state)
    return (
      <MailPage title={title}>
        {failed ? (
          <p className="alert alert--error" role="alert">
            {unsubscribeErrorMessage(failed)}
          </p>
        ) : (
          <p className="loading" role="status">
            Enregistrement de votre choix…
          </p>
        )}
      </MailPage>
    );
  const company = state.companyName ? `${state.companyName} (SIRET ${state.siret})` : `SIRET ${state.siret}`;
  const busy = unsubscribe.isPending || resubscribe.isPending;
  return (
    <MailPage title={title}>
      <div ref={statusRef} tabIndex={-1} className="stack">
        {state.unsubscribedAt ? (
          <>
            <p className="alert alert--success" role="status">
              {`C'est noté : votre entreprise, ${company}, ne recevra plus de candidatures spontanées de La bonne alternance, depuis le ${formatDate(state.unsubscribedAt) ?? ""}.`}
            </p>
            <p>
              Elle reste visible dans nos résultats de recherche, avec la mention qu'elle ne reçoit pas de
              candidatures spontanées. Les candidatures à des offres que vous publiez sur La bonne alternance
              vous parviennent toujours.
            </p>
            <button
              type="button"
              className="btn btn--secondary"
              disabled={busy}
              onClick={() => resubscribe.mutate(token)}
            >
              Annuler : recevoir à nouveau des candidatures spontanées
            </button>
          </>
        ) : (
          <>
            <p className="alert alert--success" role="status">
              {`Votre entreprise, ${company}, peut de nouveau recevoir des candidatures spontanées.`}
            </p>
            <button
              type="button"
              className="btn btn--secondary"
              disabled={busy}
              onClick={() => unsubscribe.mutate(token)}
            >
              Ne plus recevoir de candidatures spontanées
            </button>
          </>
        )}
        {failed && (
          <p className="alert alert--error" role="alert">
            {unsubscribeErrorMessage(failed)}
          </p>
        )}
        <p>
          Une question ? Consultez la{" "}
          <a href={INFO_PAGES.faq} onClick={onLinkClick}>
            foire aux questions
          </a>{" "}
          ou la page{" "}
          <a href={INFO_PAGES.contact} onClick={onLinkClick}>
            Contact
          </a>
          .
        </p>
      </div>
    </MailPage>
  );
}

/** The candidate's one follow-up of a company that has not answered, confirmed with a button. */
export function FollowUpPage({ search }: { search: URLSearchParams }) {
  const token = search.get("token")?.trim() ?? "";
  const context = useQuery({
    queryKey: ["application.followUpContext", token],
    queryFn: ({ signal }) => api.followUpContext(token, { signal }),
    enabled: token !== "",
    retry: false,
  });
  const send = useMutation({ mutationFn: api.followUp });
  const statusRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (send.isSuccess) statusRef.current?.focus();
  }, [send.isSuccess]);

  const title = "Relancer l'entreprise";
  if (token === "")
    return (
      <MailPage title={title}>
        <MissingToken what="votre e-mail de confirmation" />
      </MailPage>
    );
  if (context.isPending)
    return (
      <MailPage title={title}>
        <p className="loading" role="status">
          Chargement de votre candidature…
        </p>
      </MailPage>
    );
  if (context.isError)
    return (
      <MailPage title={title}>
        <p className="alert alert--error" role="alert">
          {followUpErrorMessage(context.error)}
        </p>
      </MailPage>
    );
  const c = context.data;
  const company = c.companyName ?? "l'entreprise";
  // The confirmation e-mail suggests waiting a week; the one follow-up is still the candidate's to send earlier.
  const recent = Date.now() - Date.parse(c.sentAt) < FOLLOW_UP_ADVISED_DAYS * 24 * 3600 * 1000;
  return (
    <MailPage title={title}>
      {send.isSuccess ? (
        <p ref={statusRef} tabIndex={-1} className="alert alert--success" role="status">
          {`Votre relance a été envoyée à ${company}. Si elle répond depuis notre service, vous recevrez sa réponse par e-mail.`}
        </p>
      ) : c.replied ? (
        <p className="alert alert--info" role="status">
          {`${company} a déjà répondu à votre candidature : sa réponse vous a été envoyée par e-mail.`}
        </p>
      ) : c.followUpSentAt ? (
        <p className="alert alert--info" role="status">
          {`Vous avez relancé ${company} le ${formatDate(c.followUpSentAt) ?? ""}. Une seule relance est possible par candidature ; vous pouvez aussi l'appeler.`}
        </p>
      ) : c.unreachable ? (
        <p className="alert alert--info" role="status">
          {unreachableMessage(c.unreachable)}
        </p>
      ) : (
        <div className="card stack">
          <p>
            {`Vous avez envoyé votre candidature${c.jobTitle ? ` (${c.jobTitle})` : ""} à ${company} le ${formatDate(c.sentAt) ?? ""}, sans réponse pour le moment.`}
          </p>
          <p>
            Nous pouvons lui envoyer, de votre part, un message poli lui rappelant votre candidature et
            l'invitant à vous répondre en un clic. Vous ne pouvez relancer l'entreprise qu'une seule fois.
          </p>
          {recent && (
            <p className="alert alert--info">
              Votre candidature a moins d'une semaine : le recruteur n'a peut-être pas encore eu le temps de
              la lire. Comme la relance est unique, mieux vaut attendre quelques jours.
            </p>
          )}
          {send.isError && (
            <p className="alert alert--error" role="alert">
              {followUpErrorMessage(send.error)}
            </p>
          )}
          <button
            type="button"
            className="btn btn--primary"
            disabled={send.isPending}
            onClick={() => send.mutate(token)}
          >
            {send.isPending ? "Envoi en cours…" : "Envoyer la relance"}
          </button>
        </div>
      )}
    </MailPage>
  );
}
