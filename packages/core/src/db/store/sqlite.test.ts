import { createTestDb } from "../../testing/db";
import { storeContract } from "../../testing/store-contract";
import { sqliteStore } from "./sqlite";

storeContract("SQLite", () => sqliteStore(createTestDb()));
