// The error overlay of `weekly-archive serve`: the preview server sends this file itself, and only to pages it
// previews; no built site holds it. While the last build has failed, its path:line messages are shown over the
// page; when a build succeeds they go (and the live reload brings the new page).
(function () {
  var script = document.currentScript;
  if (!script || !window.fetch) return;
  var base = script.src.replace(/__weekly-archive\/overlay\.js(\?.*)?$/, "");
  // On the page shown while no build has ever succeeded there is nothing to reload into but the site itself.
  var reloadWhenFixed = script.hasAttribute("data-reload-when-fixed");
  var box = null;
  var shown = "";

  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = base + "__weekly-archive/overlay.css";
  document.head.appendChild(style);

  function show(problems) {
    var text = problems.join("\n");
    if (text === shown) return;
    shown = text;
    if (!problems.length) {
      if (box) { box.remove(); box = null; }
      if (reloadWhenFixed) window.location.reload();
      return;
    }
    if (!box) {
      box = document.createElement("section");
      box.id = "weekly-archive-overlay";
      box.setAttribute("role", "alert");
      var title = document.createElement("h2");
      title.textContent = reloadWhenFixed
        ? "No build has succeeded yet. Fix these and save; the site appears by itself."
        : "The build failed: this page is the last one that built. Fix the report and save; this goes away by itself.";
      var list = document.createElement("pre");
      var close = document.createElement("button");
      close.type = "button";
      close.textContent = "Hide";
      close.addEventListener("click", function () { box.hidden = true; });
      box.appendChild(close);
      box.appendChild(title);
      box.appendChild(list);
      document.body.appendChild(box);
    }
    box.hidden = false;
    box.querySelector("pre").textContent = text;
  }

  // A preview serves one author on this machine: asking every half second costs nothing and holds no connection.
  function poll() {
    fetch(base + "__weekly-archive/problems.json", { cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (problems) { if (problems) show(problems); })
      .catch(function () { /* serve stopped: nothing to show */ })
      .then(function () { window.setTimeout(poll, 500); });
  }
  poll();
})();
