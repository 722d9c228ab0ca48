// Types of postgres-local.mjs for the TypeScript callers (the postgres vitest project's global setup).
export function postgresBinDir(): string;
export function startPostgres(options?: { port?: number }): Promise<{
  url: string;
  port: number;
  dir: string;
  stop(): Promise<void>;
}>;
