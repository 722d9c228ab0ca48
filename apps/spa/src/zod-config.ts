import { config } from "zod";

// The shared schemas run in the browser too. Zod probes `new Function` once, on its first parse, to compile fast
// parsers; under the CSP's script-src 'self' that probe is reported as an "eval" violation. Interpreted parsing is
// fast enough for the site. Imported first by main.tsx so that no module parses before this runs.
config({ jitless: true });
