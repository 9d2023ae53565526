// Draws /timeline.json (same query string as this page) with TimelineJS, served from our own static files.
(function () {
  "use strict";
  var element = document.getElementById("timeline-embed");
  // TimelineJS's own folder (the file name may carry a content hash in production).
  var scriptPath = new URL(".", document.getElementById("timelinejs").src).toString();
  var source = new URL(element.dataset.source, window.location.href).toString();
  window.timeline = new TL.Timeline("timeline-embed", source, {
    script_path: scriptPath,
    font: null, // system fonts: TimelineJS's font files would come from elsewhere
    theme: null,
    language: "en",
    hash_bookmark: false,
    initial_zoom: 2,
    timenav_position: "bottom",
  });
})();
