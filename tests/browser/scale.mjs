// Issue 15 parts 1 and 2 on the example: the home page's counts with the
// "as at" date visible beside them, the lists that follow them, and every
// page under 1 MB. `scalePages` are the pages the scale work added, checked
// with the other page types by axe and at 320 px.
import fs from "node:fs";
import path from "node:path";

export const scalePages = [
  "timeline/2021/index.html",
  "changes/2022-11-16-cypssc/index.html",
  "status/red/index.html",
  "status/overdue/index.html",
];

/** The counts and the "as at" date are shown together at the top. */
export async function countsBesideAsAt(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(base + "index.html");
  const heading = page.locator("#glance-h");
  const text = (await heading.innerText()).trim();
  if (text !== "At a glance, as at 30 June 2023") throw new Error(`the heading reads ${JSON.stringify(text)}`);
  const h = await heading.boundingBox();
  if (!h || h.width < 100 || h.height < 10) throw new Error(`the "as at" date is not visible: ${JSON.stringify(h)}`);
  const counts = await page.locator(".glance-list li").allInnerTexts();
  const words = counts.map((c) => c.replace(/\s+/g, " ").trim());
  for (const want of ["2 Off track", "9 At risk", "4 Overdue actions"]) {
    if (!words.includes(want)) throw new Error(`no count ${want}: ${JSON.stringify(words)}`);
  }
  const list = await page.locator(".glance-list").boundingBox();
  if (!list || list.y - (h.y + h.height) > 60) throw new Error(`the date is not beside the counts: ${JSON.stringify({ h, list })}`);
  // Off track and overdue come straight after the counts, before the introduction.
  const order = await page.evaluate(() => {
    const at = (sel) => [...document.querySelectorAll("main *")].indexOf(document.querySelector(sel));
    return [at("#glance-h"), at("#attention-h"), at("#overdue-h"), at("main .prose")];
  });
  if (!(order[0] < order[1] && order[1] < order[2] && order[2] < order[3])) throw new Error(`order: ${order}`);
  const rows = await page.locator("#attention-h ~ .table-wrap tbody tr").count();
  await context.close();
  return `${text}; ${words.join(", ")}; ${rows} off track or at risk listed`;
}

/** No HTML page of the built site reaches 1 MB. */
export function pagesUnderAMegabyte(out) {
  let largest = ["", 0];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".html")) {
        const size = fs.statSync(p).size;
        if (size > largest[1]) largest = [path.relative(out, p), size];
      }
    }
  };
  walk(out);
  if (largest[1] >= 1 << 20) throw new Error(`${largest[0]} is ${largest[1]} bytes`);
  return `largest: ${largest[0]}, ${(largest[1] / 1024).toFixed(1)} KB`;
}
