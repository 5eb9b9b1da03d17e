#!/usr/bin/env node
// Validates an unpacked Teams app package: node scripts/validate-teams-app.mjs <folder>.
// Prints "valid: <folder>" and exits 0, or prints one problem a line and exits 1.
import { resolve } from "node:path";
import { validateAppFolder } from "./lib/teams-app.mjs";

const folder = process.argv[2];
if (!folder) {
  console.error("usage: node scripts/validate-teams-app.mjs <folder with manifest.json>");
  process.exit(2);
}

try {
  const problems = validateAppFolder(resolve(folder));
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    process.exit(1);
  }
  console.log(`valid: ${folder}`);
} catch (error) {
  console.error(`error: ${error.message}`);
  process.exit(2);
}
