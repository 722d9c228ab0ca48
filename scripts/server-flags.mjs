// Node flags of the server process (npm start, npm run bench): a bounded heap keeps the RSS of a national-scale
// instance under 400 MB under load (measured in docs/benchmarks.md); the default lets V8 grow it lazily.
//
// The growth factor keeps the garbage collector out of a loop that a 256 MB heap fell into in some runs: the old
// generation's limit sat about 18 MB above what was live, less than the young generation (two 16 MB semi-spaces),
// so incremental marking ran again at once after each mark-compact, and what a scavenge found alive meanwhile (the
// cold search in flight, about 3.5 MB allocated) was promoted and kept one more cycle. Measured on sequential cold
// `jobsEtFormations` (1,600 requests per server start, --trace-gc): with the heap bound alone, 10 mark-compacts in
// 7 starts of 11 and 42 to 149 in the others (p99 24-28 against 32-53 ms); with a growth factor of 2.5, 4 in each
// of 6 starts at concurrency 1 and 16 (docs/benchmarks.md, "Garbage collection and the radius check").
export const SERVER_NODE_FLAGS = ["--max-old-space-size=256", "--heap-growing-percent=150"];
