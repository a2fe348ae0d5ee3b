// Loads the theme's search.js into a sandbox with a page that has no search
// form, so only its functions are set up. Returns the sandbox's context
// (for loading index files into it) and its window.
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");

const repo = path.join(__dirname, "..", "..");

function loadSearch() {
  const window = {};
  const document = {
    readyState: "complete",
    getElementById: () => null,
    querySelector: () => null,
    addEventListener: () => {},
  };
  const context = vm.createContext({ window, document });
  vm.runInContext(fs.readFileSync(path.join(repo, "themes/default/static/search.js"), "utf8"), context);
  return { context, window };
}

module.exports = { loadSearch, repo };
