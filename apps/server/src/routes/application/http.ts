import { REQUEST_ERRORS } from "@lba/core/schemas";
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { refusal, type Answer } from "../../lib/error-status";

export function limitBody(maxSize: number): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: (c) => answerJson(c, refusal(REQUEST_ERRORS.payloadTooLarge)),
  });
}

/** The JSON object of the body, or null when the body is not one (malformed JSON, an array, form fields...). */
async function jsonObject(c: Context): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await c.req.json();
    return body && typeof body === "object" && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * `handle(body)` with the body's JSON object, or 400 `{"error":"invalid_json"}` when the body is not a JSON
 * object: a transport error, answered before any check of the fields (docs/reference/v1.md#s9-2). Otherwise a
 * malformed body would read as `{}` and be reported as its first missing field (`missing_caller`), which
 * misleads the integrator.
 */
export async function withJsonObject(
  c: Context,
  handle: (body: Record<string, unknown>) => Promise<Response>,
): Promise<Response> {
  const body = await jsonObject(c);
  return body ? handle(body) : answerJson(c, refusal(REQUEST_ERRORS.invalidJson));
}

/** Only the string fields of a body: a token that is not a string is then simply a missing token. */
export function stringFields(body: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}

/** An application endpoint's answer over REST: its body with its status. */
export function answerJson<B>(c: Context, answer: Answer<B>): Response {
  return c.json(answer.body, answer.status);
}
