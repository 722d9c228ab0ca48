import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { ApplicationRequestSchema } from "@lba/core/applications";
import { FRENCH_PHONE_FORMAT } from "@lba/core/referentials";
import {
  APPLICATION_ERRORS,
  APPLICATION_FIELD_MAX,
  IDEMPOTENCY_ERRORS,
  REQUEST_ERRORS,
} from "@lba/core/schemas";
import type { Context } from "hono";
import { MAX_API_BODY_BYTES, PayloadTooLargeSchema } from "../../lib/body-limit";
import { InternalErrorSchema } from "../../lib/errors";
import { UrlNotEncodedSchema } from "../../lib/url-encoding";
import { isFirstPartyRequest } from "../../lib/first-party";
import {
  applicationOperations,
  type ApplicationServerDeps,
  type SendInput,
} from "../../operations/application";
import { perform } from "../../operations/operation";
import { limitRoute, operationRoute } from "../operation-route";
import { NOT_ENCODED } from "../responses";
import { limitBody, answerJson, withJsonObject } from "./http";

const MAX = APPLICATION_FIELD_MAX;
const text = (field: keyof typeof MAX, description: string, example?: string) =>
  z
    .string()
    .max(MAX[field])
    .openapi({ description: `${description} (${MAX[field]} caractères au plus)`, example });

// Documentation of the V1 body (docs/reference/v1.md#s9-1); at runtime the body is read loosely so that every
// failure maps to the V1 error key, in the reference's order, instead of a generic validation error.
const ApplicationBodyDoc = z
  .object({
    applicant_email: text("applicant_email", "E-mail du candidat", "camille.martin@example.org"),
    applicant_first_name: text("applicant_first_name", "Prénom", "Camille"),
    applicant_last_name: text("applicant_last_name", "Nom", "Martin"),
    applicant_phone: text(
      "applicant_phone",
      `Téléphone français : ${FRENCH_PHONE_FORMAT} ; 00 au lieu de +, espaces, points et tirets acceptés`,
      "0612345678",
    ),
    applicant_file_name: text("applicant_file_name", "Nom du CV, terminant par .pdf ou .docx", "cv.pdf"),
    applicant_file_content: z.string().openapi({
      description: "CV en data URL base64, 3 Mo max. une fois décodé",
      example: "data:application/pdf;base64,JVBERi0xLjQK...",
    }),
    company_email: text(
      "company_email",
      "Jeton opaque `contact.email` d'un résultat de recherche : il désigne l'entreprise (et l'offre)",
    ),
    iv: text("iv", "`contact.iv` du même résultat"),
    company_type: z
      .enum(["lba", "lbb", "matcha"])
      .openapi({ description: "`ideaType` du résultat (obligatoire ; le type retenu est celui du jeton)" }),
    company_siret: text("company_siret", "Siret (ignoré : celui du jeton)").optional(),
    company_name: text("company_name", "Raison sociale (ignorée : celle des données du service)").optional(),
    company_address: text("company_address", "Adresse (ignorée : celle des données du service)").optional(),
    company_naf: text("company_naf", "Libellé NAF (ignoré : celui des données du service)").optional(),
    job_id: text("job_id", "Identifiant de l'offre (ignoré : celui du jeton)").optional(),
    job_title: text(
      "job_title",
      "Métier recherché, pour l'e-mail à l'entreprise d'une candidature spontanée (ignoré pour une offre)",
    ).optional(),
    message: text("message", "Lettre de motivation").optional(),
    caller: text(
      "caller",
      "Identifiant du partenaire appelant (obligatoire sur /api/V1)",
      "contact@partenaire.fr mon-service",
    ).optional(),
  })
  .openapi("ApplicationRequest");

const ApplicationOk = z
  .object({ result: z.literal("ok"), message: z.literal("messages sent") })
  .openapi("ApplicationOk");
const ApplicationError = z
  .object({
    error: z.enum([
      ...Object.values(APPLICATION_ERRORS),
      ...Object.values(IDEMPOTENCY_ERRORS),
      REQUEST_ERRORS.payloadTooLarge,
      REQUEST_ERRORS.invalidJson,
    ]),
  })
  .openapi("ApplicationError");

const json = (description: string, schema: z.ZodType) => ({
  description,
  content: { "application/json": { schema } },
});

