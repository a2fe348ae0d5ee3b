/* Search for an oversight site.
 *
 * The index is JavaScript written by `oversight build` under search/:
 * docs.js (which shards exist), t-<key>.js shards (the terms that begin
 * with <key>) and d-<n>.js shards (the records, OVERSIGHT_DOC_SHARD to a
 * file). All are loaded through <script> elements, never fetch(), so
 * search works from a web server under any sub-path and from a file://
 * share. A query loads docs.js once, one term shard per term, and then
 * only the record shards that hold the results it shows.
 *
 * Progressive enhancement: without JavaScript the search page lists
 * everything. No modules and no dependencies; builds the page with DOM
 * methods and textContent only.
 *
 * The tokenizer must agree with src/render/exports/search.rs: same folding
 * table, stop words and lengths.
 */
(function (window, document) {
  "use strict";

  // What U+00C0 to U+017F become; empty separates words (the same string
  // is in search.rs).
  var FOLD = "a|a|a|a|a|a|ae|c|e|e|e|e|i|i|i|i|d|n|o|o|o|o|o||o|u|u|u|u|y|th|ss|a|a|a|a|a|a|ae|c|e|e|e|e|i|i|i|i|d|n|o|o|o|o|o||o|u|u|u|u|y|th|y|a|a|a|a|a|a|c|c|c|c|c|c|c|c|d|d|d|d|e|e|e|e|e|e|e|e|e|e|g|g|g|g|g|g|g|g|h|h|h|h|i|i|i|i|i|i|i|i|i|i|ij|ij|j|j|k|k|k|l|l|l|l|l|l|l|l|l|l|n|n|n|n|n|n|n|n|n|o|o|o|o|o|o|oe|oe|r|r|r|r|r|r|s|s|s|s|s|s|s|s|t|t|t|t|t|t|u|u|u|u|u|u|u|u|u|u|u|u|w|w|y|y|y|z|z|z|z|z|z|s";
  var FOLDED = FOLD.split("|");
  // Words not indexed (the same list is in search.rs).
  var STOP = "an and are as at be but by for from has have in into is its of on or that the their there these they this to was were which will with";
  var STOP_WORDS = {};
  STOP.split(" ").forEach(function (w) { STOP_WORDS[w] = true; });
  var MAX_TERM = 40;
  var MAX_RESULTS = 50;

  /* Runs of ASCII letters and digits, lower-cased, accented Latin letters
   * folded; everything else separates words; words of one character are
   * dropped. */
  function words(text) {
    var out = [];
    var word = "";
    text = String(text == null ? "" : text);
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      var piece = "";
      if (c >= 65 && c <= 90) {
        piece = String.fromCharCode(c + 32);
      } else if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        piece = text.charAt(i);
      } else if (c >= 0xC0 && c <= 0x17F) {
        piece = FOLDED[c - 0xC0];
      }
      if (piece) {
        word += piece;
      } else {
        if (word.length >= 2) out.push(word);
        word = "";
      }
    }
    if (word.length >= 2) out.push(word);
    return out;
  }

  function isStopWord(w) {
    return Object.prototype.hasOwnProperty.call(STOP_WORDS, w);
  }

  /* The terms the index holds for `text`. */
  function tokenize(text) {
    return words(text).filter(function (w) {
      return w.length <= MAX_TERM && !isStopWord(w);
    });
  }

  /* The terms of a query, each once. Stop words are dropped, except a last
   * word still being typed ("an" may become "annual"), which is matched as
   * a prefix like every other term. */
  function queryTerms(q) {
    q = String(q == null ? "" : q);
    var all = words(q);
    var typing = q.length > 0 && !/\s$/.test(q);
    var seen = {};
    var out = [];
    all.forEach(function (w, i) {
      if (w.length > MAX_TERM) w = w.slice(0, MAX_TERM);
      var last = i === all.length - 1;
      if (isStopWord(w) && !(last && typing)) return;
      if (seen[w]) return;
      seen[w] = true;
      out.push(w);
    });
    return out;
  }

  /* The shard of a term: its first two characters. */
  function shardKey(term) {
    var key = "";
    for (var i = 0; i < 2; i++) {
      var ch = term.charAt(i);
      key += /^[a-z0-9]$/.test(ch) ? ch : (/^[A-Z]$/.test(ch) ? ch.toLowerCase() : "_");
    }
    return key;
  }

  /* Records matching one query term in its shard, as { record: score }.
   * The term matches every indexed term it begins; an exact match counts
   * double, and a record takes its best match. */
  function matchTerm(shard, term) {
    var scores = {};
    if (!shard) return scores;
    Object.keys(shard).forEach(function (t) {
      if (t.lastIndexOf(term, 0) !== 0) return;
      var factor = t === term ? 2 : 1;
      var postings = shard[t];
      for (var i = 0; i < postings.length; i++) {
        var rec = postings[i][0];
        var s = postings[i][1] * factor;
        if (!(rec in scores) || scores[rec] < s) scores[rec] = s;
      }
    });
    return scores;
  }

  /* Ranks records for `terms` with `shards` ({ key: shard }): records that
   * match every term, by total score; when none does, records that match
   * any. Returns { mode: "and" | "or", results: [{ i, score }] }, best
   * first, ties in index order. */
  function rank(terms, shards) {
    var per = terms.map(function (t) {
      return matchTerm(shards[shardKey(t)], t);
    });
    function collect(all) {
      var totals = {};
      var counts = {};
      per.forEach(function (scores) {
        Object.keys(scores).forEach(function (rec) {
          totals[rec] = (totals[rec] || 0) + scores[rec];
          counts[rec] = (counts[rec] || 0) + 1;
        });
      });
      var out = [];
      Object.keys(totals).forEach(function (rec) {
        if (!all || counts[rec] === per.length) {
          out.push({ i: Number(rec), score: totals[rec] });
        }
      });
      out.sort(function (a, b) { return b.score - a.score || a.i - b.i; });
      return out;
    }
    if (!terms.length) return { mode: "and", results: [] };
    var and = collect(true);
    if (and.length || terms.length === 1) return { mode: "and", results: and };
    return { mode: "or", results: collect(false) };
  }

  var api = {
    words: words,
    tokenize: tokenize,
    queryTerms: queryTerms,
    shardKey: shardKey,
    matchTerm: matchTerm,
    rank: rank,
    MAX_RESULTS: MAX_RESULTS
  };
  window.OversightSearch = api;

  /* ------------------------------------------------------------ the page */

  if (!document || typeof document.getElementById !== "function") return;

  // The relative way to the site root, from the script element's data-root.
  var self = document.currentScript ||
    (document.querySelector && document.querySelector("script[data-root]"));
  var root = (self && self.getAttribute && self.getAttribute("data-root")) || "";

  var loading = {}; // src -> Promise

  function loadScript(src) {
    if (!loading[src]) {
      loading[src] = new Promise(function (resolve) {
        var s = document.createElement("script");
        s.src = src;
        s.async = true;
        s.onload = function () { resolve(true); };
        s.onerror = function () { resolve(false); };
        (document.head || document.documentElement).appendChild(s);
      });
    }
    return loading[src];
  }

  function loadIndex() {
    return loadScript(root + "search/docs.js").then(function (ok) {
      if (!ok || !window.OVERSIGHT_SHARD_KEYS || !window.OVERSIGHT_DOC_SHARD) {
        delete loading[root + "search/docs.js"];
        throw new Error("index not loaded");
      }
    });
  }

  /* The records of `hits`: loads the record shards that hold them and
   * returns a function from a record's number to the record. */
  function loadRecords(hits) {
    var per = window.OVERSIGHT_DOC_SHARD;
    var wanted = [];
    hits.forEach(function (hit) {
      var n = Math.floor(hit.i / per);
      if (wanted.indexOf(n) < 0) wanted.push(n);
    });
    return Promise.all(wanted.map(function (n) {
      return loadScript(root + "search/d-" + n + ".js");
    })).then(function (loaded) {
      var docs = window.OVERSIGHT_DOCS || {};
      wanted.forEach(function (n, i) {
        if (!loaded[i] || !docs[n]) {
          delete loading[root + "search/d-" + n + ".js"];
          throw new Error("records not loaded");
        }
      });
      return function (i) {
        var part = docs[Math.floor(i / per)];
        return part && part[i % per];
      };
    });
  }

  function loadShard(key) {
    window.OVERSIGHT_SHARDS = window.OVERSIGHT_SHARDS || {};
    var keys = window.OVERSIGHT_SHARD_KEYS;
    // No file for a key with no terms: do not ask for one.
    if (keys && keys.indexOf(key) < 0) return Promise.resolve({});
    return loadScript(root + "search/t-" + key + ".js").then(function () {
      return window.OVERSIGHT_SHARDS[key] || {};
    });
  }

  function readQuery() {
    var search = window.location ? window.location.search : "";
    var parts = (search || "").replace(/^\?/, "").split("&");
    for (var i = 0; i < parts.length; i++) {
      var kv = parts[i].split("=");
      if (kv[0] === "q" && kv.length > 1) {
        try {
          return decodeURIComponent(kv.slice(1).join("=").replace(/\+/g, " "));
        } catch (e) {
          return "";
        }
      }
    }
    return "";
  }

  function writeQuery(q) {
    try {
      var path = window.location.pathname;
      var url = q ? path + "?q=" + encodeURIComponent(q) : path;
      window.history.replaceState(null, "", url + window.location.hash);
    } catch (e) {
      // file:// may refuse; the search still works.
    }
  }

  function el(name, className, text) {
    var e = document.createElement(name);
    if (className) e.className = className;
    if (text != null) e.textContent = text;
    return e;
  }

  function start() {
    var form = document.getElementById("search-form");
    var input = document.getElementById("search-q");
    var out = document.getElementById("search-results");
    if (!form || !input || !out) return;
    var all = document.getElementById("search-all");
    var seq = 0;
    var timer = null;

    function clear() {
      while (out.firstChild) out.removeChild(out.firstChild);
    }

    function showAll(show) {
      if (all) all.hidden = !show;
    }

    function message(text) {
      clear();
      out.appendChild(el("p", "search-count", text));
    }

    function render(q, record, ranked) {
      clear();
      var n = ranked.results.length;
      var quoted = "\u201C" + q.trim() + "\u201D";
      var count;
      if (!n) count = "No results for " + quoted;
      else if (ranked.mode === "or") {
        count = "No results contain every word of " + quoted + "; " + n +
          (n === 1 ? " result contains" : " results contain") + " some of them";
      } else count = n + (n === 1 ? " result for " : " results for ") + quoted;
      if (n > MAX_RESULTS) count += ", the first " + MAX_RESULTS + " shown";
      out.appendChild(el("p", "search-count", count));
      if (!n) return;
      var list = el("ol", "plain search-list");
      ranked.results.slice(0, MAX_RESULTS).forEach(function (hit) {
        var rec = record(hit.i);
        if (!rec) return;
        var li = el("li", "search-result");
        var a = el("a", null, rec.t);
        a.href = root + rec.u;
        li.appendChild(a);
        var meta = [rec.k, rec.d].filter(Boolean).join(" \u00B7 ");
        if (meta) {
          li.appendChild(document.createTextNode(" "));
          li.appendChild(el("span", "meta", meta));
        }
        if (rec.s) {
          li.appendChild(document.createTextNode(" "));
          li.appendChild(el("strong", "tag tag-" + (rec.r || "grey"), rec.s));
        }
        list.appendChild(li);
      });
      out.appendChild(list);
    }

    function run(q) {
      var mine = ++seq;
      writeQuery(q.trim() ? q : "");
      var terms = queryTerms(q);
      if (!q.trim()) {
        clear();
        showAll(true);
        return;
      }
      showAll(false);
      if (!terms.length) {
        message(words(q).length ? "No results for \u201C" + q.trim() + "\u201D"
          : "Type at least two letters or digits to search.");
        return;
      }
      loadIndex().then(function () {
        var keys = [];
        terms.forEach(function (t) {
          var k = shardKey(t);
          if (keys.indexOf(k) < 0) keys.push(k);
        });
        return Promise.all(keys.map(loadShard)).then(function (loaded) {
          var shards = {};
          keys.forEach(function (k, i) { shards[k] = loaded[i]; });
          var ranked = rank(terms, shards);
          return loadRecords(ranked.results.slice(0, MAX_RESULTS)).then(function (record) {
            if (mine === seq) render(q, record, ranked);
          });
        });
      }).catch(function () {
        if (mine === seq) {
          message("The search index could not be loaded. Everything on this site is listed below.");
          showAll(true);
        }
      });
    }

    input.addEventListener("input", function () {
      if (timer) clearTimeout(timer);
      timer = setTimeout(function () { run(input.value); }, 150);
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (timer) clearTimeout(timer);
      run(input.value);
    });

    var initial = readQuery();
    if (initial) {
      input.value = initial;
      run(initial);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})(window, typeof document === "undefined" ? null : document);
