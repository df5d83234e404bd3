/* The "what happened?" emergency guide (scams/emergency-guide; built by helpcenter/playbook.py).
 *
 * Without this script every case is visible, in order, and the buttons stay hidden: the page is
 * complete on its own. With it, one button shows one case's steps and moves focus to them, so a
 * keyboard or screen-reader user lands on step 1. No request, no storage: it works from file://
 * and offline, and nothing a frightened reader picks leaves the page.
 *
 * Every choice is a history entry (#<case-id>), so the phone's Back button returns to the choices
 * instead of leaving the guide. A link to a case is handled on click, not on hashchange, so the
 * same link works a second time; a link to anything else on the page (the "skip to content" link,
 * the heading above the choices) never opens a case.
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
  var ALL = "all-cases";   // the hash "show every case" leaves in the address bar

  function byCase(ident) {
    for (var i = 0; i < sections.length; i++) {
      if (sections[i].getAttribute("data-guide-case") === ident) return sections[i];
    }
    return null;
  }

  // A hash names a case as #<id> (headings, the home page, other articles) or #case-<id> (the
  // sections the buttons control); "" stands for every case. Anything else is not a choice.
  function caseOf(hash) {
    var ident = decodeURIComponent((hash || "").replace(/^#/, ""));
    if (ident === ALL) return "";
    var section = byCase(ident) || byCase(ident.replace(/^case-/, ""));
    return section ? section.getAttribute("data-guide-case") : null;
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
      heading.scrollIntoView({ block: "start" });
    }
  }

  // A choice made on this page: a new history entry, then the case.
  function choose(ident) {
    var hash = "#" + (ident === "" ? ALL : ident);
    if (location.hash !== hash) history.pushState({ guide: ident }, "", hash);
    show(ident, true);
  }

  // Back and Forward: show what the entry names; the entry without a case is the start.
  function fromLocation(moveFocus) {
    var ident = caseOf(location.hash);
    if (ident === null) {
      show(null, false);
      return false;
    }
    show(ident, moveFocus);
    return true;
  }

  buttons.forEach(function (button) {
    button.addEventListener("click", function () {
      choose(button.getAttribute("data-guide-show"));
    });
  });

  // Links to a case on this page (steps, the table of contents, a repeated link): handled here,
  // so following the same link twice still shows its case.
  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey ||
        event.shiftKey || event.altKey) return;
    var link = event.target.closest ? event.target.closest("a[href]") : null;
    if (!link || link.origin !== location.origin || link.pathname !== location.pathname || !link.hash) return;
    var ident = caseOf(link.hash);
    if (ident === null) {
      // "Skip to content" and any link to the heading above the choices: the browser jumps as
      // usual, and focus goes on to the first choice, the content a reader came for.
      if (link.hash === "#" + root.getAttribute("data-guide-heading")) {
        window.setTimeout(function () { buttons[0].focus(); }, 0);
      }
      return;
    }
    event.preventDefault();
    choose(ident);
  });

  // On a phone the theme's navigation drawer stays in the Tab order while it is closed, putting
  // dozens of off-screen links before the first choice. Closed, it is inert here; open, it works.
  var drawer = document.getElementById("__drawer");
  var sidebar = document.querySelector(".md-sidebar--primary");
  var narrow = window.matchMedia ? window.matchMedia("(max-width: 76.2344em)") : null;
  function syncDrawer() {
    if (!drawer || !sidebar) return;
    sidebar.inert = !drawer.checked && Boolean(narrow && narrow.matches);
  }
  if (drawer && sidebar) {
    drawer.addEventListener("change", syncDrawer);
    if (narrow && narrow.addEventListener) narrow.addEventListener("change", syncDrawer);
    syncDrawer();
  }

  window.addEventListener("popstate", function () { fromLocation(true); });
  // A hash typed into the address bar, or set by another script.
  window.addEventListener("hashchange", function () { fromLocation(true); });

  choices.hidden = false;
  fromLocation(true);
})();
