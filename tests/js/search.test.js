// Tests of the pure functions of themes/default/static/search.js.
// Run with `node tests/js/search.test.js` (no npm packages needed).
"use strict";

const fs = require("fs");
const path = require("path");
const assert = require("assert");
const { loadSearch, repo } = require("./harness.js");

const code = fs.readFileSync(path.join(repo, "themes/default/static/search.js"), "utf8");
const rust = fs.readFileSync(path.join(repo, "src/exports/search/words.rs"), "utf8");
const { window } = loadSearch();
const S = window.OversightSearch;

let n = 0;
let failed = 0;
function check(name, fn) {
  n += 1;
  try {
    fn();
    console.log(`ok ${n} ${name}`);
  } catch (e) {
    failed += 1;
    console.log(`not ok ${n} ${name}\n  ${String(e.message).split("\n").join("\n  ")}`);
  }
}

const same = (a, b) => assert.deepStrictEqual(JSON.parse(JSON.stringify(a)), b);

check("the folding table and stop words are the ones in search/words.rs", () => {
  const fold = (src) => src.match(/FOLD(?::\s*&str)?\s*=\s*"([^"]*)"/)[1];
  assert.strictEqual(fold(code), fold(rust));
  const stops = (src, re) => src.match(re)[1].match(/[a-z]+/g).sort();
  same(
    stops(code, /var STOP = "([a-z ]+)"/),
    stops(rust, /STOP_WORDS: \[&str; \d+\] = \[([\s\S]*?)\]/)
  );
});

check("the tokenizer follows the Rust rules (same cases as search/words.rs)", () => {
  same(S.words("Café RÉSUMÉ, naïve-Straße P1.2 ×2 a Ŵyl"), [
    "cafe", "resume", "naive", "strasse", "p1", "wyl",
  ]);
  same(S.tokenize("The plan for the children's caseloads"), ["plan", "children", "caseloads"]);
  same(S.tokenize("x".repeat(41) + " ok"), ["ok"]);
  same(S.words("日本 😀ab"), ["ab"]);
  assert.strictEqual(S.shardKey("caseloads"), "ca");
  assert.strictEqual(S.shardKey("é"), "__");
});

check("query terms drop stop words but keep a last word being typed", () => {
  same(S.queryTerms("the plan of the"), ["plan", "the"]);
  same(S.queryTerms("the plan of the "), ["plan"]);
  same(S.queryTerms("plan plan"), ["plan"]);
});

const shards = {
  ca: {
    care: [[0, 10], [2, 1]],
    caseload: [[1, 2]],
    caseloads: [[0, 11], [1, 10]],
  },
  so: { social: [[1, 10], [2, 2]] },
  wo: { work: [[2, 10]] },
};

check("a term matches by prefix, exact matches counting double", () => {
  same(S.matchTerm(shards.ca, "caseloa"), { 0: 11, 1: 10 });
  same(S.matchTerm(shards.ca, "caseload"), { 0: 11, 1: 10 });
  same(S.matchTerm(shards.ca, "caseloads"), { 0: 22, 1: 20 });
  same(S.matchTerm(undefined, "x"), {});
});

check("every term must match, ranked by total score", () => {
  const r = S.rank(["caseloa", "soc"], shards);
  assert.strictEqual(r.mode, "and");
  same(r.results, [{ i: 1, score: 20 }]);
  same(S.rank(["ca"], shards).results.map((x) => x.i), [0, 1, 2]);
});

check("when no record has every term, any term will do", () => {
  const r = S.rank(["caseloads", "work"], shards);
  assert.strictEqual(r.mode, "or");
  same(r.results, [{ i: 0, score: 22 }, { i: 1, score: 20 }, { i: 2, score: 20 }]);
  same(S.rank(["zebra"], shards), { mode: "and", results: [] });
  same(S.rank([], shards), { mode: "and", results: [] });
});

if (failed) {
  console.log(`# ${failed} of ${n} failed`);
  process.exit(1);
}
console.log(`# all ${n} passed`);
