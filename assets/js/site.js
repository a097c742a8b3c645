// Small page behaviours that need a script; the site reads fine without it.
(function () {
  // The week's table of contents starts open beside the text on wide screens, folded on phones.
  var toc = document.getElementById("toc");
  if (toc && window.matchMedia("(min-width: 960px)").matches) toc.open = true;

  // "/" jumps to the search box, as on GitHub and most documentation sites.
  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    var target = e.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var box = document.querySelector("#search-form input[name=q]") || document.querySelector(".site-search input");
    if (box) { e.preventDefault(); box.focus(); box.select(); }
  });
})();
