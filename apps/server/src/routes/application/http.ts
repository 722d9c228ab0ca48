import { applicationFailure, REQUEST_ERRORS } from "@lba/core/schemas";
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { failureJson } from "../../lib/error-status";
import type { Reply } from "../../operations/application";

export function limitBody(maxSize: number): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: (c) => failureJson(c, applicationFailure(REQUEST_ERRORS.payloadTooLarge)),
  });
}

/** The JSON object of the body, or {} when the body is not a JSON object (core then reports the V1 error key). */
export async function jsonObject(c: Context): Promise<Record<string, unknown>> {
  try {
    const body: unknown = await c.req.json();
    return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Only the string fields of a body: a number phone is then simply an invalid phone for core to report. */
export function stringFields(body: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}

/** The REST answer of an application endpoint: its body with 200, or `{"error": key}` with the key's status. */
export function replyJson<B>(c: Context, reply: Reply<B>): Response {
  return reply.ok ? c.json(reply.body, 200) : failureJson(c, reply);
}
