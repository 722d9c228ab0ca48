// Node flags of the server process (npm start, npm run bench): a bounded heap keeps the RSS of a national-scale
// instance under 400 MB under load (measured in docs/benchmarks.md); the default lets V8 grow it lazily.
export const SERVER_NODE_FLAGS = ["--max-old-space-size=256"];
