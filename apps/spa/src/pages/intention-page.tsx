import { useMutation, useQuery } from "@tanstack/react-query";
import { REFUSAL_REASON_KEYS, REFUSAL_REASONS, type RefusalReason } from "@lba/core/schemas";
import { useEffect, useId, useRef, useState } from "react";
import { api } from "../api/client";
import type { Intention, IntentionContext } from "../api/types";
import { Layout } from "../components/layout";
import { looksLikeEmail, normalizeFrenchPhone, PHONE_HINT, PHONE_REFUSED } from "../lib/contact-check";
import { formatDate } from "../lib/format";
import { linkErrorMessage, RECORDED_REPLY, sendErrorMessage } from "./intention-messages";

const TITLES: Record<Intention, string> = {
  entretien: "Vous souhaitez rencontrer ce candidat",
  ne_sais_pas: "Vous hésitez sur cette candidature",
  refus: "Vous ne retenez pas cette candidature",
};

type Field = "comment" | "email" | "phone";

const fullName = (context: IntentionContext) =>
  [context.applicantFirstName, context.applicantLastName].filter(Boolean).join(" ") || "le candidat";

/** docs/reference/v1.md#s9-5: the recruiter's answer to an application, reached from the e-mail's buttons (`?token=`). */
export function IntentionPage({ search }: { search: URLSearchParams }) {
  const token = search.get("token")?.trim() ?? "";
  const context = useQuery({
    queryKey: ["application.intentionContext", token],
    queryFn: ({ signal }) => api.intentionContext(token, { signal }),
    enabled: token !== "",
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });

  useEffect(() => {
    document.title = "Répondre à une candidature : La bonne alternance";
  }, []);

  const recordedOther =
    context.data?.recorded && !context.data.alreadyRecorded ? context.data.recorded : null;
  const title = recordedOther
    ? "Vous avez déjà répondu à cette candidature"
    : context.data
      ? TITLES[context.data.intention]
      : "Répondre à une candidature";
  return (
    <Layout layout="site">
      <div className="container container--narrow page">
        <h1>{title}</h1>
        {token === "" ? (
          <p className="alert alert--error" role="alert">
            Ce lien de réponse est incomplet. Utilisez le bouton reçu dans l'e-mail de candidature.
          </p>
        ) : context.isPending ? (
          <p className="loading" role="status">
            Chargement de la candidature…
          </p>
        ) : context.isError ? (
          <p className="alert alert--error" role="alert">
            {linkErrorMessage(context.error)}
          </p>
        ) : (
          <IntentionForm token={token} context={context.data} />
        )}
      </div>
    </Layout>
  );
}

