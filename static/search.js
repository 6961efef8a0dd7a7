/* Dossier search: offline, no server, works from file://. The index is a script
   (search-index.<hash>.js) that sets window.DOSSIER_SEARCH = [[kind, title, url, detail, words]]. */
(function () {
  "use strict";
  var index = window.DOSSIER_SEARCH || [];
  var form = document.querySelector("form[role=search]");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!input || !list) { return; }

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var rows = index.map(function (e) {
    return { e: e, title: fold(e[1]), all: fold(e[1] + " " + e[3] + " " + e[4] + " " + e[0]) };
  });

  function search(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    if (!words.length) { return []; }
    var found = [];
    rows.forEach(function (r) {
      var score = 0;
      for (var i = 0; i < words.length; i++) {
        if (r.all.indexOf(words[i]) < 0) { return; }
        if (r.title.indexOf(words[i]) >= 0) { score += r.title.indexOf(words[i]) === 0 ? 3 : 2; }
      }
      found.push({ r: r, score: score });
    });
    found.sort(function (a, b) { return b.score - a.score || (a.r.title < b.r.title ? -1 : 1); });
    return found.slice(0, 60).map(function (f) { return f.r.e; });
  }

  function show(query) {
    var results = search(query);
    list.textContent = "";
    results.forEach(function (e) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = e[2];
      a.textContent = e[1];
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = e[0];
      var detail = document.createElement("span");
      detail.className = "meta";
      detail.textContent = e[3];
      li.appendChild(kind);
      li.appendChild(a);
      li.appendChild(detail);
      list.appendChild(li);
    });
    status.textContent = !query.trim() ? "Type a name, a country, a topic or a word from a title."
      : results.length ? results.length + (results.length === 60 ? "+" : "") + " results for “" + query + "”"
      : "Nothing found for “" + query + "”.";
  }

  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
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
