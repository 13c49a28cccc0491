// The catalogue's search: every word typed must appear in a page's title or text (window.IWPACKS_SEARCH, loaded
// by the script before this one). No fetch(), which a page opened from disk may not use, and no markup from the
// index: results are built from text nodes only.
(function () {
  "use strict";
  var index = window.IWPACKS_SEARCH || [];
  var form = document.querySelector("form.search-page");
  var input = document.getElementById("search-words");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  var prepared = index.map(function (entry) {
    return { entry: entry, title: fold(entry.title), text: fold(entry.title + " " + entry.summary + " " + entry.text) };
  });

  function matches(words) {
    var found = [];
    prepared.forEach(function (item, position) {
      if (words.every(function (w) { return item.text.indexOf(w) !== -1; })) {
        var inTitle = words.filter(function (w) { return item.title.indexOf(w) !== -1; }).length;
        found.push({ entry: item.entry, score: inTitle, position: position });
      }
    });
    found.sort(function (a, b) { return b.score - a.score || a.position - b.position; });
    return found.map(function (f) { return f.entry; });
  }

  function show(query) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var words = fold(query).split(/\s+/).filter(Boolean);
    if (!words.length) { status.textContent = ""; return; }
    var found = matches(words);
    status.textContent = found.length === 1 ? "1 result for \u201c" + query.trim() + "\u201d"
      : found.length + " results for \u201c" + query.trim() + "\u201d";
    found.forEach(function (entry) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = entry.page;
      link.textContent = entry.title;
      var kind = document.createElement("span");
      kind.className = "meta";
      kind.textContent = entry.kind + ". " + entry.summary;
      item.appendChild(link);
      item.appendChild(kind);
      list.appendChild(item);
    });
  }

  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  show(query);
  input.addEventListener("input", function () { show(input.value); });
  form.addEventListener("submit", function (event) { event.preventDefault(); show(input.value); });
})();
