// Renders card samples with the adaptivecards renderer in headless Chromium and screenshots each.
//
//   node scripts/cards/render-cards.mjs <samples dir> <png dir> <gallery markdown file>
//
// <samples dir> holds samples.json ([{ name, description }]) and <name>.json per card, as written by
// CardValidityTests with SOFSBOT_CARD_SAMPLES_DIR. No network: the page is built from local files
// and every request from it is refused.
import { createRequire } from "node:module";
import { readFileSync, writeFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import process from "node:process";

const here = path.dirname(new URL(import.meta.url).pathname);
const repositoryRoot = path.resolve(here, "../..");
const require = createRequire(path.join(repositoryRoot, "package.json"));
const { chromium } = require("playwright-core");

const [samplesDir, pngDir, galleryFile] = process.argv.slice(2);
if (!samplesDir || !pngDir || !galleryFile) {
  console.error("usage: node render-cards.mjs <samples dir> <png dir> <gallery markdown file>");
  process.exit(2);
}

const CardWidth = 560;
const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const adaptiveCardsJs = readFileSync(require.resolve("adaptivecards/dist/adaptivecards.min.js"), "utf8");
const hostConfig = JSON.parse(readFileSync(path.join(here, "teams-light-host-config.json"), "utf8"));
delete hostConfig.$comment;

// Teams renders a small Markdown subset in text; the library needs a processor for it. This covers
// what our texts use (bold, italic, links) without loading markdown-it. Runs in the page.
function installMarkdown() {
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    result.outputHtml = "<p>" + escaped
      .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
      .replace(/(^|\W)_(.+?)_(?=\W|$)/g, "$1<em>$2</em>")
      .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>')
      .replace(/\n/g, "<br>") + "</p>";
    result.didProcess = true;
  };
}

const page = `<!doctype html>
<html><head><meta charset="utf-8">
<style>
  body { margin: 0; padding: 16px; background: #F5F5F5; font-family: 'Segoe UI', sans-serif; }
  .message { width: ${CardWidth}px; background: #FFFFFF; border: 1px solid #E0E0E0; border-radius: 6px;
             box-shadow: 0 1px 2px rgba(0,0,0,0.12); overflow: hidden; }
  .ac-pushButton { font-family: inherit; font-size: 14px; font-weight: 600; color: #242424; background: #FFFFFF;
                   border: 1px solid #D1D1D1; border-radius: 4px; padding: 5px 12px; min-height: 32px; cursor: pointer; }
  .ac-pushButton.style-positive { background: #5B5FC7; border-color: #5B5FC7; color: #FFFFFF; }
  .ac-pushButton.style-destructive { color: #C4314B; border-color: #C4314B; }
  .ac-input { font-family: inherit; font-size: 14px; }
  .ac-input input, .ac-input select, .ac-input textarea, input.ac-input, select.ac-input, textarea.ac-input {
    font-family: inherit; font-size: 14px; border: 1px solid #D1D1D1; border-radius: 4px; padding: 4px 8px; background: #FFFFFF; }
</style>
<script>${adaptiveCardsJs}</script>
<script>(${installMarkdown.toString()})();</script>
</head><body><div id="stage"></div></body></html>`;

const samples = JSON.parse(readFileSync(path.join(samplesDir, "samples.json"), "utf8"));
mkdirSync(pngDir, { recursive: true });
for (const old of readdirSync(pngDir).filter(file => file.endsWith(".png"))) {
  rmSync(path.join(pngDir, old));
}

const problems = [];
// One browser per language: date and time inputs follow the browser's own language (LANG on Linux).
for (const locale of ["sv-SE", "en-GB"]) {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", `--lang=${locale}`],
    env: { ...process.env, LANG: `${locale.replace("-", "_")}.UTF-8`, LANGUAGE: locale.replace("-", "_") },
  });
  try {
    const context = await browser.newContext({ locale, viewport: { width: CardWidth + 64, height: 800 }, deviceScaleFactor: 1 });
    await context.route("**/*", route => route.abort());
    const tab = await context.newPage();
    tab.on("pageerror", error => problems.push(`page error: ${error.message}`));
    await tab.setContent(page, { waitUntil: "load" });

    for (const sample of samples.filter(s => localeOf(s.name) === locale)) {
      const card = JSON.parse(readFileSync(path.join(samplesDir, `${sample.name}.json`), "utf8"));
      const rendered = await tab.evaluate(({ card, hostConfig }) => {
        const stage = document.getElementById("stage");
        stage.innerHTML = "";
        const message = document.createElement("div");
        message.className = "message";
        const adaptiveCard = new AdaptiveCards.AdaptiveCard();
        adaptiveCard.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
        adaptiveCard.parse(card);
        const element = adaptiveCard.render();
        if (!element) {
          return false;
        }
        message.appendChild(element);
        stage.appendChild(message);
        return true;
      }, { card, hostConfig });
      if (!rendered) {
        problems.push(`${sample.name}: the renderer produced nothing`);
        continue;
      }
      await tab.locator("#stage .message").screenshot({ path: path.join(pngDir, `${sample.name}.png`), animations: "disabled" });
      console.log(`  ${sample.name}.png`);
    }
    await context.close();
  } finally {
    await browser.close();
  }
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}

// A sample named ...-en is English; everything else is Swedish, the bot's default.
function localeOf(name) {
  return name.endsWith("-en") ? "en-GB" : "sv-SE";
}

const imagesRelative = path.relative(path.dirname(galleryFile), pngDir).split(path.sep).join("/");
const gallery = [
  "# SofSBot's cards",
  "",
  "Every card the bot sends, in representative states, as rendered by the Adaptive Cards reference",
  "renderer (npm `adaptivecards`) in headless Chromium with a Teams-like light theme. Teams draws",
  "the same cards with its own fonts and controls, so details differ.",
  "",
  "Generated by `scripts/card-screenshots.sh` from the card samples in `tests/SofSBot.Tests/Cards/`",
  "(the same samples `CardValidityTests` checks with the reference parser). Do not edit by hand.",
  "",
  ...samples.flatMap(sample => [
    `## ${sample.name}`,
    "",
    sample.description,
    "",
    `![${sample.name}](${imagesRelative}/${sample.name}.png)`,
    "",
  ]),
].join("\n");
writeFileSync(galleryFile, gallery);
console.log(`${samples.length} cards rendered; gallery written to ${path.relative(repositoryRoot, galleryFile)}`);
