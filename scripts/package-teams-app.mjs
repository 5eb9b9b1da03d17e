#!/usr/bin/env node
// Builds the Teams app package (the zip an admin uploads) from manifest/:
//   node scripts/package-teams-app.mjs [--from-azd] [--out <file.zip>]
// Fills in manifest.json's ${{NAME}} placeholders from environment variables and, with --from-azd,
// from the current azd environment (`azd env get-values`; environment variables win). BOT_ID and
// TEAMS_APP_ID are written there by `azd up`; DEVELOPER_NAME, DEVELOPER_WEBSITE_URL,
// DEVELOPER_PRIVACY_URL and DEVELOPER_TERMS_URL are set with `azd env set`. The filled-in package
// is validated against the Teams JSON schemas before the zip is written (default
// .local/teams-app/sofsbot-teams-app.zip).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { fillPlaceholders, manifestDir, packageFileNames, repositoryRoot, validateAppFolder } from "./lib/teams-app.mjs";
import { createZip } from "./lib/zip.mjs";

const { values: options } = parseArgs({
  options: {
    "from-azd": { type: "boolean", default: false },
    out: { type: "string", default: join(repositoryRoot, ".local", "teams-app", "sofsbot-teams-app.zip") },
  },
});

function fail(message) {
  console.error(`error: ${message}`);
  process.exit(1);
}

/** The azd environment's values (KEY="value" lines of `azd env get-values`). */
function azdValues() {
  const result = spawnSync("azd", ["env", "get-values"], { cwd: repositoryRoot, encoding: "utf8" });
  if (result.error || result.status !== 0) {
    fail(`'azd env get-values' failed (${result.error?.message ?? result.stderr.trim()}). Run it in the repository after 'azd up', or leave out --from-azd and set the values as environment variables.`);
  }
  const values = {};
  for (const line of result.stdout.split(/\r?\n/)) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
    if (!match) continue;
    let value = match[2];
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
      value = value.slice(1, -1).replace(/\\(["\\])/g, "$1");
    }
    values[match[1]] = value;
  }
  return values;
}

const values = { ...(options["from-azd"] ? azdValues() : {}), ...process.env };

function filled(fileName) {
  try {
    return fillPlaceholders(readFileSync(join(manifestDir, fileName), "utf8"), values);
  } catch (error) {
    if (!error.missing) throw error;
    fail(
      `${fileName} needs ${error.missing.join(", ")}.\n` +
        "  BOT_ID and TEAMS_APP_ID are outputs of 'azd up' (use --from-azd);\n" +
        '  set the others with: azd env set DEVELOPER_NAME "Exempelby kommun" (and so on), or as environment variables.',
    );
  }
}

const manifestText = filled("manifest.json");
const files = packageFileNames(JSON.parse(manifestText));
const staging = mkdtempSync(join(tmpdir(), "sofsbot-teams-app-"));
try {
  const entries = files.map((name) => ({
    name,
    data: name === "manifest.json" ? Buffer.from(manifestText, "utf8")
      : name.endsWith(".json") ? Buffer.from(filled(name), "utf8")
      : readFileSync(join(manifestDir, name)),
  }));
  for (const { name, data } of entries) writeFileSync(join(staging, name), data);

  const problems = validateAppFolder(staging);
  if (problems.length > 0) {
    fail(`the filled-in package does not validate against the Teams schemas:\n  ${problems.join("\n  ")}`);
  }

  const out = resolve(options.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, createZip(entries));
  console.log(`Wrote ${out} (${files.join(", ")}); it validates against the Teams manifest schema.`);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