export const sendApplicationRoute = operationRoute(applicationOperations.sendV1, {
  method: "post",
  path: "/api/V1/application",
  tags: ["Candidature"],
  summary: "Envoyer une candidature à une entreprise",
  description:
    "Envoie la candidature (CV en pièce jointe) à l'entreprise et une confirmation au candidat. En-tête facultatif " +
    "`Idempotency-Key` : une nouvelle tentative avec la même clé et le même corps renvoie la première réponse sans " +
    "rien renvoyer, sauf après un envoi à l'issue inconnue (500), qu'elle renvoie.",
  request: {
    // docs/reference/v1.md#s9-1; checked by core (claimIdempotencyKey), the same rule written as a pattern here.
    headers: z.object({
      "Idempotency-Key": z
        .string()
        .min(1)
        .max(255)
        .regex(/^[\x21-\x7e]+$/)
        .optional()
        .openapi({
          description:
            "1 à 255 caractères ASCII imprimables, sans espace (un UUID par exemple) ; autrement 400 invalid_idempotency_key.",
          example: "3f2b8c1e-5a4d-4e6f-9b7a-1c2d3e4f5a6b",
        }),
    }),
    query: z.object({
      caller: z
        .string()
        .max(MAX.caller)
        .optional()
        .openapi({ description: "`caller`, quand le corps n'en donne pas (celui du corps l'emporte)." }),
    }),
    body: { required: true, content: { "application/json": { schema: ApplicationBodyDoc } } },
  },
  responses: {
    200: json("Candidature envoyée.", ApplicationOk),
    400: json(
      "Candidature refusée : la clé `error` dit pourquoi (vérifications dans l'ordre de la documentation). Ou " +
        NOT_ENCODED,
      z.union([ApplicationError, UrlNotEncodedSchema]),
    ),
    409: json("Une requête avec la même Idempotency-Key est en cours.", ApplicationError),
    413: json("Corps de requête trop gros (5 Mo max.).", PayloadTooLargeSchema),
    422: json("Idempotency-Key déjà utilisée pour une autre candidature.", ApplicationError),
    // docs/reference/v1.md#s9-2, step 9.
    500: json(
      "error_sending_application : l'e-mail à l'entreprise n'est pas parti. Refusé par le transport : rien n'a " +
        "été enregistré. Issue inconnue (délai dépassé, connexion coupée, erreur 5xx du transport) : la " +
        "candidature est gardée, et une nouvelle tentative avec la même Idempotency-Key la renvoie. Ou " +
        "internal_error, une erreur inattendue.",
      z.union([ApplicationError, InternalErrorSchema]),
    ),
    503: json("Antivirus injoignable (selon la configuration).", ApplicationError),
  },
});

/** The body, read loosely, the caller (body first, then query string) and the Idempotency-Key. */
function sendInput(c: Context, body: Record<string, unknown>): SendInput {
  const request = ApplicationRequestSchema.parse(body);
  return {
    request,
    caller: request.caller?.trim() || c.req.query("caller")?.trim() || null,
    idempotencyKey: c.req.header("Idempotency-Key") ?? undefined,
  };
}

export function registerSendApplication(app: OpenAPIHono, deps: ApplicationServerDeps) {
  const limit = limitBody(deps.applications.maxBodyBytes ?? MAX_API_BODY_BYTES);

  // Documented only: the body is read loosely, so that each failure is its V1 error key, not a zod 400.
  app.openAPIRegistry.registerPath(sendApplicationRoute);
  app.post(sendApplicationRoute.getRoutingPath(), limit, (c) =>
    withJsonObject(c, async (body) =>
      answerJson(c, await perform(deps, applicationOperations.sendV1, sendInput(c, body))),
    ),
  );

  // Route of the original site: no caller required from our own origin only (docs/reference/v1.md#s3-11, decision 023).
  app.post(limitRoute(applicationOperations.send, "post", "/api/application"), limit, (c) =>
    withJsonObject(c, async (body) =>
      answerJson(
        c,
        await perform(deps, applicationOperations.send, {
          ...sendInput(c, body),
          firstParty: isFirstPartyRequest(c.req.raw, deps.core.config.publicUrl),
        }),
      ),
    ),
  );
}
