// Timeline page behaviour; the page works without it.
(function () {
  // Narrow screens: results first, the filters folded away until asked for.
  if (window.matchMedia("(max-width: 760px)").matches) {
    document.querySelectorAll(".filter-panel").forEach(function (panel) { panel.open = false; });
  }
  // After Apply, a search or a page link, keyboard and screen-reader users land on the results.
  if (location.hash === "#results") {
    var results = document.getElementById("results");
    if (results) { results.focus(); }
  }
})();
