export { seedDatabase, DEFAULT_SEED, DatasetNotOwnedError, type SeedOptions, type SeedResult } from "./seed";
export { datasetInfo, type DatasetInfo, type DatasetKind } from "./meta";
export {
  generateDataset,
  SCALES,
  type DatasetCounts,
  type DatasetScale,
  type DatasetSizes,
} from "./generate";
export { isLuhnValid } from "./siret";
