// Renders the Markdown of every TextBlock and every FactSet title and value in Adaptive Cards the way
// the reference renderer (npm adaptivecards) does: AdaptiveCard.applyMarkdown with markdown-it, the
// processor the library picks up by itself when the page has it (window.markdownit). Used by
// UserTextInCardsTests to see whether text that users typed turns into links or other markup.
//
//   node render-markdown.mjs <cards.json>
//
// Input: [{ "name": "...", "card": { ... } }, ...]
// Output (stdout, one JSON document): [{ name, blocks: [{ text, html }] }, ...]
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import path from "node:path";
import process from "node:process";

const repositoryRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../..");
const require = createRequire(path.join(repositoryRoot, "package.json"));
const AC = require("adaptivecards/dist/adaptivecards.js");

// What a page that loads markdown-it next to adaptivecards has; no DOM is needed for this step.
globalThis.window = globalThis;
globalThis.markdownit = require("markdown-it");

function texts(value, found) {
  if (Array.isArray(value)) {
    value.forEach(item => texts(item, found));
  } else if (value && typeof value === "object") {
    if (value.type === "TextBlock" && typeof value.text === "string") {
      found.push(value.text);
    }
    if (value.type === "FactSet" && Array.isArray(value.facts)) {
      for (const fact of value.facts) {
        found.push(fact.title ?? "", fact.value ?? "");
      }
    }
    Object.values(value).forEach(item => texts(item, found));
  }
  return found;
}

const [inputPath] = process.argv.slice(2);
if (!inputPath) {
  console.error("usage: node render-markdown.mjs <cards.json>");
  process.exit(2);
}

const results = JSON.parse(readFileSync(inputPath, "utf8")).map(({ name, card }) => ({
  name,
  blocks: texts(card, []).map(text => {
    const result = AC.AdaptiveCard.applyMarkdown(text);
    if (!result.didProcess) {
      throw new Error("The reference renderer found no Markdown processor.");
    }
    return { text, html: result.outputHtml };
  }),
}));
process.stdout.write(JSON.stringify(results));
