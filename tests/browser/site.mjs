// Shared helpers for the browser tests: build the example site, serve it
// under a sub-path, launch Debian's Chromium, and pick one page of each type.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

export const repo = path.resolve(import.meta.dirname, "..", "..");
export const subPath = "/council/cyp/";

/** The oversight binary: $OVERSIGHT_BIN, else a fresh debug build. */
export function binary() {
  if (process.env.OVERSIGHT_BIN) return process.env.OVERSIGHT_BIN;
  execFileSync("cargo", ["build", "--quiet"], { cwd: repo, stdio: "inherit" });
  return path.join(repo, "target", "debug", "oversight");
}

/** Builds `content` (the example by default) into a new temporary folder. */
export function buildSite(bin, content = path.join(repo, "content")) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oversight-browser-"));
  const out = path.join(dir, "site");
  execFileSync(bin, ["build", "--content", content, "--output", out], { stdio: "pipe" });
  return { dir, out };
}

const types = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".xml": "application/xml", ".csv": "text/csv",
  ".png": "image/png", ".svg": "image/svg+xml", ".pdf": "application/pdf",
};

/** Serves `root` at http://127.0.0.1:<port>/council/cyp/; 404.html for the rest. */
export function serve(root) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    let rel = decodeURIComponent(url.pathname);
    if (!rel.startsWith(subPath)) return notFound(res);
    rel = rel.slice(subPath.length);
    if (rel === "" || rel.endsWith("/")) rel += "index.html";
    const file = path.join(root, rel);
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) return notFound(res);
    res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  function notFound(res) {
    res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
    res.end(fs.readFileSync(path.join(root, "404.html")));
  }
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve({ server, base: `http://127.0.0.1:${server.address().port}${subPath}` });
    });
  });
}

/** Debian's Chromium, headless; nothing is downloaded. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

/** One page of each type, as paths from the site root, read from data/site.json. */
export function pageTypes(out) {
  const data = JSON.parse(fs.readFileSync(path.join(out, "data", "site.json"), "utf8"));
  const first = (kind) => data.documents.find((d) => d.kind === kind);
  const pages = [
    "index.html", "search/index.html", "timeline/index.html", "status/index.html",
    "changes/index.html", "recommendations/index.html", "tags/index.html",
    "inspections/index.html", "visits/index.html", "reviews/index.html", "plans/index.html", "meetings/index.html",
    "risks/index.html", "indicators/index.html", "accessibility/index.html", "404.html",
  ];
  for (const kind of ["inspection", "visit", "review", "plan", "meeting", "paper", "indicator", "page"]) {
    const d = first(kind);
    if (d) pages.push(d.url);
  }
  const plan = first("plan");
  if (plan && plan.actions.length) pages.push(plan.actions[0].url);
  const tags = fs.readdirSync(path.join(out, "tags")).filter((t) => t !== "index.html");
  if (tags.length) pages.push(`tags/${tags[0]}/index.html`);
  return pages;
}

/** Starts `oversight serve` on a free port for `content`; resolves to the
 * running child and the address it serves. Kill the child when done. */
export async function preview(bin, content) {
  const child = spawn(bin, ["serve", "--port", "0", "--content", content], { stdio: ["ignore", "pipe", "ignore"] });
  const url = await new Promise((resolve, reject) => {
    let text = "";
    child.stdout.on("data", (d) => {
      text += d;
      const m = text.match(/serving (http:\/\/\S+\/)/);
      if (m) resolve(m[1]);
    });
    child.on("exit", () => reject(new Error("serve stopped")));
  });
  return { child, url };
}
