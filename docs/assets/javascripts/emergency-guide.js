/* The "what happened?" emergency guide (scams/emergency-guide; built by helpcenter/playbook.py).
 *
 * Without this script every case is visible, in order, and the buttons stay hidden: the page is
 * complete on its own. With it, one button shows one case's steps and moves focus to them, so a
 * keyboard or screen-reader user lands on step 1. No request, no storage: it works from file://
 * and offline, and nothing a frightened reader picks leaves the page.
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-emergency-guide]");
  if (!root) return;
  var choices = root.querySelector("[data-guide-choices]");
  var status = root.querySelector("[data-guide-status]");
  var buttons = Array.prototype.slice.call(root.querySelectorAll("[data-guide-show]"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("[data-guide-case]"));
  if (!choices || !status || !sections.length) return;

  function byCase(ident) {
    for (var i = 0; i < sections.length; i++) {
      if (sections[i].getAttribute("data-guide-case") === ident) return sections[i];
    }
    return null;
  }

  // ident: a case id shows that case; "" shows every case; null shows none (the start).
  function show(ident, moveFocus) {
    var shown = null;
    sections.forEach(function (section) {
      var visible = ident === "" || section.getAttribute("data-guide-case") === ident;
      section.hidden = ident === null ? true : !visible;
      if (visible && ident) shown = section;
    });
    buttons.forEach(function (button) {
      var mine = ident !== null && button.getAttribute("data-guide-show") === ident;
      button.setAttribute("aria-expanded", mine ? "true" : "false");
      button.classList.toggle("md-button--primary", mine);
    });
    if (ident === null) {
      status.textContent = status.getAttribute("data-status-start");
      return;
    }
    var target = shown || sections[0];
    if (shown) {
      var title = shown.querySelector("h2");
      var count = shown.querySelectorAll("[data-playbook-case] > ol > li").length;
      status.textContent = root.getAttribute("data-status-shown")
        .replace("{title}", title ? title.textContent.replace(/\u00b6/g, "").trim() : ident)
        .replace("{count}", String(count));
    } else {
      status.textContent = root.getAttribute("data-status-all");
    }
    if (moveFocus) {
      // The heading is the start of what was asked for: reading on from it reads the steps.
      var heading = target.querySelector("h2") || target;
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
  }

  function fromHash(moveFocus) {
    var ident = decodeURIComponent(location.hash.replace(/^#/, ""));
    var section = byCase(ident) || byCase(ident.replace(/^case-/, ""));
    if (section) show(section.getAttribute("data-guide-case"), moveFocus);
    return Boolean(section);
  }

  buttons.forEach(function (button) {
    button.addEventListener("click", function () {
      show(button.getAttribute("data-guide-show"), true);
    });
  });
  // Links to a case (from the home page, other articles or this page's table of contents)
  // arrive as #<case-id>: open that case instead of jumping to a hidden heading.
  window.addEventListener("hashchange", function () { fromHash(true); });

  choices.hidden = false;
  if (!fromHash(true)) show(null, false);
})();
