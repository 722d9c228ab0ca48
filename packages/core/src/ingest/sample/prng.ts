/** sfc32: small, fast, and the same sequence on every platform for a given seed. */
export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  int(min: number, maxInclusive: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly T[], weight: (item: T) => number): T;
  shuffle<T>(items: T[]): T[];
  /** uniform in [min, max) */
  float(min: number, max: number): number;
}

export function createRng(seed: number): Rng {
  // splitmix32 spreads a small integer seed over the four state words
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();

  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    float: (min, max) => min + next() * (max - min),
    pick(items) {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted(items, weight) {
      if (items.length === 0) throw new Error("weighted pick from an empty list");
      return items[weightedIndex(cumulative(items, weight), next())] as (typeof items)[number];
    },
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j] as (typeof items)[number], items[i] as (typeof items)[number]];
      }
      return items;
    },
  };
  return rng;
}

/** Running totals of the weights, for repeated weighted picks in O(log n). */
export function cumulative<T>(items: readonly T[], weight: (item: T) => number): Float64Array {
  const totals = new Float64Array(items.length);
  let sum = 0;
  items.forEach((item, i) => {
    sum += Math.max(0, weight(item));
    totals[i] = sum;
  });
  return totals;
}

/** Index picked by a uniform draw `u` in [0, 1) over running totals. */
export function weightedIndex(totals: Float64Array, u: number): number {
  const target = u * (totals[totals.length - 1] ?? 0);
  let lo = 0;
  let hi = totals.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((totals[mid] ?? 0) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A weighted picker over a fixed list: precomputes the totals once. */
export function weightedPicker<T>(items: readonly T[], weight: (item: T) => number): (rng: Rng) => T {
  if (items.length === 0) throw new Error("weighted pick from an empty list");
  const totals = cumulative(items, weight);
  return (rng) => items[weightedIndex(totals, rng.next())] as T;
}
