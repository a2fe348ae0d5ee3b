// "Mentioned in" is for following links on screen (issue 15, part 3): in
// print, neither the list of what mentions a page nor an item's
// "Mentioned in:" line is shown, and the page still has its content.

/** Opens `url` as printed; returns what shows of the lists. */
export async function printedPageHasNoBacklinks(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(url);
    const onScreen = await page.locator(".referenced-by").count();
    if (!onScreen) throw new Error(`${url} has no Mentioned in list to hide, so this check could not fail`);
    if (!(await page.locator(".referenced-by").first().isVisible())) throw new Error("Mentioned in is hidden on screen");
    await page.emulateMedia({ media: "print" });
    const shown = await page.locator(".referenced-by, .item-refs").evaluateAll(
      (els) => els.filter((e) => getComputedStyle(e).display !== "none").length,
    );
    if (shown) throw new Error(`${shown} backlink lists print on ${url}`);
    const text = await page.locator("main").innerText();
    if (text.includes("Mentioned in")) throw new Error("printed text still says Mentioned in");
    return `${onScreen} list(s) on screen, none in print`;
  } finally {
    await context.close();
  }
}
