// The recommendations tracker and search, as a member reads them: every
// recommendation of the record is a row, labelled in words, never by its
// id; a search result names the document an item comes from.
import fs from "node:fs";
import path from "node:path";

/** Every recommendation and priority action in `data/site.json`, with its document. */
function recommendations(out) {
  const data = JSON.parse(fs.readFileSync(path.join(out, "data", "site.json"), "utf8"));
  const found = [];
  for (const d of data.documents) {
    for (const key of ["recommendations", "priority_actions"]) {
      if (d.kind === "plan") continue;
      for (const r of d[key] || []) found.push({ doc: d.id, id: r.id });
    }
  }
  return found;
}

export async function trackerRowsInWords(browser, base, out) {
  const all = recommendations(out);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + "recommendations/index.html");
  const rows = await page.locator("table.tracker tbody tr:not(.tracker-source)").count();
  if (rows !== all.length) throw new Error(`${rows} rows for ${all.length} recommendations`);
  const labels = await page.locator("table.tracker tbody td:first-child > a").allTextContents();
  const ids = new Set(all.map((r) => r.id));
  const asIds = labels.filter((l) => ids.has(l.trim()));
  if (asIds.length) throw new Error(`labelled by id: ${asIds.join(", ")}`);
  // Each row says what answers it: a status and progress, or "None".
  const actions = await page.locator("table.tracker tbody td[data-label='Actions']").allTextContents();
  const silent = actions.filter((t) => !/complete|None/.test(t));
  if (silent.length) throw new Error(`rows that say nothing of their actions: ${silent.length}`);
  await context.close();
  return `${rows} rows, first labelled "${labels[0]}"`;
}

export async function searchNamesTheSource(browser, base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + "search/index.html");
  await page.locator("#search-q").pressSequentially("strategy discussions", { delay: 20 });
  await page.locator("#search-results .search-count", { hasText: "“strategy discussions”" }).waitFor({ timeout: 10000 });
  const titles = await page.locator("#search-results li a").allTextContents();
  const item = titles.find((t) => /inspection, improvement \d+/.test(t));
  if (!item) throw new Error(`no result names its inspection: ${titles.slice(0, 5).join(" | ")}`);
  const slug = titles.find((t) => /^\s*[a-z0-9]+(-[a-z0-9]+)+\b/.test(t));
  if (slug) throw new Error(`a result starts with an id: ${slug}`);
  await context.close();
  return item.trim().slice(0, 60);
}
