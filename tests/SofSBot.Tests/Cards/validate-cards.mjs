// Parses Adaptive Cards with the reference library from npm (adaptivecards) and reports, per card,
// everything it found wrong. Used by CardValidityTests: all samples go through one node process.
//
//   node validate-cards.mjs <cards.json>
//
// Input: [{ "name": "...", "card": { ...the card as the bot sends it... } }, ...]
// Output (stdout, one JSON document): [{ name, problems: [...], declaredVersion, parsedVersion,
//   sentElements, parsedElements }, ...]
//
// Parsing needs no DOM: the library only touches `window`/`document` when rendering, so the dist
// bundle (UMD) is loaded with require() — its ESM build (lib/) has extensionless imports node cannot
// resolve.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import path from "node:path";
import process from "node:process";

const repositoryRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../..");
const require = createRequire(path.join(repositoryRoot, "package.json"));
const AC = require("adaptivecards/dist/adaptivecards.js");

// Teams-only properties the library does not know: it ignores unknown properties silently, so the
// round trip below would report them as dropped. Teams documents msteams.width = "Full" on the
// card's root for full-width cards; any other msteams value, or msteams anywhere else, is reported.
const teamsProperties = { "$.msteams": value => JSON.stringify(value) === JSON.stringify({ width: "Full" }) };

const validationEvents = Object.fromEntries(Object.entries(AC.ValidationEvent).filter(([, v]) => typeof v === "number").map(([k, v]) => [v, k]));
const validationPhases = Object.fromEntries(Object.entries(AC.ValidationPhase).filter(([, v]) => typeof v === "number").map(([k, v]) => [v, k]));

function describe(event) {
  return `${validationPhases[event.phase] ?? event.phase} ${validationEvents[event.event] ?? event.event}: ${event.message}`;
}

// Elements and actions: every object with a "type" below the root, fallbacks left out (the library
// does not keep them; they are checked on their own).
function countTyped(value, isRoot = true) {
  if (Array.isArray(value)) {
    return value.reduce((sum, item) => sum + countTyped(item, false), 0);
  }
  if (value && typeof value === "object") {
    const own = !isRoot && typeof value.type === "string" ? 1 : 0;
    return own + Object.entries(value)
      .filter(([key]) => key !== "fallback")
      .reduce((sum, [, item]) => sum + countTyped(item, false), 0);
  }
  return 0;
}

// Properties the Adaptive Cards 1.5 schema requires but the library lets pass without a word.
const requiredProperties = {
  "TextBlock": ["text"],
  "Image": ["url"],
  "Container": ["items"],
  "FactSet": ["facts"],
  "ActionSet": ["actions"],
  "Action.OpenUrl": ["url"],
  "Action.ToggleVisibility": ["targetElements"],
  "Action.ShowCard": ["card"],
};

function checkRequired(value, at, problems) {
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkRequired(item, `${at}[${i}]`, problems));
    return;
  }
  if (!value || typeof value !== "object") {
    return;
  }
  for (const key of requiredProperties[value.type] ?? []) {
    const property = value[key];
    if (property === undefined || property === null || property === "" || (Array.isArray(property) && property.length === 0)) {
      problems.push(`${at}.${key}: required by the schema for ${value.type}, but missing or empty`);
    }
  }
  for (const [key, item] of Object.entries(value)) {
    if (key !== "fallback") {
      checkRequired(item, `${at}.${key}`, problems);
    }
  }
}

// Everything we sent must come back from the library's own serialization: a property or element it
// did not understand is dropped there, even when parsing logged nothing.
function compare(sent, parsed, at, version, problems) {
  if (Array.isArray(sent)) {
    if (!Array.isArray(parsed) || parsed.length !== sent.length) {
      problems.push(`${at}: sent ${sent.length} items, the library kept ${Array.isArray(parsed) ? parsed.length : "none"}`);
      return;
    }
    sent.forEach((item, i) => compare(item, parsed[i], `${at}[${i}]`, version, problems));
    return;
  }
  if (sent && typeof sent === "object") {
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
      problems.push(`${at}: the library did not keep this object`);
      return;
    }
    for (const [key, value] of Object.entries(sent)) {
      const path = `${at}.${key}`;
      if (teamsProperties[path]) {
        if (!teamsProperties[path](value)) {
          problems.push(`${path}: a Teams property with a value Teams does not document: ${JSON.stringify(value)}`);
        }
      } else if (key === "fallback" && typeof sent.type === "string") {
        // The library uses a fallback while parsing (when it does not know the element or action)
        // and does not keep it, so it is checked on its own.
        checkFallback(sent.type, value, path, version, problems);
      } else if (!(key in parsed)) {
        if (!isDefaultValue(sent.type, key, value, version)) {
          problems.push(`${path}: dropped by the library (unknown, not allowed in version ${version}, or empty)`);
        }
      } else {
        compare(value, parsed[key], path, version, problems);
      }
    }
    return;
  }
  // Enumerations are case-insensitive in Adaptive Cards; the library writes them in its own case.
  const sameEnumValue = typeof sent === "string" && typeof parsed === "string" && /^[A-Za-z]+$/.test(parsed)
    && sent.toLowerCase() === parsed.toLowerCase();
  if (sent !== parsed && !sameEnumValue) {
    problems.push(`${at}: sent ${JSON.stringify(sent)}, the library read ${JSON.stringify(parsed)}`);
  }
}

