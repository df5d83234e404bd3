/* The site's search worker: Material for MkDocs' worker protocol (SETUP=0, READY=1, QUERY=2,
   RESULT=3) and result shape, answered by the help center's own engine (core.js and shards.js,
   prepended to this file at build time by helpcenter/plugins/search.py).

   The index is sharded (helpcenter/search/shards.py): a small head, then for each query only the
   term shards its words need and the files of the pages it shows. The head is loaded on first use,
   never on a plain page view: Material posts SETUP (with its own, stubbed, index) as soon as a page
   loads over http, so SETUP only answers READY there. The head is loaded on the first non-empty
   QUERY (a keystroke, or a ?q= deep link), or when the page says the search box got focus
   (overrides/main.html posts on the "okpay-search" BroadcastChannel). From file:// (the offline
   copy) this runs in an iframe (the iframe-worker shim), where fetch() cannot read files: every
   file is then loaded as a script (its .js twin), and the head at SETUP, which Material only sends
   there once the search box is opened.

   The head's URL rides on this script's URL: okpay-search.js?index=<relative to this script>. */
;(function () {
  "use strict"
  const S = self.OkpaySearch
  const SCRIPT = (typeof document !== "undefined" && document.currentScript && document.currentScript.src)
    || self.location.href
  const param = /[?&]index=([^&?#]*)/.exec(SCRIPT)
  const INDEX = param ? new URL(decodeURIComponent(param[1]), SCRIPT).href : null
  const FOLDER = INDEX ? new URL(".", INDEX).href : null
  const FROM_DISK = !!INDEX && INDEX.startsWith("file:")
  const GROUPS = 10              // result pages returned per query (Material shows ten at once)
  const SECTIONS = 5             // matching sections listed under a page
  const SNIPPET = 180            // characters of section text shown

  let engine = null
  let loading = null
  const file = FOLDER ? self.OkpaySearchShards.files(FOLDER) : null

  function load() {
    if (!loading)
      loading = (async () => {
        engine = new self.OkpaySearchShards.ShardedEngine(await file("head"), file)
      })()
    return loading
  }

  if (typeof BroadcastChannel === "function" && !FROM_DISK) {
    const channel = new BroadcastChannel("okpay-search")
    channel.onmessage = () => { load().catch(() => { loading = null }) }
  }

  function escapeHTML(s) {
    return s.replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" })[c])
  }

  /* Which characters of a display text the query matched: Latin words whose stem is a matched
     term, Han characters under a matched bigram or single character. */
  function marks(text, matched) {
    const lower = text.toLowerCase()
    const on = new Uint8Array(text.length)
    for (const m of lower.matchAll(/[a-z0-9]+/g))
      if (matched.has(S.stem(m[0]))) on.fill(1, m.index, m.index + m[0].length)
    for (const m of lower.matchAll(engine.tables.hanRun)) {
      const run = m[0]
      for (let i = 0; i < run.length; i++)
        for (let size = 1; size <= Math.min(2, run.length - i); size++)
          if (matched.has(run.slice(i, i + size))) on.fill(1, m.index + i, m.index + i + size)
    }
    return on
  }

  function highlight(text, on, from = 0, to = text.length) {
    let html = ""
    let open = false
    for (let i = from; i < to; i++) {
      if (on[i] && !open) { html += "<mark>"; open = true }
      if (!on[i] && open) { html += "</mark>"; open = false }
      html += escapeHTML(text[i])
    }
    return html + (open ? "</mark>" : "")
  }

  function snippet(text, matched) {
    if (!text) return ""
    const on = marks(text, matched)
    const first = on.indexOf(1)
    const start = first > SNIPPET / 3 ? first - Math.floor(SNIPPET / 6) : 0
    const end = Math.min(text.length, start + SNIPPET)
    return "<p>" + (start > 0 ? "… " : "") + highlight(text, on, start, end) + (end < text.length ? " …" : "") + "</p>"
  }

  /* Material's `terms`: each query word and whether this page holds it. Matched words go into the
     ?h= highlight of the link; missing ones are shown struck through. Han runs are reported by
     their matched stretches, so no junk bigram is ever listed as missing. */
  function queryWords(query, has) {
    const terms = {}
    const text = S.fold(S.normalize(query), engine.tables)   // 帳號 is shown as found, as 帐号
    for (const m of text.matchAll(engine.tables.token)) {
      const word = m[0]
      if (engine.tables.han.test(word)) {
        const on = new Uint8Array(word.length)
        for (let i = 0; i < word.length; i++)
          for (let size = word.length === 1 ? 1 : 2; size <= Math.min(2, word.length - i); size++)
            if (has(word.slice(i, i + size))) on.fill(1, i, i + size)
        let any = false
        for (const s of word.replace(/./g, (c, i) => on[i] ? c : " ").split(" ")) if (s) { terms[s] = true; any = true }
        if (!any && !engine.tables.stop.has(word) && word.length > 1) terms[word] = false
      } else if (!engine.tables.stop.has(word)) {
        terms[word] = has(S.stem(word))
      }
    }
    return terms
  }

  function search(query) {
    const { terms, groups } = engine.search(query)
    const own = engine.own.postings
    const topic = engine.topic.postings
    const items = groups.slice(0, GROUPS).map(group => {
      const page = engine.pages[group.page]
      const inPage = t => (topic.has(t) && topic.get(t).has(group.page))
        || group.docs.some(([d]) => own.has(t) && own.get(t).has(d))
      const matched = new Set(terms.map(([t]) => t).filter(inPage))
      const words = queryWords(query, t => matched.has(t))
      const docs = group.docs.filter(([d, score], i) => i === 0 || d === group.page || score > 0)
        .slice(0, SECTIONS + 1)
      if (!docs.some(([d]) => d === group.page)) docs.push([group.page, 0])
      return docs.map(([d, score]) => {
        const isPage = d < engine.pages.length
        const section = isPage ? null : engine.sections[d - engine.pages.length]
        const title = isPage ? page[1] : section[2]
        const text = isPage ? (page[4] || page[2]) : section[3]
        const on = marks(title, matched)
        return {
          location: page[0] + (isPage ? "" : "#" + section[1]),
          title: highlight(title, on),
          text: snippet(text, matched),
          score: score / 1e6,
          terms: words
        }
      })
    })
    return { items, total: groups.length }
  }

  async function handle(message) {
    switch (message.type) {
      case 0:                                           // SETUP
        if (FROM_DISK) load().catch(() => { loading = null })
        return { type: 1 }                              // READY
      case 2: {                                         // QUERY
        const query = `${message.data || ""}`
        if (!query.trim()) return { type: 3, data: { items: [], total: 0 } }
        try {
          await load()
          await engine.prepare(query, GROUPS)
          return { type: 3, data: search(query) }
        } catch (err) {
          loading = null
          console.warn(`Search failed: ${err}`)
          return { type: 3, data: { items: [], total: 0 } }
        }
      }
      default:
        throw new TypeError("Invalid message type")
    }
  }

  let queue = Promise.resolve()
  addEventListener("message", ev => {
    queue = queue.then(() => handle(ev.data)).then(reply => postMessage(reply))
  })
})()
