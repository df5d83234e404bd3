// A table wider than the phone's screen scrolls sideways inside Material's scroll wrapper. Keyboard
// and screen-reader users can only scroll a region they can focus (WCAG 2.1.1, axe
// "scrollable-region-focusable"), so each wrapper that overflows gets a tab stop and a name; one
// that fits gets neither, so the tab order stays as short as the page.
(function () {
  "use strict";
  // The region's name, in the page's language, from data/ui.yml (table_scroll) via overrides/main.html.
  var label = (document.currentScript && document.currentScript.getAttribute("data-label")) || "";
  function mark() {
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap");
    for (var i = 0; i < wraps.length; i++) {
      var wrap = wraps[i];
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", label);
      } else if (wrap.getAttribute("role") === "region") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    }
  }
  // Material wraps the tables itself once its bundle has mounted the page (window.document$
  // emits then, also after instant navigation); without the bundle, the load event is the last chance.
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(function () { window.setTimeout(mark, 0); });
  } else {
    window.addEventListener("load", mark);
  }
  window.addEventListener("resize", mark);
})();
