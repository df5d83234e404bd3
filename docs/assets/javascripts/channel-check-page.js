/* The checker's page glue: reads the inline data (helpcenter/channel_checker.py), checks what the
 * reader pastes with OKPayChannelCheck.check, and writes the answer.
 *
 * Everything goes in with textContent and createElement: what people paste is often hostile.
 * The result's data-verdict is "official", "unknown" or "lookalike" once an answer is shown, and
 * empty before, for empty input, and for input that is not a contact detail (then a calm message
 * says what to paste instead, and data-reason carries its code).
 */
(function () {
  "use strict";

  const DEBOUNCE_MS = 300; // answer while typing, without announcing every keystroke
  // The widget's few rules live here: a <style> inside the article body is invalid HTML, and the
  // theme's stylesheet serves the whole site. Material's variables follow its colour scheme; the
  // verdict colours are fixed so that green, orange and red mean the same everywhere.
  const CSS = [
    ".okp-check{margin:1em 0 1.5em}",
    ".okp-check label{display:block;font-weight:700;margin-bottom:.4em}",
    ".okp-check__row{display:flex;gap:.5em;flex-wrap:wrap}",
    ".okp-check input{flex:1 1 14em;min-width:0;font:inherit;padding:.5em .7em;border:1px solid var(--md-default-fg-color--light);border-radius:.2rem;background:var(--md-default-bg-color);color:var(--md-typeset-color)}",
    ".okp-check button{font:inherit;font-weight:700;padding:.5em 1.2em;border:0;border-radius:.2rem;cursor:pointer;background:var(--md-primary-fg-color);color:var(--md-primary-bg-color)}",
    ".okp-check input:focus-visible,.okp-check button:focus-visible{outline:2px solid var(--md-accent-fg-color);outline-offset:2px}",
    ".okp-check__hint{font-size:.85em;color:var(--md-default-fg-color--light);margin:.4em 0 0}",
    ".okp-check__result:not(:empty){margin-top:1em;padding:.6em 1em;border-left:.3rem solid var(--md-default-fg-color--light);background:var(--md-code-bg-color)}",
    ".okp-check__result[data-verdict=official]{border-left-color:#2e7d32}",
    ".okp-check__result[data-verdict=unknown]{border-left-color:#ef6c00}",
    ".okp-check__result[data-verdict=lookalike]{border-left-color:#c62828}",
    ".okp-check__result p{margin:.4em 0}",
    ".okp-check__result .okp-check__title{font-weight:700;font-size:1.05em}",
    ".okp-check__value{display:inline-block;max-width:100%;overflow-wrap:anywhere;font-weight:700}",
  ].join("\n");

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function render(box, answer, config) {
    const s = config.strings;
    const fill = (text) => text.replace("{value}", answer.normalized);
    const verdict = answer.verdict === "invalid" ? "" : answer.verdict;
    box.replaceChildren();
    box.setAttribute("data-verdict", verdict);
    box.setAttribute("data-reason", answer.reason);
    if (!verdict) {
      box.append(el("p", s.reason[answer.reason] || s.reason.unrecognized));
      return;
    }
    box.append(el("p", s.verdict[verdict], "okp-check__title"));
    if (answer.channel) {
      const line = el("p", answer.channel.label + " · ");
      line.append(el("span", answer.channel.display, "okp-check__value"));
      box.append(line);
    }
    box.append(el("p", fill(s.reason[answer.reason] || "")));
    if (answer.channel && answer.channel.dm === false) box.append(el("p", s.reason["no-dm"]));
    if (answer.normalized && (!answer.channel || answer.reason === "official-subdomain")) box.append(el("p", fill(s.form.checked)));
    const links = config.links.filter((l) => verdict !== "official" || l.id === "never-ask");
    if (verdict === "official") {
      box.append(el("p", s["official-reminder"]));
    } else {
      box.append(el("p", s["advice-title"]));
      const list = el("ul");
      s.advice.forEach((line) => list.append(el("li", line)));
      box.append(list);
    }
    const nav = el("p");
    links.forEach((link, i) => {
      const a = el("a", link.text);
      a.href = link.href;
      if (i) nav.append(document.createTextNode(" · "));
      nav.append(a);
    });
    box.append(nav);
  }

  function clear(box) {
    box.replaceChildren();
    box.setAttribute("data-verdict", "");
    box.removeAttribute("data-reason");
  }

  function init() {
    const input = document.querySelector("[data-channel-check-input]");
    const source = document.getElementById("okpay-channel-data");
    if (!input || !source || !window.OKPayChannelCheck) return;
    document.head.append(el("style", CSS));
    const config = JSON.parse(source.textContent);
    const form = input.form;
    const box = form.parentNode.querySelector("[data-verdict]");
    let timer = 0;

    function run(submitted) {
      window.clearTimeout(timer);
      const value = input.value;
      if (!value.trim() && !submitted) return clear(box);
      render(box, window.OKPayChannelCheck.check(value, config.data), config);
    }

    input.addEventListener("input", () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => run(false), DEBOUNCE_MS);
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      run(true);
    });
    if (input.value) run(false); // the browser restored the field (back button)
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
