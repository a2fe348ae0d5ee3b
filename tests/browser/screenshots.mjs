// Screenshots of the key pages of a built site for review: each at 1280 and
// 320 px wide (full page), and in print (Chromium's print-to-PDF on A4, and a
// PNG of its first page), and under simulated deuteranopia and protanopia.
// Not part of `npm test`.
//
// Run: node tests/browser/screenshots.mjs FOLDER [CONTENT]
//   FOLDER   where the pictures go (made if missing)
//   CONTENT  the content folder to build (default: the example, content/)
// $OVERSIGHT_BIN picks the binary (default: a fresh debug build), so the same
// script takes "before" pictures from another build.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { binary, buildSite, launch, repo, serve } from "./site.mjs";

const [target, content = path.join(repo, "content")] = process.argv.slice(2);
if (!target) {
  console.error("usage: node tests/browser/screenshots.mjs FOLDER [CONTENT]");
  process.exit(2);
}
const { dir, out } = buildSite(binary(), path.resolve(content));
const { server, base } = await serve(out);
const browser = await launch();
const data = JSON.parse(fs.readFileSync(path.join(out, "data", "site.json"), "utf8"));
const all = (kind) => data.documents.filter((d) => d.kind === kind);
const plan = all("plan").at(-1);
const pages = {
  home: "index.html",
  plan: plan?.url,
  action: plan?.actions.find((a) => a.status?.rag === "red")?.url ?? plan?.actions[0]?.url,
  inspection: all("inspection").at(-1)?.url,
  meetings: "meetings/index.html",
  meeting: all("meeting").at(-1)?.url,
  recommendations: "recommendations/index.html",
  timeline: "timeline/index.html",
  status: "status/index.html",
  risks: "risks/index.html",
  indicator: all("indicator")[0]?.url,
};
fs.mkdirSync(target, { recursive: true });
const wrote = (file) => console.log(`wrote ${file}`);
const exists = (url) => url && fs.existsSync(path.join(out, url));

for (const width of [1280, 320]) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  for (const [name, url] of Object.entries(pages)) {
    if (!exists(url)) continue;
    const page = await context.newPage();
    await page.goto(base + url, { waitUntil: "load" });
    const file = path.join(target, `${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    wrote(file);
    await page.close();
  }
  await context.close();
}

// The five statuses as members with red-green colour blindness see them:
// Chromium's own simulation, on the pages with most status tags and bars.
for (const type of ["deuteranopia", "protanopia"]) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  for (const name of ["home", "plan", "status"]) {
    if (!exists(pages[name])) continue;
    const page = await context.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setEmulatedVisionDeficiency", { type });
    await page.goto(base + pages[name], { waitUntil: "load" });
    const file = path.join(target, `${name}-${type}.png`);
    await page.screenshot({ path: file, fullPage: name !== "status" });
    wrote(file);
    await page.close();
  }
  await context.close();
}

// Print: Chromium's print-to-PDF (page.pdf uses print media), then its page
// count and a PNG of page 1 with pdftoppm when poppler is installed.
const context = await browser.newContext();
for (const [name, url] of Object.entries(pages)) {
  if (!exists(url)) continue;
  const page = await context.newPage();
  await page.goto(base + url, { waitUntil: "load" });
  const file = path.join(target, `${name}-print.pdf`);
  await page.pdf({ path: file, format: "A4" });
  const pdf = fs.readFileSync(file, "latin1");
  const count = (pdf.match(/\/Type\s*\/Page[^s]/g) || []).length;
  console.log(`wrote ${file} (${count} page${count === 1 ? "" : "s"})`);
  try {
    execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", file, file.replace(/\.pdf$/, "-1")]);
    wrote(file.replace(/\.pdf$/, "-1.png"));
  } catch {
    console.log("pdftoppm not found: no PNG of the first printed page");
  }
  await page.close();
}
await context.close();
await browser.close();
server.close();
fs.rmSync(dir, { recursive: true, force: true });
