/** The Node flags the server runs with (see server-flags.mjs), for the TypeScript tests that start it. */
export declare const SERVER_NODE_FLAGS: readonly string[];
