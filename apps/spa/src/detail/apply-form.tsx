import { APPLICATION_FIELD_MAX, INFO_PAGES, type Item } from "@lba/core/schemas";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { api } from "../api/client";
import type { ApplicationInput } from "../api/types";
import { aupresDe, withDe } from "@lba/core/referentials";
import { looksLikeEmail, normalizeFrenchPhone, PHONE_HINT, PHONE_REFUSED } from "../lib/contact-check";
import { formatDate } from "../lib/format";
import { itemKey } from "../lib/item-identity";
import { useSiteInfo } from "../lib/site-info";
import { appliedOn, rememberApplication } from "./already-applied";
import { applyAlertMessage, applyFieldErrors, type ApplyField } from "./apply-errors";
import { checkCv, CV_PROBLEM_MESSAGES, readAsDataUrl } from "./cv-check";
import { submissionKeys } from "./submission-key";

interface Cv {
  name: string;
  dataUrl: string;
}

type Fields = ApplyField;

/** A spontaneous application names the métier searched, for the company's e-mail (docs/reference/v1.md#s9-8). */
function searchedMetier(): { job_title?: string } {
  const metier = new URLSearchParams(window.location.search).get("job_name")?.trim();
  return metier ? { job_title: metier.slice(0, APPLICATION_FIELD_MAX.job_title) } : {};
}

export function applyTitle(item: Item): string {
  const company = item.company.name ?? "";
  return item.ideaType === "matcha"
    ? `Postuler à l'offre ${item.title ?? ""} ${withDe(company)}`
    : `Candidature spontanée ${aupresDe(company)}`;
}

