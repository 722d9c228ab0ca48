import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import type { Context } from "hono";
import { matchedRoutes } from "hono/route";
import type { ServerDeps } from "../deps";
import { notFound, type JsonResponse, type NotFound } from "../lib/errors";
import type { RateLimitGroup } from "../lib/rate-limit";
import { limitOf, perform, type Operation } from "../operations/operation";
import {
  badRequest,
  internalError,
  notEncodedResponse,
  notFoundResponse,
  rateLimitHeaders,
  tooManyRequests,
} from "./responses";

type Traits = Pick<Operation<never, unknown>, "limit" | "notFound">;

// The rate-limit group of every operation route, by "METHOD /routing/:path", read by the REST rate limiter.
const ROUTE_LIMITS = new Map<string, RateLimitGroup | null>();

/**
 * The error answers a route can give, one shared set: 400 always (the V1 envelope when it validates a query, and
 * an URL not encoded on every route), 404 when its operation can find nothing, 429 when it is rate limited, 500
 * always.
 */
export function errorResponses(op: Traits, validatesQuery: boolean) {
  return {
    400: validatesQuery ? badRequest : notEncodedResponse,
    ...(op.notFound ? { 404: notFoundResponse } : {}),
    ...(limitOf(op, "rest") ? { 429: tooManyRequests } : {}),
    500: internalError,
  };
}

/** `responses` with the RateLimit-* headers on each answer when the route is rate limited (see rateLimitHeaders). */
function withRateLimitHeaders<T extends RouteConfig["responses"]>(op: Traits, responses: T): T {
  if (!limitOf(op, "rest")) return responses;
  return Object.fromEntries(
    Object.entries(responses).map(([status, response]) => [
      status,
      "$ref" in response
        ? response
        : { ...response, headers: { ...rateLimitHeaders(status !== "400"), ...response.headers } },
    ]),
  ) as T;
}

/**
 * `createRoute` for an operation's REST route: spreads the shared error answers into its responses (the
 * route's own win), puts the rate-limit headers on each, and records its rate-limit group.
 */
export function operationRoute<P extends string, R extends Omit<RouteConfig, "path"> & { path: P }>(
  op: Traits,
  config: R,
) {
  const route = createRoute({
    ...config,
    responses: withRateLimitHeaders(op, {
      ...errorResponses(op, config.request?.query !== undefined),
      ...config.responses,
    }),
  });
  ROUTE_LIMITS.set(`${config.method.toUpperCase()} ${route.getRoutingPath()}`, limitOf(op, "rest"));
  return route;
}

/** Records the rate-limit group of a route declared without `operationRoute` (the site's own routes). */
export function limitRoute(op: Traits, method: "get" | "post", path: string): string {
  ROUTE_LIMITS.set(`${method.toUpperCase()} ${path}`, limitOf(op, "rest"));
  return path;
}

/** The rate-limit group of the operation route a request matched; null for any other route. */
export function routeLimitOf(c: Context): RateLimitGroup | null {
  for (const route of matchedRoutes(c)) {
    const group = ROUTE_LIMITS.get(`${route.method} ${route.path}`);
    if (group !== undefined) return group;
  }
  return null;
}

/** A detail's REST answer: 200 with what the operation found, 404 with its message when it found nothing. */
export async function detailJson<I, A extends object>(
  c: Context,
  deps: ServerDeps,
  op: Operation<I, A | null> & { notFound: string },
  input: I,
): Promise<JsonResponse<Awaited<A>, 200> | JsonResponse<NotFound, 404>> {
  const answer = await perform(deps, op, input);
  return answer ? c.json(answer, 200) : c.json(notFound(op.notFound), 404);
}
