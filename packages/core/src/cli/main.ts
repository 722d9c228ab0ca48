// Command-line entry point (npm run seed | import | sync | anonymize | snapshot | backup). Reads its own environment, like an app.
import { runCli } from "./run";

process.exitCode = await runCli(process.argv.slice(2), process.env);
