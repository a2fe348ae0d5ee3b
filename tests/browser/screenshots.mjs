// Screenshots of the key pages of the example site at 1280 and 320 px wide,
// for review. Run: npm run screenshots --prefix tests/browser
// Writes screenshots/<page>-<width>.png at the top of the repository.
import fs from "node:fs";
import path from "node:path";
import { binary, buildSite, launch, repo, serve } from "./site.mjs";

const { dir, out } = buildSite(binary());
const { server, base } = await serve(out);
const browser = await launch();
const data = JSON.parse(fs.readFileSync(path.join(out, "data", "site.json"), "utf8"));
const plan = data.documents.find((d) => d.kind === "plan");
const inspection = data.documents.filter((d) => d.kind === "inspection").at(-1);
const pages = {
  home: "index.html",
  plan: plan.url,
  action: plan.actions.find((a) => a.status.rag === "red")?.url ?? plan.actions[0].url,
  timeline: "timeline/index.html",
  inspection: inspection.url,
  status: "status/index.html",
  search: "search/index.html?q=caseloads",
};
const target = path.join(repo, "screenshots");
fs.mkdirSync(target, { recursive: true });
for (const width of [1280, 320]) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  for (const [name, url] of Object.entries(pages)) {
    const page = await context.newPage();
    await page.goto(base + url, { waitUntil: "load" });
    if (name === "search") await page.locator("#search-results li").first().waitFor({ timeout: 10000 });
    const file = path.join(target, `${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`wrote ${path.relative(repo, file)}`);
    await page.close();
  }
  await context.close();
}
await browser.close();
server.close();
fs.rmSync(dir, { recursive: true, force: true });

