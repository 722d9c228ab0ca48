import type { Item } from "../schemas/item";
import type { StoredItem } from "../sources/stored-item";
import type { JobsAnswer, ServedJobsAnswer } from "./jobs";
import type { JobsEtFormationsAnswer, ServedJobsEtFormationsAnswer } from "./jobs-et-formations";
import type { ServedTrainingsAnswer, TrainingsAnswer } from "./trainings";

/**
 * A search answer as its JSON decodes (decision 031): a stored item is an item, and the answers of the searches
 * are their named client types (what the tRPC procedures declare).
 */
export type Sent<T> = T extends ServedJobsEtFormationsAnswer
  ? JobsEtFormationsAnswer
  : T extends ServedJobsAnswer
    ? JobsAnswer
    : T extends ServedTrainingsAnswer
      ? TrainingsAnswer
      : T extends StoredItem
        ? Item
        : T extends Item
          ? T
          : T extends readonly (infer U)[]
            ? Sent<U>[]
            : T extends object
              ? { [K in keyof T]: Sent<T[K]> }
              : T;
