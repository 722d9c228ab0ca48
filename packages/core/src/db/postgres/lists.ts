import pg from "pg";
import type { SearchLists } from "../store/lists";
import type { Postgres } from "./client";
import { LISTS_CHANNEL } from "./store";

export interface LiveLists extends SearchLists {
  /** Reloads both lists now (coalesced: calls during a reload share the next one). */
  refresh(): Promise<void>;
  /** Called after each reload that changed a list (e.g. to empty the search answer cache). */
  onChange(listener: () => void): void;
  close(): Promise<void>;
}

/**
 * The unsubscribed SIRETs and hard-bounced addresses, held in memory by each replica so that searches never wait on
 * PostgreSQL (decision 028). Reloaded when any replica announces a change (LISTEN on a connection of its own), and
 * every `refreshMs` in case an announcement was missed (the listening connection dropped). Resolves once loaded.
 */
export async function startLiveLists(
  postgres: Postgres,
  url: string,
  { refreshMs = 60_000, onError = (_error: unknown) => {} } = {},
): Promise<LiveLists> {
  let sirets = new Set<string>();
  let emails = new Set<string>();
  const listeners: (() => void)[] = [];
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;

  const load = async () => {
    const [u, b] = await Promise.all([
      postgres.pool.query<{ siret: string }>("select siret from company_unsubscriptions"),
      postgres.pool.query<{ email: string }>("select email from email_blacklist"),
    ]);
    const next = { sirets: new Set(u.rows.map((r) => r.siret)), emails: new Set(b.rows.map((r) => r.email)) };
    const changed = !sameSet(next.sirets, sirets) || !sameSet(next.emails, emails);
    sirets = next.sirets;
    emails = next.emails;
    if (changed) for (const listener of listeners) listener();
  };
  const refresh = (): Promise<void> => {
    if (!running) {
      running = load().finally(() => (running = null));
      return running;
    }
    queued ??= running.then(
      () => ((queued = null), refresh()),
      () => ((queued = null), refresh()),
    );
    return queued;
  };

  let listener: pg.Client | null = null;
  let closed = false;
  const listen = async () => {
    const client = new pg.Client({ connectionString: url });
    client.on("error", (error) => {
      onError(error);
      if (listener === client) listener = null;
    });
    client.on("notification", () => void refresh().catch(onError));
    await client.connect();
    await client.query(`LISTEN ${LISTS_CHANNEL}`);
    listener = client;
  };

  await Promise.all([load(), listen()]);
  const timer = setInterval(() => {
    if (!listener && !closed) void listen().then(refresh).catch(onError);
    else void refresh().catch(onError);
  }, refreshMs);
  timer.unref();

  return {
    unsubscribed: (wanted) => new Set(wanted.filter((s): s is string => !!s && sirets.has(s))),
    bounced: (email) => !!email && emails.has(email.trim().toLowerCase()),
    refresh,
    onChange: (l) => void listeners.push(l),
    async close() {
      closed = true;
      clearInterval(timer);
      await listener?.end().catch(() => {});
    },
  };
}

function sameSet(x: Set<string>, y: Set<string>): boolean {
  if (x.size !== y.size) return false;
  for (const v of x) if (!y.has(v)) return false;
  return true;
}
