#!/usr/bin/env node
// Draws SofSBot's Teams icons into manifest/: color.png (192×192, white symbol on the accent
// colour) and outline.png (32×32, white on transparent), as the Teams manifest requires.
// The symbol: a house (safety) holding three rising bars (the team's 0–10 ratings).
// Run it again only to change the design; the PNGs are committed.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { encodePng } from "./lib/png.mjs";

const manifestDir = join(dirname(fileURLToPath(import.meta.url)), "..", "manifest");
const ACCENT = [0x2e, 0x6b, 0x5e]; // manifest.json accentColor #2E6B5E
const SAMPLES = 4; // 4×4 samples per pixel for smooth edges

// The symbol in a unit square: the house as a closed outline, the bars as filled rectangles.
const house = [[0.2, 0.86], [0.2, 0.47], [0.5, 0.17], [0.8, 0.47], [0.8, 0.86]];
const bars = [
  { x: 0.32, width: 0.09, top: 0.66 },
  { x: 0.455, width: 0.09, top: 0.56 },
  { x: 0.59, width: 0.09, top: 0.46 },
].map((bar) => ({ ...bar, bottom: 0.76 }));

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function inSymbol(x, y, stroke) {
  for (let i = 0; i < house.length; i++) {
    if (distanceToSegment(x, y, house[i], house[(i + 1) % house.length]) <= stroke / 2) {
      return true;
    }
  }
  return bars.some((bar) => x >= bar.x && x <= bar.x + bar.width && y >= bar.top && y <= bar.bottom);
}

/** Coverage 0..1 of each pixel by the symbol drawn into [margin, 1 - margin] of the image. */
function coverage(size, margin, stroke) {
  const result = new Float64Array(size * size);
  const scale = 1 - 2 * margin;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = ((px + (sx + 0.5) / SAMPLES) / size - margin) / scale;
          const y = ((py + (sy + 0.5) / SAMPLES) / size - margin) / scale;
          if (inSymbol(x, y, stroke)) hits++;
        }
      }
      result[py * size + px] = hits / (SAMPLES * SAMPLES);
    }
  }
  return result;
}

function colorIcon() {
  const size = 192;
  const cover = coverage(size, 0.16, 0.07);
  const rgba = new Uint8Array(size * size * 4);
  cover.forEach((c, i) => {
    for (let channel = 0; channel < 3; channel++) {
      rgba[i * 4 + channel] = Math.round(ACCENT[channel] + (255 - ACCENT[channel]) * c);
    }
    rgba[i * 4 + 3] = 255;
  });
  return encodePng(size, size, rgba);
}

function outlineIcon() {
  const size = 32;
  const cover = coverage(size, 0.02, 0.09);
  const rgba = new Uint8Array(size * size * 4);
  cover.forEach((c, i) => {
    const alpha = Math.round(255 * c);
    // White where drawn; fully transparent (0,0,0,0) elsewhere.
    rgba.set(alpha > 0 ? [255, 255, 255, alpha] : [0, 0, 0, 0], i * 4);
  });
  return encodePng(size, size, rgba);
}

writeFileSync(join(manifestDir, "color.png"), colorIcon());
writeFileSync(join(manifestDir, "outline.png"), outlineIcon());
console.log(`Wrote ${join(manifestDir, "color.png")} and ${join(manifestDir, "outline.png")}.`);