/** docs/reference/v1.md#s9 / docs/reference/v1.md#s10-2: the application form, inline; the company e-mail travels as its sealed token only. */
export function ApplyForm({
  item,
  caller,
  titleTag: Title = "h3",
}: {
  item: Item;
  caller: string | null;
  /** The apply widget's page has no other title. */
  titleTag?: "h1" | "h3";
}) {
  const id = useId();
  const { keepsSentMail, applicationRetentionDays } = useSiteInfo();
  const key = itemKey(item);
  // An offer a CFA published for the company (mandataire): the application goes to the CFA.
  const mandated = item.ideaType === "matcha" && Boolean(item.company.mandataire);
  const [already, setAlready] = useState(() => appliedOn(key));
  const [values, setValues] = useState({ firstName: "", lastName: "", email: "", phone: "", message: "" });
  const [cv, setCv] = useState<Cv | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Fields, string>>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const [focusRefused, setFocusRefused] = useState(0);
  const [keyFor] = useState(() => submissionKeys());
  const send = useMutation({
    // The widgets watch this key to tell the host page an application was sent.
    mutationKey: ["application.send"],
    mutationFn: api.apply,
    onSuccess: () => {
      rememberApplication(key);
      setAlready(appliedOn(key));
    },
    // The server's refusals that name a field are shown on that field, and the focus goes there.
    onError: (error) => {
      const onFields = applyFieldErrors(error);
      if (Object.keys(onFields).length === 0) return;
      setErrors((e) => ({ ...e, ...onFields }));
      setFocusRefused((n) => n + 1);
    },
  });
  // A refusal is about what was sent: once the candidate changes anything, it no longer describes the form.
  const edited = () => {
    if (send.isError) send.reset();
  };
  // Sent: the form is gone with the focused button; the focus goes to the confirmation instead of the page.
  const sentRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (send.isSuccess) sentRef.current?.focus();
  }, [send.isSuccess]);
  // Once the answer is rendered, the focus goes to the refused field (the disabled button dropped it meanwhile).
  useEffect(() => {
    if (focusRefused > 0 && !send.isPending)
      formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [focusRefused, send.isPending]);

  if (send.isSuccess) {
    return (
      <div ref={sentRef} tabIndex={-1} className="alert alert--success" role="status">
        <p>
          <strong>
            {mandated
              ? `Votre candidature${item.company.name ? ` pour ${item.company.name}` : ""} a bien été envoyée au CFA qui gère cette offre.`
              : `Votre candidature a bien été envoyée à ${item.company.name ?? "l'entreprise"}.`}
          </strong>
        </p>
        <p>
          {keepsSentMail
            ? "Sur cette installation, les e-mails ne partent pas : ils sont gardés dans sa base, confirmation comprise."
            : "Un e-mail de confirmation vous a été envoyé."}
        </p>
      </div>
    );
  }

  const onFile = async (event: React.ChangeEvent<HTMLInputElement>) => {
    edited();
    const file = event.target.files?.[0];
    setCv(null);
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const problem = checkCv(file.name, bytes);
    setErrors((e) => ({ ...e, cv: problem ? CV_PROBLEM_MESSAGES[problem] : undefined }));
    if (!problem) setCv({ name: file.name, dataUrl: await readAsDataUrl(file) });
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Fields, string>> = {};
    if (!values.firstName.trim() || values.firstName.length > 50)
      found.firstName = "Indiquez votre prénom (50 caractères au plus).";
    if (!values.lastName.trim() || values.lastName.length > 50)
      found.lastName = "Indiquez votre nom (50 caractères au plus).";
    if (!looksLikeEmail(values.email.trim()))
      found.email =
        "Indiquez une adresse e-mail valide, sans accent ni espace (par exemple prenom.nom@exemple.fr).";
    const phone = normalizeFrenchPhone(values.phone);
    if (!phone) found.phone = PHONE_REFUSED;
    if (!cv) found.cv = errors.cv ?? "Ajoutez votre CV (PDF ou DOCX, 3 Mo au maximum).";
    setErrors(found);
    if (Object.keys(found).length > 0 || !cv || !phone || !item.contact?.email || !item.contact.iv) {
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus(),
      );
      return;
    }
    const type = item.ideaType as ApplicationInput["company_type"];
    const application: ApplicationInput = {
      applicant_first_name: values.firstName.trim(),
      applicant_last_name: values.lastName.trim(),
      applicant_email: values.email.trim(),
      applicant_phone: phone,
      applicant_file_name: cv.name,
      applicant_file_content: cv.dataUrl,
      message: values.message.trim() || undefined,
      company_email: item.contact.email,
      iv: item.contact.iv,
      company_type: type,
      company_siret: item.company.siret ?? undefined,
      company_name: item.company.name ?? undefined,
      company_address: item.place.fullAddress ?? undefined,
      company_naf: item.nafs?.[0]?.label ?? undefined,
      ...(type === "matcha"
        ? { job_id: item.job?.id ?? undefined, job_title: item.title ?? undefined }
        : searchedMetier()),
      ...(caller ? { caller } : {}),
    };
    send.mutate({ ...application, idempotencyKey: keyFor(application) });
  };

  const field = (
    name: Exclude<Fields, "cv">,
    label: string,
    input: React.InputHTMLAttributes<HTMLInputElement>,
    hint?: string,
  ) => (
    <div className={`field${errors[name] ? " field--error" : ""}`}>
      <label htmlFor={`${id}-${name}`}>
        {label} <span aria-hidden="true">*</span>
        {hint && (
          <span className="hint" id={`${id}-${name}-hint`}>
            {hint}
          </span>
        )}
      </label>
      <input
        id={`${id}-${name}`}
        value={values[name]}
        onChange={(e) => {
          edited();
          setValues((v) => ({ ...v, [name]: e.target.value }));
          // Its error was about the value just replaced; the next submit checks the new one.
          if (errors[name]) setErrors((all) => ({ ...all, [name]: undefined }));
        }}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={
          [hint && `${id}-${name}-hint`, errors[name] && `${id}-${name}-error`].filter(Boolean).join(" ") ||
          undefined
        }
        required
        {...input}
      />
      {errors[name] && (
        <p className="error-text" id={`${id}-${name}-error`}>
          {errors[name]}
        </p>
      )}
    </div>
  );

  return (
    <form
      ref={formRef}
      className="apply-form stack"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <Title id={`${id}-title`}>{applyTitle(item)}</Title>
      {already && <p className="alert alert--info">Vous avez déjà postulé le {formatDate(already)}.</p>}
      {mandated && (
        <p className="alert alert--info">
          Votre candidature sera transmise au CFA qui a publié cette offre pour l'entreprise.
        </p>
      )}
      <p className="hint">Tous les champs marqués d'un astérisque (*) sont obligatoires.</p>
      <div className="grid-2">
        {field("firstName", "Prénom", { autoComplete: "given-name", maxLength: 50 })}
        {field("lastName", "Nom", { autoComplete: "family-name", maxLength: 50 })}
        {field("email", "E-mail", { type: "email", autoComplete: "email" })}
        {/* The phone keypad, which has "+" (an overseas candidate writes +262...), not the digits-only one. */}
        {field("phone", "Téléphone", { type: "tel", autoComplete: "tel", inputMode: "tel" }, PHONE_HINT)}
      </div>
      <div className={`field${errors.cv ? " field--error" : ""}`}>
        <label htmlFor={`${id}-cv`}>
          CV <span aria-hidden="true">*</span>
          <span className="hint" id={`${id}-cv-hint`}>
            Format PDF ou DOCX, 3 Mo au maximum
          </span>
        </label>
        <input
          id={`${id}-cv`}
          type="file"
          accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(e) => void onFile(e)}
          // Said to assistive technology like the other starred fields (the form checks it itself: noValidate).
          required
          aria-invalid={errors.cv ? true : undefined}
          aria-describedby={`${id}-cv-hint${cv ? ` ${id}-cv-ready` : ""}${errors.cv ? ` ${id}-cv-error` : ""}`}
        />
        {/* Said when it changes: choosing a file moves no focus (WCAG 4.1.3). */}
        <div id={`${id}-cv-ready`} role="status">
          {cv && <p className="hint">Fichier prêt : {cv.name}</p>}
        </div>
        {errors.cv && (
          <p className="error-text" id={`${id}-cv-error`} role="alert">
            {errors.cv}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-message`}>
          Votre message{" "}
          <span className="hint">
            Facultatif : présentez-vous et dites pourquoi cette entreprise vous intéresse
          </span>
        </label>
        <textarea
          id={`${id}-message`}
          rows={5}
          maxLength={APPLICATION_FIELD_MAX.message}
          value={values.message}
          onChange={(e) => {
            edited();
            setValues((v) => ({ ...v, message: e.target.value }));
          }}
        />
      </div>
      {send.isError && (
        <p className="alert alert--error" role="alert">
          {applyAlertMessage(send.error)}
        </p>
      )}
      <p className="hint">
        Vos informations sont transmises uniquement{" "}
        {mandated ? "au CFA destinataire" : "à l'entreprise destinataire"} ;{" "}
        {keepsSentMail
          ? `sur cette installation, les e-mails, CV compris, sont gardés dans sa base ${applicationRetentionDays} jours.`
          : "votre CV n'est pas conservé."}{" "}
        <a href={INFO_PAGES.privacy} target="_blank" rel="noopener">
          En savoir plus sur vos données personnelles <span className="sr-only">(nouvelle fenêtre)</span>
        </a>
      </p>
      <button className="btn btn--primary" type="submit" disabled={send.isPending}>
        {send.isPending ? "Envoi en cours…" : "J'envoie ma candidature"}
      </button>
    </form>
  );
}
