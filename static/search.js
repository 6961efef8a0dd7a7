/* Dossier search: offline, no server, works from file://.
   search/index.<version>.js sets window.DOSSIER_SEARCH = {folder, shards: {prefix: count},
   versions: {prefix: version}}; the shard script folder + <hex of prefix>.<version>.js calls
   DOSSIER_SEARCH_SHARD(prefix, [[kind, title, url, detail, words]]).
   Only the shards of the typed word are loaded (see dossier/search.py). */
(function () {
  "use strict";
  var index = window.DOSSIER_SEARCH || { folder: "", shards: {}, versions: {} };
  var form = document.querySelector("form[role=search]");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var STOP = { an: 1, and: 1, at: 1, by: 1, "for": 1, "in": 1, of: 1, on: 1, or: 1, the: 1, to: 1, "with": 1 };
  var MAX_SHOWN = 60, MAX_LOAD = 2000;
  var loaded = {}, waiting = {}, generation = 0;
  if (!input || !list) { return; }

  function words(text) {
    return String(text).normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
      .split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 1 && !STOP[w]; });
  }
  function hex(text) {
    return Array.from(new TextEncoder().encode(text), function (b) {
      return b.toString(16).padStart(2, "0");
    }).join("");
  }
  function shardsFor(word) {
    return Object.keys(index.shards).filter(function (p) {
      return p.indexOf(word) === 0 || word.indexOf(p) === 0;
    });
  }
  function size(prefixes) {
    return prefixes.reduce(function (n, p) { return n + Math.abs(index.shards[p]); }, 0);
  }

  window.DOSSIER_SEARCH_SHARD = function (prefix, entries) {
    loaded[prefix] = entries;
    (waiting[prefix] || []).forEach(function (done) { done(); });
    delete waiting[prefix];
  };
  function load(prefixes, done) {
    var missing = prefixes.filter(function (p) { return !loaded[p]; });
    var left = missing.length;
    if (!left) { done(); return; }
    missing.forEach(function (p) {
      var queued = waiting[p];
      waiting[p] = (queued || []).concat(function () { if (--left === 0) { done(); } });
      if (queued) { return; }
      var script = document.createElement("script");
      script.src = index.folder + hex(p) + "." + index.versions[p] + ".js";
      script.onerror = function () { say("The search index could not be loaded; rebuild the site."); };
      document.head.appendChild(script);
    });
  }
  function say(text) { status.textContent = text; }

  function show(query) {
    var mine = ++generation;
    var typed = words(query);
    list.textContent = "";
    if (!typed.length) { say("Type a name, a country, a topic or a word from a title (two letters or more)."); return; }
    var best = null;
    typed.forEach(function (w) {
      var prefixes = shardsFor(w);
      if (!best || size(prefixes) < size(best.prefixes)) { best = { word: w, prefixes: prefixes }; }
    });
    if (!best.prefixes.length) { say("Nothing found for “" + query + "”."); return; }
    if (size(best.prefixes) > MAX_LOAD) { say("Keep typing: “" + best.word + "” matches too much."); return; }
    say("Searching…");
    load(best.prefixes, function () {
      if (mine !== generation) { return; }
      var seen = {}, found = [], cut = false;
      best.prefixes.forEach(function (p) {
        cut = cut || index.shards[p] < 0;
        loaded[p].forEach(function (e) {
          if (seen[e[2]]) { return; }
          seen[e[2]] = true;
          var own = e[4].split(" ");
          var title = words(e[1]);
          var score = 0;
          for (var i = 0; i < typed.length; i++) {
            var w = typed[i];
            var hit = function (x) { return x.indexOf(w) === 0; };
            if (!own.some(hit)) { return; }
            if (title.some(hit)) { score += 2; }
          }
          found.push({ e: e, score: score, order: found.length });
        });
      });
      found.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
      found.slice(0, MAX_SHOWN).forEach(function (f) {
        var li = document.createElement("li");
        var kind = document.createElement("span");
        kind.className = "kind";
        kind.textContent = f.e[0];
        var a = document.createElement("a");
        a.href = f.e[2];
        a.textContent = f.e[1];
        var detail = document.createElement("span");
        detail.className = "meta";
        detail.textContent = f.e[3];
        li.append(kind, a, detail);
        list.appendChild(li);
      });
      var more = found.length > MAX_SHOWN || cut;
      say(found.length ? found.length + (more ? "+" : "") + " results for “" + query + "”" +
        (more ? "; add a word to narrow them." : ".") : "Nothing found for “" + query + "”.");
    });
  }

  input.value = new URLSearchParams(window.location.search).get("q") || "";
  show(input.value);
  input.addEventListener("input", function () { show(input.value); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    show(input.value);
    try {
      history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    } catch (err) { /* some browsers refuse this on file:// pages; the results still show */ }
  });
}());
