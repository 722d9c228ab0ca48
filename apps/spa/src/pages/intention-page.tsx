import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { api } from "../api/client";
import type { Intention } from "../api/types";
import { Layout } from "../components/layout";

const TITLES: Record<Intention, string> = {
  entretien: "Vous souhaitez rencontrer ce candidat",
  ne_sais_pas: "Vous hésitez sur cette candidature",
  refus: "Vous ne retenez pas cette candidature",
};

/** §9.5: the recruiter's answer to an application, reached from the e-mail's buttons. */
export function IntentionPage({ search }: { search: URLSearchParams }) {
  const id = useId();
  const rawIntention = search.get("intention");
  const intention: Intention =
    rawIntention === "refus" || rawIntention === "ne_sais_pas" ? rawIntention : "entretien";
  const applicant = [search.get("fn"), search.get("ln")].filter(Boolean).join(" ");
  const token = search.get("token") ?? undefined;
  const hasLink = Boolean(token || (search.get("id") && search.get("iv")));
  const [comment, setComment] = useState("");
  const [email, setEmail] = useState("");
  const [phone, setPhone] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const send = useMutation({ mutationFn: api.intention });
  const needsContact = intention !== "refus";

  useEffect(() => {
    document.title = "Répondre à une candidature : La bonne alternance";
  }, []);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!comment.trim()) found.comment = "Veuillez écrire un message au candidat.";
    if (needsContact && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()))
      found.email = "Veuillez indiquer une adresse e-mail valide.";
    if (needsContact && !/^[0-9]{10}$/.test(phone.replace(/\s/g, "")))
      found.phone = "Veuillez indiquer un numéro de téléphone à 10 chiffres.";
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    send.mutate({
      token,
      id: search.get("id") ?? undefined,
      iv: search.get("iv") ?? undefined,
      intention,
      comment: comment.trim(),
      ...(needsContact ? { email: email.trim(), phone: phone.replace(/\s/g, "") } : {}),
    });
  };

  const fieldProps = (name: string) => ({
    id: `${id}-${name}`,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${id}-${name}-error` : undefined,
  });
  const fieldError = (name: string) =>
    errors[name] ? (
      <p className="error-text" id={`${id}-${name}-error`}>
        {errors[name]}
      </p>
    ) : null;

  return (
    <Layout layout="site">
      <div className="container container--narrow page">
        <h1>{TITLES[intention]}</h1>
        {!hasLink ? (
          <p className="alert alert--error" role="alert">
            Ce lien de réponse est incomplet. Utilisez le bouton reçu dans l'e-mail de candidature.
          </p>
        ) : send.isSuccess ? (
          <p className="alert alert--success" role="status">
            Merci, votre réponse a été envoyée{applicant ? ` à ${applicant}` : " au candidat"}.
          </p>
        ) : (
          <form className="card stack" onSubmit={submit} noValidate>
            <p>
              Votre message sera transmis par e-mail {applicant ? `à ${applicant}` : "au candidat"}.
              {needsContact && " Indiquez vos coordonnées pour qu'il puisse vous recontacter."}
            </p>
            <div className={`field${errors.comment ? " field--error" : ""}`}>
              <label htmlFor={`${id}-comment`}>
                Votre message <span aria-hidden="true">*</span>
              </label>
              <textarea {...fieldProps("comment")} rows={6} value={comment} onChange={(e) => setComment(e.target.value)} required />
              {fieldError("comment")}
            </div>
            {needsContact && (
              <>
                <div className={`field${errors.email ? " field--error" : ""}`}>
                  <label htmlFor={`${id}-email`}>
                    Votre e-mail <span aria-hidden="true">*</span>
                  </label>
                  <input {...fieldProps("email")} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
                  {fieldError("email")}
                </div>
                <div className={`field${errors.phone ? " field--error" : ""}`}>
                  <label htmlFor={`${id}-phone`}>
                    Votre téléphone <span aria-hidden="true">*</span>
                  </label>
                  <input {...fieldProps("phone")} type="tel" autoComplete="tel" inputMode="numeric" value={phone} onChange={(e) => setPhone(e.target.value)} required />
                  {fieldError("phone")}
                </div>
              </>
            )}
            {send.isError && (
              <p className="alert alert--error" role="alert">
                Votre réponse n'a pas pu être envoyée. Le lien a peut-être expiré ; veuillez réessayer plus tard.
              </p>
            )}
            <button className="btn btn--primary" type="submit" disabled={send.isPending}>
              {send.isPending ? "Envoi en cours…" : "Envoyer ma réponse"}
            </button>
          </form>
        )}
      </div>
    </Layout>
  );
}
