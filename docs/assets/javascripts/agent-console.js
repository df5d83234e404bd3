/* The agent console (overrides/agent.html): a customer's message in, the three best help-center
   links out, as the agent types. The same engine and the same sharded index as the search box,
   read by the same loader (okpay-search-core.js = helpcenter/search/core.js + shards.js): a
   message fetches only the shards its words need and the files of its answers, over http or, in
   the offline copy, from file://. Engine.answers() is the one rule for picking links, shared with
   `helpcenter chatlink`, so the console and the CLI give the same answers.

   Nothing is sent anywhere: the indexes are the site's own files, and copying uses the clipboard. */
;(function () {
  "use strict"
  const root = document.querySelector("[data-agent-console]")
  if (!root || !self.OkpaySearch || !self.OkpaySearchShards) return
  const Shards = self.OkpaySearchShards
  const base = new URL(root.dataset.root, location.href)
  const languages = JSON.parse(root.dataset.languages)
  const strings = JSON.parse(root.dataset.strings)
  const han = new RegExp(`[${root.dataset.hanRange}]`)     // helpcenter/text.py HAN_RANGES
  const message = root.querySelector("[data-agent-message]")
  const status = root.querySelector("[data-agent-status]")
  const list = root.querySelector("[data-agent-results]")
  const ANSWERS = 6              // answers read per message: a few may have no page in the reply language
  const engines = new Map()      // code -> Promise<ShardedEngine>
  let shown = []                 // the answers on screen: {title, link}
  let timer = 0
  let generation = 0

  function engine(code) {
    if (!engines.has(code)) {
      const language = languages.find(l => l.code === code)
      const files = Shards.files(new URL(language.shards, base).href)
      const loaded = files("head").then(head => new Shards.ShardedEngine(head, files))
      loaded.catch(() => engines.delete(code))
      engines.set(code, loaded)
    }
    return engines.get(code)
  }

  function chosenLanguage() {
    const picked = root.querySelector("input[name=okp-agent-lang]:checked")
    return picked && picked.value
  }

  function shortLink(code, id, anchor) {
    const language = languages.find(l => l.code === code)
    return `${language.short}${id}/` + (anchor ? `${anchor}/` : "")
  }

  /* An answer's title: its question's heading, or its article's title (the page file is loaded). */
  function titleOf(e, page, anchor) {
    const section = anchor && e.sections.find(s => s && s[0] === page && s[1] === anchor)
    return section ? section[2] : e.pages[page][1]
  }

  /* The reply language may differ from the message's: the same article and question, titled in
     the reply language (every edition has the same ids and anchors). */
  async function titleIn(replyEngine, id, anchor) {
    const page = replyEngine.pageOf(id)
    if (page < 0) return null
    await replyEngine.loadPage(page)
    return titleOf(replyEngine, page, anchor)
  }

  /* Between several Han editions (简体, 繁體), the one whose index signature (its variant-only
     characters and its writers' markers) the message holds most of; the first Han language
     when none stands out. The same rule as Catalog.detect in helpcenter/chatlink.py. */
  async function hanLanguage(text) {
    const candidates = languages.filter(l => l.script === "han")
    if (candidates.length < 2) return root.dataset.han
    let best = root.dataset.han, score = 0
    for (const language of candidates) {
      const mark = new Set((await engine(language.code)).data.signature || "")
      const found = Array.from(text).filter(ch => mark.has(ch)).length
      if (found > score) { best = language.code; score = found }
    }
    return best
  }

  async function update() {
    const text = message.value
    const mine = ++generation
    if (!text.trim()) {
      render([], strings.waiting, null)
      root.dataset.answered = text
      return
    }
    const matchLang = han.test(text) ? await hanLanguage(text) : root.dataset.latin
    if (mine !== generation) return
    const replyLang = chosenLanguage() || matchLang
    if (!engines.has(matchLang) || !engines.has(replyLang)) status.textContent = strings.loading
    const [matcher, replier] = await Promise.all([engine(matchLang), engine(replyLang)])
    await matcher.prepare(text, ANSWERS)
    if (mine !== generation) return
    const answers = []
    for (const [page, anchor] of matcher.answers(text, ANSWERS)) {
      if (answers.length === 3) break
      const id = matcher.pages[page][5]
      const title = replyLang === matchLang
        ? titleOf(matcher, page, anchor)
        : await titleIn(replier, id, anchor)
      if (mine !== generation) return
      if (title === null) continue
      answers.push({ title, link: shortLink(replyLang, id, anchor) })
    }
    const name = languages.find(l => l.code === replyLang).name
    render(answers, answers.length ? strings.results.replace("{lang}", name) : strings.no_answer, replyLang)
    // What the answers on screen answer (message and reply language): tests wait on it.
    root.dataset.answered = `${replyLang}:${text}`
  }

  function button(label, text, hint) {
    const b = document.createElement("button")
    b.type = "button"
    b.className = "md-button okp-agent__copy"
    b.textContent = label
    if (hint) b.setAttribute("aria-keyshortcuts", hint)
    b.addEventListener("click", () => copy(text))
    return b
  }

  function render(answers, note, lang) {
    shown = answers
    status.textContent = note
    list.replaceChildren(...answers.map((a, i) => {
      const li = document.createElement("li")
      li.className = "okp-agent__result"
      if (lang) li.lang = lang
      const link = document.createElement("a")
      link.href = a.link
      link.textContent = a.title
      link.className = "okp-agent__title"
      const short = document.createElement("code")
      short.className = "okp-agent__link"
      short.textContent = a.link
      const shortcut = strings.shortcut.replace("{n}", String(i + 1))
      const actions = document.createElement("span")
      actions.className = "okp-agent__actions"
      actions.append(button(`${strings.copy_reply} (${shortcut})`, `${a.title} ${a.link}`, shortcut),
                     button(strings.copy_link, a.link))
      li.append(link, " ", short, actions)
      return li
    }))
  }

  /* The clipboard API where the page may use it; a selected text area where it may not. */
  async function copy(text) {
    let done = false
    if (navigator.clipboard && self.isSecureContext) {
      try { await navigator.clipboard.writeText(text); done = true } catch (e) { done = false }
    }
    if (!done) {
      const area = document.createElement("textarea")
      area.value = text
      area.setAttribute("readonly", "")
      area.style.position = "fixed"
      area.style.opacity = "0"
      document.body.appendChild(area)
      area.select()
      done = document.execCommand("copy")
      area.remove()
    }
    root.dataset.copied = text
    status.textContent = strings.copied + text
  }

  message.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(update, 80) })
  root.addEventListener("change", e => { if (e.target.name === "okp-agent-lang") update() })
  root.addEventListener("keydown", e => {
    if (e.altKey && !e.ctrlKey && !e.metaKey && /^Digit[1-3]$/.test(e.code)) {
      const answer = shown[Number(e.code.slice(5)) - 1]
      if (answer) { e.preventDefault(); copy(`${answer.title} ${answer.link}`) }
    }
  })
  if (message.value.trim()) update()
})()
