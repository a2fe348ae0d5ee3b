// The example site in a real browser (Debian's Chromium, headless), served
// under a sub-path and opened from file://. Run: npm test --prefix tests/browser
//
// - every internal link followed from the home page reaches a page, with no
//   console error and no failed request;
// - search returns known results as a query is typed;
// - a keyboard user reaches the main content through the skip link;
// - `oversight serve` reloads an open page after an edit;
// - axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation on any page type;
// - nothing overflows at 320 px (the reflow test for 400 % zoom);
// - every page passes the Nu Html Checker;
// - each hostile drawing, XML and XHTML file of issue 13 runs script when
//   opened as it is, oversight refuses every one (and its preview runs
//   none), and an allowed drawing it copies runs nothing (files.mjs).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { binary, buildSite, launch, pageTypes, preview, repo, serve } from "./site.mjs";
import { allowedDrawingRunsNothing, casesRunAsTheyAre, oversightRefusesThem } from "./files.mjs";
import { printedPageHasNoBacklinks } from "./labels.mjs";
import { countsBesideAsAt, pagesUnderAMegabyte, scalePages } from "./scale.mjs";
import { overdueStatusOnScreen, planPrintsShort, statusTagContrast } from "./theme.mjs";
import { searchNamesTheSource, trackerRowsInWords } from "./tracker.mjs";

const require = createRequire(import.meta.url);
let failures = 0;
let count = 0;
async function check(name, fn) {
  count += 1;
  const started = Date.now();
  try {
    const detail = await fn();
    console.log(`ok ${count} ${name}${detail ? ` (${detail})` : ""} ${Date.now() - started} ms`);
  } catch (e) {
    failures += 1;
    console.log(`not ok ${count} ${name}\n  ${String(e.stack || e).split("\n").join("\n  ")}`);
  }
}

const bin = binary();
const { dir, out } = buildSite(bin);
const { server, base } = await serve(out);
const fileBase = pathToFileURL(out + path.sep).href;
const browser = await launch();
const types = pageTypes(out);

// The version 2 fixtures show what the example cannot: attachments (the
// example has no real PDFs) and a risk's history. Their pages are checked
// with the example's for accessibility and for fitting 320 px.
const fixturePages = [
  ["attachments", ["meetings/2024-03-05-cypssc/index.html", "meetings/2024-03-05-cypssc/report/index.html", "visits/2024-01-monitoring/index.html"]],
  ["risk-history", ["index.html", "risks/index.html", "status/index.html"]],
];
const fixtureSites = [];
const targets = [...types, ...scalePages].map((t) => ({ label: t, url: () => base + t }));
for (const [name, pages] of fixturePages) {
  const built = buildSite(bin, path.join(repo, "tests", "fixtures", name));
  const served = await serve(built.out);
  fixtureSites.push({ ...built, ...served });
  for (const p of pages) targets.push({ label: `${name}: ${p}`, url: () => served.base + p });
}

/** Opens a page and records its console errors and failed requests. */
async function visit(context, url) {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => r.status() >= 400 && !r.url().endsWith("/missing/") && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  const response = await page.goto(url, { waitUntil: "load" });
  return { page, problems, response };
}

/** Follows every internal link from the home page; returns the pages reached. */
async function crawl(root) {
  const context = await browser.newContext();
  const seen = new Set();
  const queue = [root + "index.html"];
  const problems = [];
  while (queue.length) {
    const url = queue.shift();
    if (seen.has(url)) continue;
    seen.add(url);
    const { page, problems: p, response } = await visit(context, url);
    problems.push(...p.map((x) => `${url}: ${x}`));
    // Over HTTP every page reached must be served as found, not redirected or missing.
    if (url.startsWith("http") && response?.status() !== 200) problems.push(`${url}: HTTP ${response?.status()}`);
    const links = await page.$$eval("a[href]", (as) => as.map((a) => a.href));
    for (const link of links) {
      const clean = link.split("#")[0].split("?")[0];
      if (clean.startsWith(root) && /\.html$/.test(clean) && !seen.has(clean)) queue.push(clean);
    }
    await page.close();
  }
  await context.close();
  if (problems.length) throw new Error(problems.join("\n"));
  return seen.size;
}

