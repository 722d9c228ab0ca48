export { datasetInfo, readDatasetMeta, type DatasetInfo, type DatasetKind } from "./meta";
export {
  seedDatabase,
  DEFAULT_SEED,
  DatasetNotOwnedError,
  type SeedOptions,
  type SeedResult,
} from "./sample/seed";
export {
  generateDataset,
  SCALES,
  type DatasetCounts,
  type DatasetScale,
  type DatasetSizes,
} from "./sample/generate";
export { isLuhnValid } from "./sample/siret";
export type { ImportIssue, ImportResult, ListedIssue, SwapCounts, SwapOptions, SwapRefusal } from "./stage";
export { ImportRefusedError, NothingValidError, SwapRefusedError, swapRefusal } from "./stage";
export {
  importCompanies,
  detectCompanyFormat,
  type CompanyFileFormat,
  type CompanyImportResult,
} from "./companies";
export { importTrainingsJson } from "./trainings";
export { syncTrainings, type SyncOptions, type SyncResult } from "./catalogue-sync";
export { CatalogueSyncError } from "../sources/trainings/client";
export { loadGeography, type GeographyCounts } from "./referentials/communes";
export { importRomeCsv } from "./referentials/import-rome";
export { importMetiersCsv } from "./referentials/import-metiers";
export { loadReferentials, type ReferentialCounts } from "./referentials/load";
export { loadMissingReferentials, type MissingReferentials } from "./referentials/ensure";
export {
  buildSnapshot,
  type BuildSnapshotOptions,
  type BuildSnapshotResult,
  type SnapshotImports,
} from "./snapshot";
export {
  storeItems,
  storeItemsFor,
  storedSeal,
  type StoreItemsOptions,
  type StoredCounts,
  type StoredKind,
} from "./store-items";
