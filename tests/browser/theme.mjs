// Issue 15's colours, phone and paper checks, as a member meets them:
// - each status tag's text has at least 4.5:1 contrast on its own fill, read
//   from the styles Chromium computed, for all five statuses;
// - at 320 px the status of every overdue action is inside the viewport on
//   the home page and the plan page;
// - the plan prints (Chromium's print-to-PDF, A4) in at most 4 pages, with
//   no "Referenced by" and no stray ". ." left by links removed for print.

/** Contrast of two computed `rgb(...)` colours, as WCAG defines it. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map((x) => {
      const v = Number(x) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** Every status tag on `urls` reads at 4.5:1 or more; all five are seen. */
export async function statusTagContrast(browser, urls) {
  const context = await browser.newContext();
  const seen = new Map();
  const low = [];
  for (const url of urls) {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "load" });
    const tags = await page.$$eval(".tag", (els) =>
      els.map((e) => {
        const s = getComputedStyle(e);
        return { rag: [...e.classList].find((c) => c.startsWith("tag-")), text: e.textContent.trim(), fg: s.color, bg: s.backgroundColor };
      }),
    );
    for (const t of tags) {
      if (/rgba\(.*, 0\)$/.test(t.bg)) {
        low.push(`${url}: the ${t.rag} tag "${t.text}" has no fill`);
        continue;
      }
      const ratio = contrast(t.fg, t.bg);
      if (!seen.has(t.rag)) seen.set(t.rag, `${t.text} ${ratio.toFixed(2)}:1`);
      if (ratio < 4.5) low.push(`${url}: ${t.rag} "${t.text}" ${t.fg} on ${t.bg} is ${ratio.toFixed(2)}:1`);
    }
    await page.close();
  }
  await context.close();
  for (const rag of ["tag-red", "tag-amber", "tag-green", "tag-blue", "tag-grey"]) {
    if (!seen.has(rag)) low.push(`no ${rag} tag on ${urls.join(", ")}`);
  }
  if (low.length) throw new Error(low.join("\n"));
  return [...seen.values()].join("; ");
}

/** At 320 px, each overdue action's status cell is inside the viewport. */
export async function overdueStatusOnScreen(browser, base, planUrl) {
  const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
  const found = [];
  let checked = 0;
  for (const [url, rows] of [
    ["index.html", "#overdue-h ~ .table-wrap tbody tr"],
    [planUrl, "main table tbody tr:has(.overdue)"],
  ]) {
    const page = await context.newPage();
    await page.goto(base + url, { waitUntil: "load" });
    const cells = await page.$$eval(rows, (trs) =>
      trs.map((tr) => {
        // The cell under the "Status" heading, however the table is laid out.
        const heads = [...tr.closest("table").querySelectorAll("thead th")];
        const td = tr.children[heads.findIndex((th) => th.textContent.trim() === "Status")];
        const r = td?.getBoundingClientRect();
        return { action: tr.querySelector("a")?.textContent.trim(), left: r?.left, right: r?.right, width: document.documentElement.clientWidth };
      }),
    );
    if (!cells.length) found.push(`${url}: no overdue action found with ${rows}`);
    for (const c of cells) {
      checked += 1;
      if (c.left === undefined) found.push(`${url}: ${c.action} has no status cell`);
      else if (c.left < 0 || c.right > c.width + 1) found.push(`${url}: ${c.action}'s status is at ${Math.round(c.left)}–${Math.round(c.right)} px of ${c.width}`);
    }
    await page.close();
  }
  await context.close();
  if (found.length) throw new Error(found.join("\n"));
  return `${checked} overdue actions`;
}

/** The plan prints in at most `most` A4 pages, with nothing about links. */
export async function planPrintsShort(browser, base, planUrl, most = 4) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + planUrl, { waitUntil: "load" });
  const pdf = (await page.pdf({ format: "A4" })).toString("latin1");
  const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) || []).length;
  await page.emulateMedia({ media: "print" });
  const printed = await page.evaluate(() => document.body.innerText);
  const shown = await page.$$eval(".referenced-by, .item-refs", (els) => els.filter((e) => e.offsetParent !== null).length);
  await context.close();
  const problems = [];
  if (pages > most) problems.push(`${pages} pages`);
  if (shown) problems.push(`${shown} "Referenced by" lists print`);
  if (/\.\s*\.\s*\./.test(printed.replace(/\.\.\./g, ""))) problems.push(`a stray ". . ." prints: ${printed.match(/.{0,40}\.\s*\.\s*\..{0,10}/)?.[0]}`);
  if (problems.length) throw new Error(problems.join("\n"));
  return `${pages} pages`;
}