// Every page the build wrote, but the page-not-found page, is reached by links from home.
const written = execFileSync("find", [out, "-name", "*.html", "!", "-name", "404.html"]).toString().trim().split("\n").length;

await check("every page reached from home under a sub-path loads cleanly", async () => {
  const n = await crawl(base);
  if (n !== written) throw new Error(`${n} pages reached of the ${written} written`);
  return `${n} pages`;
});

await check("every page reached from home opened from file:// loads cleanly", async () => {
  const n = await crawl(fileBase);
  if (n !== written) throw new Error(`${n} pages reached of the ${written} written`);
  return `${n} pages`;
});

await check("a missing address shows the styled page-not-found page", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const r = await page.goto(base + "missing/");
  if (r.status() !== 404) throw new Error(`status ${r.status()}`);
  if (!(await page.textContent("h1")).includes("Page not found")) throw new Error("no heading");
  await context.close();
});

for (const [mode, root] of [["a sub-path", base], ["file://", fileBase]]) {
  await check(`search finds known results as a query is typed (${mode})`, async () => {
    const context = await browser.newContext();
    const { page, problems } = await visit(context, root + "search/index.html");
    await page.locator("#search-q").pressSequentially("caseloa", { delay: 30 });
    // Results for the whole query, not for a word still being typed.
    await page.locator("#search-results .search-count", { hasText: "“caseloa”" }).waitFor({ timeout: 10000 });
    const first = page.locator("#search-results li a").first();
    const text = await first.textContent();
    if (!text.includes("P2.5")) throw new Error(`first result: ${text}`);
    if (await page.locator("#search-all").isVisible()) throw new Error("the full listing still shows");
    if (problems.length) throw new Error(problems.join("\n"));
    await context.close();
    return text.trim().slice(0, 40);
  });
}

await check("each hostile file of issue 13 runs script when opened as it is (so the next check can fail)", () => casesRunAsTheyAre(browser));
await check("oversight refuses each of them, and its preview of them runs no script", () => oversightRefusesThem(browser, bin));
await check("an allowed drawing is copied as it is and runs no script", () => allowedDrawingRunsNothing(browser, bin));

await check("a keyboard user reaches the main content through the skip link", async () => {
  const context = await browser.newContext();
  const { page } = await visit(context, base + "plans/index.html");
  await page.keyboard.press("Tab");
  const first = await page.evaluate(() => [document.activeElement.className, document.activeElement.textContent]);
  if (first[0] !== "skip-link" || !/Skip to main content/.test(first[1])) throw new Error(`first Tab reached ${first}`);
  if (!(await page.locator(".skip-link").isVisible())) throw new Error("the focused skip link is not visible");
  await page.keyboard.press("Enter");
  const now = await page.evaluate(() => document.activeElement.id);
  if (now !== "main") throw new Error(`focus went to #${now}`);
  await context.close();
});

await check("oversight serve reloads an open page after an edit", async () => {
  const content = path.join(dir, "content");
  fs.cpSync(path.join(repo, "content"), content, { recursive: true });
  const { child, url } = await preview(bin, content);
  try {
    const context = await browser.newContext();
    // The page hears of a reload only once its event stream is open: a
    // save before that (the preview answers in some 10 ms) is not a miss.
    await context.addInitScript(() => {
      const Source = window.EventSource;
      window.EventSource = class extends Source {
        constructor(...args) {
          super(...args);
          this.addEventListener("open", () => { window.oversightReloadOpen = true; });
        }
      };
    });
    const page = await context.newPage();
    await page.goto(url + "about/index.html");
    await page.waitForFunction(() => window.oversightReloadOpen === true, null, { timeout: 15000 });
    const file = path.join(content, "about.md");
    const saved = Date.now();
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/^title: .*$/m, "title: Reloaded by the browser test"));
    await page.waitForFunction(() => document.querySelector("h1")?.textContent.includes("Reloaded by the browser test"), null, { timeout: 15000 });
    const took = Date.now() - saved;
    await context.close();
    return `reloaded ${took} ms after the save`;
  } finally {
    child.kill();
  }
});

