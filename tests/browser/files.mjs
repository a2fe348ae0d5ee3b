// Files copied as they are (issue 13, section 1), in Chromium. First each
// hostile file is opened straight from its fixture, to show that it does
// run script there and so that the check below could fail; then oversight
// is shown to refuse every one, the preview of that folder to run none of
// them, and an allowed drawing it copies to run nothing.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { preview, repo } from "./site.mjs";

export const hostile = path.join(repo, "tests", "fixtures", "bad", "unsafe-svg-issue");
export const allowed = path.join(repo, "tests", "fixtures", "files-allowed");

/** The cases, as files of the fixture; `click` is what a member would click, `xslt` needs a browser with XSLT. */
export const cases = [
  { file: "prefixed-script.svg" },
  { file: "xhtml-script.svg" },
  { file: "utf16.svg" },
  { file: "char-ref.svg", click: "#open" },
  { file: "data.xml", xslt: true },
  { file: "styled.svg", xslt: true },
  { file: "page.xht" },
];

const types = {
  ".svg": "image/svg+xml", ".xml": "application/xml", ".xsl": "application/xslt+xml",
  ".xht": "application/xhtml+xml", ".html": "text/html; charset=utf-8",
};

/** Serves `root` at http://127.0.0.1:<port>/ with XML types (XSLT does not load from file://). */
export function serveFolder(root) {
  const server = http.createServer((req, res) => {
    const file = path.join(root, decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, base: `http://127.0.0.1:${server.address().port}/` })));
}

/**
 * A page that opens addresses and says whether script ran: the cases call
 * alert(), and a dialog is what the harness listens for. An alert holds up
 * the load event until it is dismissed, so by "load" it has been seen.
 */
export async function watcher(context) {
  const page = await context.newPage();
  let ran = false;
  page.on("dialog", async (d) => {
    ran = true;
    await d.dismiss();
  });
  /** Opens `url` (clicking `click`, if given, as a member would). */
  async function open(url, click) {
    ran = false;
    await page.goto(url, { waitUntil: "load" });
    if (click && (await page.locator(click).count())) {
      await page.click(click);
      await page.waitForTimeout(100);
    }
    const text = await page.evaluate(() => document.documentElement?.textContent ?? "");
    return { ran, text };
  }
  open.page = page;
  return open;
}

/** Whether this Chromium still runs XSLT (it is deprecated and going). */
function hasXslt(page) {
  return page.evaluate(() => typeof XSLTProcessor !== "undefined");
}

/** Each case opened as it is: every one must run, or the later checks prove nothing. */
export async function casesRunAsTheyAre(browser) {
  const { server, base } = await serveFolder(hostile);
  const context = await browser.newContext();
  const open = await watcher(context);
  const xslt = await hasXslt(open.page);
  const silent = [];
  let ran = 0;
  try {
    for (const c of cases) {
      if (c.xslt && !xslt) continue;
      const url = c.xslt ? base + c.file : pathToFileURL(path.join(hostile, c.file)).href;
      if ((await open(url, c.click)).ran) ran += 1;
      else silent.push(c.file);
    }
  } finally {
    await context.close();
    server.close();
  }
  if (silent.length) throw new Error(`these ran no script, so the harness would not see them run: ${silent.join(", ")}`);
  return `${ran} of ${cases.length} ran script${xslt ? "" : " (this Chromium has no XSLT)"}`;
}

/** oversight's preview of the folder runs none of the cases, and a build refuses every one and writes nothing. */
export async function oversightRefusesThem(browser, bin) {
  const { child, url } = await preview(bin, hostile);
  try {
    const context = await browser.newContext();
    const open = await watcher(context);
    for (const c of cases) {
      const { ran, text } = await open(url + c.file, c.click);
      if (ran) throw new Error(`the preview ran script from ${c.file}`);
      if (!text.includes(c.file)) throw new Error(`the preview of ${c.file} does not name it`);
    }
    await context.close();
  } finally {
    child.kill();
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oversight-files-"));
  try {
    const out = path.join(dir, "site");
    const r = spawnSync(bin, ["build", "--content", hostile, "--output", out], { encoding: "utf8" });
    if (r.status !== 1) throw new Error(`build exited ${r.status}\n${r.stderr}`);
    if (fs.existsSync(out)) throw new Error("a refused build wrote the site");
    const unnamed = cases.filter((c) => !r.stderr.includes(c.file));
    if (unnamed.length) throw new Error(`not named: ${unnamed.map((c) => c.file).join(", ")}\n${r.stderr}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return `${cases.length} refused; the preview shows the errors and runs none`;
}

/** An allowed drawing is copied as it is and, opened from the built site, runs nothing. */
export async function allowedDrawingRunsNothing(browser, bin) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oversight-files-"));
  try {
    const out = path.join(dir, "site");
    const r = spawnSync(bin, ["build", "--content", allowed, "--output", out], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`build exited ${r.status}\n${r.stderr}`);
    const rel = path.join("drawings", "structure.svg");
    if (!fs.readFileSync(path.join(out, rel)).equals(fs.readFileSync(path.join(allowed, rel)))) {
      throw new Error("the drawing was not copied as it is");
    }
    const { server, base } = await serveFolder(out);
    const context = await browser.newContext();
    const open = await watcher(context);
    try {
      for (const url of [pathToFileURL(path.join(out, rel)).href, base + "drawings/structure.svg"]) {
        const { ran, text } = await open(url);
        if (ran) throw new Error(`script ran from ${url}`);
        if (!text.includes("Structure of children")) throw new Error(`${url} did not open as a drawing`);
      }
    } finally {
      await context.close();
      server.close();
    }
    return "copied, and runs nothing from file:// or http://";
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
