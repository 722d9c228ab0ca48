// Node flags of the server process (npm start, npm run bench): a bounded heap keeps the RSS of a national-scale
// instance under 400 MB under load (measured in docs/benchmarks.md); the default lets V8 grow it lazily.
//
// The two others keep the garbage collector out of a feedback loop that a 256 MB heap falls into: with V8's
// smallest growth factor (1.3 for that heap size) and a 16 MB young generation, a cold search (about 3.5 MB
// allocated, most of it alive until its answer is written) keeps incremental marking running; whatever a
// scavenge finds alive during marking is promoted and kept one more cycle, so the old generation fills again at
// once. Measured on sequential cold `jobsEtFormations` (1,600 requests per run, --trace-gc): with the heap bound
// alone, 10 mark-compacts in some runs and 69 to 150 in others (p99 27 against 41 to 53 ms); with a 32 MB
// young generation and a growth factor of 2, 4 or 5 mark-compacts in every one of 8 runs at concurrency 1 and
// 16 (docs/benchmarks.md, "Garbage collection").
export const SERVER_NODE_FLAGS = [
  "--max-old-space-size=256",
  "--max-semi-space-size=32",
  "--heap-growing-percent=100",
];
