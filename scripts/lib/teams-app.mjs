// The Teams app package: which files it holds, how the manifest's ${{NAME}} placeholders are
// filled in, and validation against the JSON schemas shipped in npm @microsoft/app-manifest
// (offline: a schema the package does not ship is an error, never a download).
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const manifestDir = join(repositoryRoot, "manifest");

const SCHEMA_BASE_URL = "https://developer.microsoft.com/json-schemas/";
const PLACEHOLDER = /\$\{\{([A-Z0-9_]+)\}\}/g;

/** The names of the ${{NAME}} placeholders in a text, in order of first appearance. */
export function placeholdersIn(text) {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

/**
 * Replaces every ${{NAME}} with values[NAME], escaped for a JSON string. Throws one error naming
 * every placeholder that has no value.
 */
export function fillPlaceholders(text, values) {
  const missing = placeholdersIn(text).filter((name) => !values[name]?.trim());
  if (missing.length > 0) {
    const error = new Error(`No value for ${missing.join(", ")}.`);
    error.missing = missing;
    throw error;
  }
  return text.replace(PLACEHOLDER, (_, name) => JSON.stringify(values[name].trim()).slice(1, -1));
}

/** The files of the package, at the zip's root: the manifest, its localization files and icons. */
export function packageFileNames(manifest) {
  return [
    "manifest.json",
    ...(manifest.localizationInfo?.additionalLanguages ?? []).map((language) => language.file),
    manifest.icons.color,
    manifest.icons.outline,
  ];
}

/**
 * The schema validator: ajv for JSON Schema draft-04, the library and settings that
 * @microsoft/app-manifest validates with (resolved from that package, so its pinned copies are used),
 * with one difference: the localization schema holds patterns that are invalid regular expressions
 * in Unicode mode (a lone "]"), so patterns are compiled without the u flag.
 */
function createValidator() {
  const require = createRequire(join(repositoryRoot, "package.json"));
  let packageJson;
  try {
    packageJson = require.resolve("@microsoft/app-manifest/package.json");
  } catch {
    throw new Error("npm package @microsoft/app-manifest is not installed: run 'npm ci' in the repository root.");
  }
  const packageRequire = createRequire(packageJson);
  const ajvModule = packageRequire("ajv-draft-04");
  const Ajv = ajvModule.default ?? ajvModule;
  const formatsModule = packageRequire("ajv-formats");
  const addFormats = formatsModule.default ?? formatsModule;
  const schemaRoot = join(dirname(packageJson), "build", "json-schemas");
  const compiled = new Map();

  return (document) => {
    const schemaUrl = document.$schema;
    if (typeof schemaUrl !== "string" || !schemaUrl.startsWith(SCHEMA_BASE_URL)) {
      return [`$schema must be a ${SCHEMA_BASE_URL}… address, not ${JSON.stringify(schemaUrl)}.`];
    }
    const file = join(schemaRoot, schemaUrl.slice(SCHEMA_BASE_URL.length));
    if (!existsSync(file)) {
      return [`@microsoft/app-manifest does not ship the schema ${schemaUrl}.`];
    }
    if (!compiled.has(file)) {
      const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
      addFormats(ajv, ["uri", "email", "regex"]);
      compiled.set(file, ajv.compile(JSON.parse(readFileSync(file, "utf8"))));
    }
    const validate = compiled.get(file);
    return validate(document)
      ? []
      : validate.errors.map((error) => `${error.instancePath || "/"} ${error.message}${error.params ? ` ${JSON.stringify(error.params)}` : ""}`);
  };
}

function readJson(file, problems) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    problems.push(`${file}: ${error.message}`);
    return undefined;
  }
}

/**
 * Validates an unpacked app package in a folder: manifest.json and each localization file against
 * the schema its $schema names, and the presence of every file the manifest refers to.
 * Returns the problems found (empty when valid), each starting with the file it concerns.
 */
export function validateAppFolder(folder) {
  const validateAgainstSchema = createValidator();
  const problems = [];
  const validate = (fileName) => {
    const document = readJson(join(folder, fileName), problems);
    if (document !== undefined) {
      problems.push(...validateAgainstSchema(document).map((error) => `${fileName}: ${error}`));
    }
    return document;
  };

  const manifest = validate("manifest.json");
  if (manifest === undefined) return problems;
  for (const language of manifest.localizationInfo?.additionalLanguages ?? []) {
    validate(language.file);
  }
  for (const fileName of packageFileNames(manifest).filter((name) => name !== undefined)) {
    if (!existsSync(join(folder, fileName))) {
      problems.push(`${fileName}: the manifest refers to it, but the package has no such file.`);
    }
  }
  return problems;
}
