import {
  closePostgres,
  createPostgres,
  migratePostgres,
  postgresStore,
  type Postgres,
} from "@lba/core/db/postgres";
import { afterAll, beforeAll } from "vitest";
import { storeContract } from "../../packages/core/src/testing/store-contract";
import { freshDatabase } from "./helpers";

let postgres: Postgres;
beforeAll(async () => {
  postgres = createPostgres(await freshDatabase());
  await migratePostgres(postgres);
});
afterAll(() => closePostgres(postgres));

storeContract("PostgreSQL", () => postgresStore(postgres));
