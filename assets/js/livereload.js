// Reloads the page when `weekly-archive serve` has rebuilt the site. Only included by serve.
(function () {
  var script = document.currentScript;
  var endpoint = script && script.getAttribute("data-endpoint");
  if (!endpoint || !window.EventSource) return;
  var source = new EventSource(endpoint);
  source.addEventListener("reload", function () { window.location.reload(); });
})();
