// Small page behaviours that need a script; the site reads fine without it.
(function () {
  // The week's table of contents starts open beside the text on wide screens, folded on phones.
  var toc = document.getElementById("toc");
  if (toc && window.matchMedia("(min-width: 960px)").matches) toc.open = true;
})();
