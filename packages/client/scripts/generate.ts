// `npm run client:generate`: writes the tRPC contract and the V1 REST types from the server's own sources.
// `npm run client:check`: fails when the checked-in copies differ from what the server generates today.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { generatedFiles, REPO, staleFiles } from "./generated-files";

const files = await generatedFiles();
if (process.argv.includes("--check")) {
  const stale = staleFiles(files);
  if (stale.length) {
    console.error(`Out of date (run npm run client:generate): ${stale.join(", ")}`);
    process.exit(1);
  }
  console.log(`Up to date: ${files.map((f) => f.path).join(", ")}`);
} else {
  for (const file of files) writeFileSync(join(REPO, file.path), file.content);
  console.log(`Written: ${files.map((f) => f.path).join(", ")}`);
}
