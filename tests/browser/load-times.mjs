// Prints the five largest HTML pages of each built site and how long
// Chromium takes to load each from file:// (to the load event; the median
// of three). Build the sites first: `cargo bench --bench page_sizes`
// leaves them in target/bench-sites/<name>/output. Run:
//   node tests/browser/load-times.mjs [OUTPUT_DIR...]
// It prints; it asserts nothing (timings depend on the machine).
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { launch, repo } from "./site.mjs";

const sites = process.argv.slice(2);
if (!sites.length) {
  for (const name of ["example", "1000", "10000"]) {
    const out = path.join(repo, "target", "bench-sites", name, "output");
    if (fs.existsSync(out)) sites.push(out);
  }
}

function pages(out) {
  const found = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".html")) found.push([fs.statSync(p).size, p]);
    }
  };
  walk(out);
  return found.sort((a, b) => b[0] - a[0]);
}

const browser = await launch();
const context = await browser.newContext();
for (const out of sites) {
  const all = pages(out);
  console.log(`${out}: ${all.length} HTML pages`);
  for (const [size, file] of all.slice(0, 5)) {
    const times = [];
    for (let i = 0; i < 3; i += 1) {
      const page = await context.newPage();
      await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
      times.push(await page.evaluate(() => performance.getEntriesByType("navigation")[0].loadEventEnd));
      await page.close();
    }
    times.sort((a, b) => a - b);
    console.log(`  ${(size / 1024).toFixed(1).padStart(9)} KB  ${times[1].toFixed(0).padStart(6)} ms  ${path.relative(out, file)}`);
  }
}
await browser.close();