function IntentionForm({ token, context }: { token: string; context: IntentionContext }) {
  const id = useId();
  const [values, setValues] = useState({ comment: "", email: "", phone: "" });
  const [reasons, setReasons] = useState<RefusalReason[]>([]);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const send = useMutation({ mutationFn: api.intention });
  const needsContact = context.intention !== "refus";
  const applicant = fullName(context);

  useEffect(() => {
    if (send.isSuccess) statusRef.current?.focus();
  }, [send.isSuccess]);

  // The first reply wins: another link of the same e-mail shows it instead of offering a contradictory one.
  if (!send.isSuccess && context.recorded && !context.alreadyRecorded) {
    const date = formatDate(context.recorded.date);
    return (
      <p className="alert alert--info" role="status">
        {`Le${date ? ` ${date}` : ""}, ${RECORDED_REPLY[context.recorded.intention]} : votre réponse a été transmise à ${applicant}. Elle ne peut plus être changée ici ; vous pouvez écrire directement au candidat.`}
      </p>
    );
  }

  if (send.isSuccess || context.alreadyRecorded) {
    return (
      <p ref={statusRef} tabIndex={-1} className="alert alert--success" role="status">
        {send.isSuccess
          ? `Merci, votre réponse a été envoyée à ${applicant}.`
          : `Vous avez déjà envoyé cette réponse à ${applicant}.`}
      </p>
    );
  }

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    const phone = normalizeFrenchPhone(values.phone);
    // A refusal may give its reasons only (docs/reference/v1.md#s9-5).
    if (!values.comment.trim() && (needsContact || reasons.length === 0))
      found.comment = needsContact
        ? "Veuillez écrire un message au candidat."
        : "Cochez au moins un motif ou écrivez un message au candidat.";
    else if (values.comment.length > 5000)
      found.comment = "Votre message ne doit pas dépasser 5 000 caractères.";
    if (needsContact && !looksLikeEmail(values.email.trim()))
      found.email = "Veuillez indiquer une adresse e-mail valide, par exemple nom@entreprise.fr.";
    if (needsContact && !phone) found.phone = PHONE_REFUSED;
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus(),
      );
      return;
    }
    send.mutate({
      token,
      comment: values.comment.trim(),
      ...(needsContact && phone ? { email: values.email.trim(), phone } : {}),
      ...(!needsContact && reasons.length ? { refusal_reasons: reasons.join(",") } : {}),
    });
  };

  const describedBy = (name: Field, hint?: string) =>
    [hint, errors[name] && `${id}-${name}-error`].filter(Boolean).join(" ") || undefined;
  const fieldError = (name: Field) =>
    errors[name] ? (
      <p className="error-text" id={`${id}-${name}-error`}>
        {errors[name]}
      </p>
    ) : null;
  const onChange = (name: Field) => (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setValues((v) => ({ ...v, [name]: event.target.value }));

  return (
    <form ref={formRef} className="card stack" onSubmit={submit} noValidate aria-labelledby={`${id}-about`}>
      <p id={`${id}-about`}>
        Votre réponse à la candidature de <strong>{applicant}</strong>
        {context.companyType === "matcha"
          ? context.jobTitle
            ? ` pour l'offre « ${context.jobTitle} »`
            : " pour votre offre"
          : ` (candidature spontanée${context.jobTitle ? ` pour le métier « ${context.jobTitle} »` : ""})`}
        {context.companyName ? ` chez ${context.companyName}` : ""} lui sera transmise par e-mail.
        {needsContact && " Indiquez vos coordonnées pour que le candidat puisse vous recontacter."}
      </p>
      {needsContact ? (
        <p className="hint">Tous les champs marqués d'un astérisque (*) sont obligatoires.</p>
      ) : (
        <fieldset className="field">
          <legend>Motifs du refus, transmis au candidat pour l'aider dans sa recherche</legend>
          {REFUSAL_REASON_KEYS.map((key) => (
            <div className="checkbox" key={key}>
              <input
                type="checkbox"
                id={`${id}-reason-${key}`}
                checked={reasons.includes(key)}
                onChange={(event) =>
                  setReasons((list) =>
                    event.target.checked ? [...list, key] : list.filter((k) => k !== key),
                  )
                }
              />
              <label htmlFor={`${id}-reason-${key}`}>{REFUSAL_REASONS[key]}</label>
            </div>
          ))}
        </fieldset>
      )}
      <div className={`field${errors.comment ? " field--error" : ""}`}>
        <label htmlFor={`${id}-comment`}>
          {needsContact ? (
            <>
              Votre message au candidat <span aria-hidden="true">*</span>
            </>
          ) : (
            "Votre message au candidat (facultatif si vous cochez un motif)"
          )}
        </label>
        <textarea
          id={`${id}-comment`}
          rows={6}
          maxLength={5000}
          value={values.comment}
          onChange={onChange("comment")}
          aria-invalid={errors.comment ? true : undefined}
          aria-describedby={describedBy("comment")}
          required={needsContact}
        />
        {fieldError("comment")}
      </div>
      {needsContact && (
        <div className="grid-2">
          <div className={`field${errors.email ? " field--error" : ""}`}>
            <label htmlFor={`${id}-email`}>
              Votre e-mail <span aria-hidden="true">*</span>
            </label>
            <input
              id={`${id}-email`}
              type="email"
              autoComplete="email"
              value={values.email}
              onChange={onChange("email")}
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={describedBy("email")}
              required
            />
            {fieldError("email")}
          </div>
          <div className={`field${errors.phone ? " field--error" : ""}`}>
            <label htmlFor={`${id}-phone`}>
              Votre téléphone <span aria-hidden="true">*</span>
              <span className="hint" id={`${id}-phone-hint`}>
                {PHONE_HINT}
              </span>
            </label>
            <input
              id={`${id}-phone`}
              type="tel"
              autoComplete="tel"
              value={values.phone}
              onChange={onChange("phone")}
              aria-invalid={errors.phone ? true : undefined}
              aria-describedby={describedBy("phone", `${id}-phone-hint`)}
              required
            />
            {fieldError("phone")}
          </div>
        </div>
      )}
      {send.isError && (
        <p className="alert alert--error" role="alert">
          {sendErrorMessage(send.error)}
        </p>
      )}
      <button className="btn btn--primary" type="submit" disabled={send.isPending}>
        {send.isPending ? "Envoi en cours…" : "Envoyer ma réponse"}
      </button>
    </form>
  );
}
