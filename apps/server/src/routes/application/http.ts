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

/** An application endpoint's answer over REST: its body with its status. */
export function answerJson<B>(c: Context, answer: Answer<B>): Response {
  return c.json(answer.body, answer.status);
}