const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
await check("axe-core finds no WCAG 2.2 A or AA violation on any page type", async () => {
  const context = await browser.newContext();
  const found = [];
  for (const { label: t, url } of targets) {
    const { page } = await visit(context, url());
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(() =>
      window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] } }),
    );
    if (result.passes.length < 10) found.push(`${t}: axe checked almost nothing (${result.passes.length} rules passed)`);
    for (const v of result.violations) {
      found.push(`${t}: ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n    ")}`);
    }
    await page.close();
  }
  await context.close();
  if (found.length) throw new Error(found.join("\n"));
  return `${targets.length} pages: one of each type, the paged whole-site pages and the v2 fixtures'`;
});

await check("nothing overflows at 320 px wide (400 % zoom)", async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
  const found = [];
  for (const { label: t, url } of targets) {
    const { page } = await visit(context, url());
    const wide = await page.evaluate(() => {
      const w = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth <= w + 1) return null;
      const culprits = [...document.querySelectorAll("body *")]
        .filter((e) => e.getBoundingClientRect().right > w + 1 && !e.closest(".table-wrap"))
        .slice(0, 3)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`);
      return `${document.documentElement.scrollWidth} px: ${culprits.join(", ")}`;
    });
    if (wide) found.push(`${t}: ${wide}`);
    await page.close();
  }
  await context.close();
  if (found.length) throw new Error(found.join("\n"));
  return `${targets.length} pages: one of each type, the paged whole-site pages and the v2 fixtures'`;
});

await check("every page passes the Nu Html Checker", async () => {
  const jar = path.join(path.dirname(require.resolve("vnu-jar")), "build", "dist", "vnu.jar");
  let report = "";
  try {
    execFileSync("java", ["-jar", jar, "--errors-only", "--format", "json", "--skip-non-html", out, ...fixtureSites.map((f) => f.out)], { stdio: "pipe" });
  } catch (e) {
    report = String(e.stderr);
  }
  if (report.trim()) {
    const messages = JSON.parse(report).messages.filter((m) => m.type === "error");
    if (messages.length) {
      throw new Error(messages.slice(0, 30).map((m) => `${m.url.replace(pathToFileURL(out).href, "")}:${m.lastLine}: ${m.message}`).join("\n"));
    }
  }
  const count = (dir) => execFileSync("find", [dir, "-name", "*.html"]).toString().trim().split("\n").length;
  const extra = fixtureSites.reduce((n, f) => n + count(f.out), 0);
  return `${count(out)} pages of the example and ${extra} of the v2 fixtures`;
});

await check("a printed plan has no Mentioned in list", () => printedPageHasNoBacklinks(browser, base + "plans/practice-improvement/index.html"));
await check("the home page shows its counts with the date they are as at, then what is off track", () => countsBesideAsAt(browser, base));
await check("every page of the example is under 1 MB", () => pagesUnderAMegabyte(out));
const planUrl = JSON.parse(fs.readFileSync(path.join(out, "data", "site.json"), "utf8")).documents.find((d) => d.kind === "plan").url;
await check("each status tag's text has 4.5:1 contrast on its fill (all five statuses)", () => statusTagContrast(browser, [base + "status/index.html", base + planUrl]));
await check("at 320 px the status of every overdue action is on screen (home and plan)", () => overdueStatusOnScreen(browser, base, planUrl));
await check("the plan prints on at most 4 A4 pages, with no backlinks or stray full stops", () => planPrintsShort(browser, base, planUrl));
await check("the tracker has a row per recommendation, labelled in words, each saying what answers it", () => trackerRowsInWords(browser, base, out));
await check("search names the document an item comes from, never its id", () => searchNamesTheSource(browser, base));

await browser.close();
server.close();
fs.rmSync(dir, { recursive: true, force: true });
for (const f of fixtureSites) {
  f.server.close();
  fs.rmSync(f.dir, { recursive: true, force: true });
}
console.log(failures ? `# ${failures} of ${count} failed` : `# all ${count} passed`);
process.exit(failures ? 1 : 0);
