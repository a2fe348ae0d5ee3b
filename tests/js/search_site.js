// Searches a built site as the search page would: loads search/docs.js,
// the term shards a query needs and the record shards of its results (the
// same files the browser loads through <script> tags) and prints the
// ranked results as JSON lines.
//
//   node tests/js/search_site.js <output folder> <query>
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");
const { loadSearch } = require("./harness.js");

const [site, query] = process.argv.slice(2);
const { context, window } = loadSearch();
const load = (file) => {
  const p = path.join(site, "search", file);
  if (fs.existsSync(p)) vm.runInContext(fs.readFileSync(p, "utf8"), context);
};
load("docs.js");
const S = window.OversightSearch;
const terms = S.queryTerms(query);
const shards = {};
for (const t of terms) {
  const key = S.shardKey(t.term || t);
  load(`t-${key}.js`);
  shards[key] = (window.OVERSIGHT_SHARDS || {})[key] || {};
}
const ranked = S.rank(terms, shards);
const per = window.OVERSIGHT_DOC_SHARD;
for (const hit of ranked.results.slice(0, 20)) {
  const n = Math.floor(hit.i / per);
  load(`d-${n}.js`);
  const rec = window.OVERSIGHT_DOCS[n][hit.i % per];
  console.log(JSON.stringify({ title: rec.t, url: rec.u, kind: rec.k, status: rec.s, score: hit.score }));
}
