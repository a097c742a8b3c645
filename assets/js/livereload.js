// Reloads the page when `weekly-archive serve` has rebuilt the site. Only included by serve.
(function () {
  var script = document.currentScript;
  var endpoint = script && script.getAttribute("data-endpoint");
  if (!endpoint || !window.EventSource) return;
  var source = null;
  function connect() {
    source = new EventSource(endpoint);
    source.addEventListener("reload", function () { window.location.reload(); });
  }
  // A page left behind (kept in the back-forward cache) would otherwise hold its connection open, and a
  // browser opens only six to one host: after six pages the preview stopped loading. Reconnect on return.
  window.addEventListener("pagehide", function () { if (source) { source.close(); source = null; } });
  window.addEventListener("pageshow", function (e) { if (e.persisted && !source) connect(); });
  connect();
})();