// The library leaves a property out of its serialization when it has the default value (or is an
// empty string): that is no loss, so such a property counts as kept when the library knows it
// and reads the value sent as its default.
function isDefaultValue(ownerType, key, value, version) {
  if (typeof ownerType !== "string") {
    return false;
  }
  const targetVersion = AC.Version.parse(version, new AC.SerializationContext());
  const owner = ownerType === "AdaptiveCard"
    ? new AC.AdaptiveCard()
    : AC.GlobalRegistry.elements.createInstance(ownerType, targetVersion) ?? AC.GlobalRegistry.actions.createInstance(ownerType, targetVersion);
  if (!owner) {
    return false;
  }
  const schema = owner.getSchema();
  for (let i = 0; i < schema.getCount(); i++) {
    const property = schema.getItemAt(i);
    if (property.name === key) {
      const context = new AC.SerializationContext(targetVersion);
      const read = property.parse(owner, { [key]: value }, context);
      // An empty string where the property has no default means "no value" (e.g. an empty input).
      return context.eventCount === 0 && (read === property.defaultValue || (value === "" && property.defaultValue === undefined));
    }
  }
  return false;
}

function checkFallback(ownerType, fallback, at, version, problems) {
  if (fallback === "drop") {
    return;
  }
  if (!fallback || typeof fallback !== "object") {
    problems.push(`${at}: a fallback must be "drop" or an object, not ${JSON.stringify(fallback)}`);
    return;
  }
  const isAction = ownerType.startsWith("Action.");
  if (isAction !== (typeof fallback.type === "string" && fallback.type.startsWith("Action."))) {
    problems.push(`${at}: the fallback of ${ownerType} must be ${isAction ? "an action" : "an element"}`);
    return;
  }
  const card = { type: "AdaptiveCard", version, [isAction ? "actions" : "body"]: [fallback] };
  for (const problem of check(card).problems) {
    problems.push(`${at}: ${problem.replace(isAction ? /^\$\.actions\[0\]/ : /^\$\.body\[0\]/, "(fallback)")}`);
  }
}

// The library's lang check is a regular expression with the global flag, so exec() continues from
// the previous match: every second card with the same lang would fail. Start it afresh each time.
function resetLangCheck() {
  for (const owner of [AC.CardElement, AC.AdaptiveCard]) {
    if (owner.langProperty && owner.langProperty.regEx) {
      owner.langProperty.regEx.lastIndex = 0;
    }
  }
}

function check(card) {
  const problems = [];
  resetLangCheck();
  const declared = AC.Version.parse(card.version, new AC.SerializationContext());
  // Target the version the card declares, so a newer feature in a 1.5 card is reported.
  const context = new AC.SerializationContext(declared && declared.isValid ? declared : undefined);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) {
    problems.push(describe(context.getEventAt(i)));
  }
  for (const event of parsed.validateProperties().validationEvents) {
    problems.push(describe(event));
  }

  checkRequired(card, "$", problems);
  const roundTrip = parsed.toJSON(new AC.SerializationContext(context.targetVersion)) ?? {};
  compare(card, roundTrip, "$", context.targetVersion.toString(), problems);
  return { problems, parsed, roundTrip };
}

function validate({ name, card }) {
  const { problems, parsed, roundTrip } = check(card);
  return {
    name,
    problems,
    declaredVersion: card.version ?? null,
    parsedVersion: parsed.version ? parsed.version.toString() : null,
    sentElements: countTyped(card),
    parsedElements: countTyped(roundTrip),
  };
}

const [inputPath] = process.argv.slice(2);
if (!inputPath) {
  console.error("usage: node validate-cards.mjs <cards.json>");
  process.exit(2);
}

// The library reports some problems only through the console (e.g. while reading values).
const consoleMessages = [];
for (const level of ["log", "info", "warn", "error"]) {
  console[level] = (...args) => consoleMessages.push(`console.${level}: ${args.map(String).join(" ")}`);
}

const results = JSON.parse(readFileSync(inputPath, "utf8")).map(sample => {
  consoleMessages.length = 0;
  const result = validate(sample);
  result.problems.push(...consoleMessages);
  return result;
});
process.stdout.write(JSON.stringify(results));
