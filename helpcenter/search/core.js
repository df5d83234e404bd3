/* The retrieval core, JavaScript runtime: the same engine as core.py, line for line (see there
   for why each step exists). Runs in the browser's search worker and under Node (the parity
   test). No dependencies; everything the query side needs comes from the index file, the ranking
   constants and the Han range included (helpcenter/search/ranking.py, helpcenter/text.py). */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory()
  else root.OkpaySearch = factory()
})(typeof self !== "undefined" ? self : this, function () {
  "use strict"

  const APOSTROPHE = /([a-z])['\u2019]([a-z])/g

  const IRREGULAR = {
    frozen: "freeze", froze: "freeze", withdrew: "withdraw", withdrawn: "withdraw",
    sent: "send", stolen: "steal", stole: "steal", paid: "pay", got: "get",
    gotten: "get", gave: "give", given: "give", forgot: "forget", forgotten: "forget",
    lost: "lose", chose: "choose", chosen: "choose", took: "take", taken: "take",
    made: "make", won: "win", came: "come", went: "go", gone: "go", said: "say",
    told: "tell", bought: "buy", ids: "id", emails: "email", lying: "lie"
  }

  function normalize(text) {
    text = text.normalize("NFKC").toLowerCase().split("\u200b").join("")
    return text.replace(APOSTROPHE, "$1$2")
  }

  function endsWithAny(word, list) {
    return list.some(s => word.endsWith(s))
  }

  function stem(word) {
    if (Object.prototype.hasOwnProperty.call(IRREGULAR, word)) return IRREGULAR[word]
    if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word
    if (word.endsWith("ies") && word.length > 4) word = word.slice(0, -3) + "y"
    else if (word.endsWith("sses")) word = word.slice(0, -2)
    else if (endsWithAny(word, ["xes", "zes", "ches", "shes"])) word = word.slice(0, -2)
    else if (word.endsWith("s") && !endsWithAny(word, ["ss", "us", "is"])) word = word.slice(0, -1)
    for (const suffix of ["ing", "ed", "ly"]) {
      if (word.endsWith(suffix) && word.length - suffix.length >= 3 && !word.endsWith("eed")) {
        word = word.slice(0, -suffix.length)
        const n = word.length
        if (suffix !== "ly" && n > 2 && word[n - 1] === word[n - 2] && !"lsz".includes(word[n - 1]))
          word = word.slice(0, -1)
        break
      }
    }
    if (word.length >= 4 && word.endsWith("e") && !word.endsWith("ee")) word = word.slice(0, -1)
    return word
  }

  function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  }

  class Tables {
    constructor(data) {
      this.rank = data.ranking
      this.han = new RegExp(`[${data.han}]`)
      this.token = new RegExp(`[${data.han}]+|[a-z0-9]+`, "g")
      this.hanRun = new RegExp(`[${data.han}]+`, "g")     // for the worker's highlighting
      const [traditional, simplified] = data.fold || ["", ""]
      this.fold = new Map([...traditional].map((c, i) => [c, [...simplified][i]]))
      this.stop = new Set(data.stop || [])
      this.chatter = new Set(data.chatter || [])
      this.cuts = [...this.stop].filter(w => w.length > 1 && this.han.test(w[0]))
      this.cutLen = this.cuts.reduce((m, w) => Math.max(m, w.length), 0)
      this.typos = (data.typos || []).map(([w, r]) => [w, r, this.han.test(w)
        ? null : new RegExp("(?<![a-z0-9])" + escapeRegExp(w) + "(?![a-z0-9])", "g")])
      this.syn = expansions(data.groups || [], this).map(([k, terms]) => [k, terms, this.han.test(k)])
      this.intents = (data.intents || []).map(([name, cues]) =>
        [name, cues.map(c => c.split("...").map(p => this.han.test(p) ? [p.trim(), true] : [wordKey(p), false]))])
    }
  }

  function chatterOnly(text, tables) {
    const tokens = text.match(tables.token) || []
    if (!tokens.length || !tables.chatter.size) return false
    const allowed = w => tables.chatter.has(w) || tables.stop.has(w)
    for (const token of tokens) {
      if (!tables.han.test(token[0])) {
        if (!allowed(token)) return false
        continue
      }
      const reach = [true].concat(new Array(token.length).fill(false))
      for (let i = 0; i < token.length; i++)
        for (let j = i + 1; j <= token.length; j++)
          if (reach[i] && allowed(token.slice(i, j))) reach[j] = true
      if (!reach[token.length]) return false
    }
    return true
  }

  function latinKey(text, tables) {
    return " " + (text.match(/[a-z0-9]+/g) || []).filter(w => !tables.stop.has(w)).map(stem).join(" ") + " "
  }

  function wordKey(text) {
    return " " + (text.match(/[a-z0-9]+/g) || []).join(" ") + " "
  }

  function intentsOf(text, tables) {
    const words = wordKey(text)
    const holds = parts => {
      let at = 0
      for (const [part, han] of parts) {
        const found = (han ? text : words).indexOf(part, at)
        if (found < 0) return false
        at = found + part.length - (han ? 0 : 1)
      }
      return true
    }
    return tables.intents.filter(([, cues]) => cues.some(holds)).map(([name]) => name)
  }

  function expansions(groups, tables) {
    const found = new Map()
    for (const group of groups) {
      const keys = group.map(entry => tables.han.test(entry) ? entry : latinKey(entry, tables))
      keys.forEach(key => {
        if (!key.trim()) return
        if (!found.has(key)) found.set(key, new Map())
        const row = found.get(key)
        group.forEach((other, j) => {
          if (keys[j] !== key) for (const term of analyze(other, tables, false)) row.set(term, null)
        })
      })
    }
    return [...found.entries()].filter(([, row]) => row.size).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, row]) => [key, [...row.keys()]])
  }

  function splitStop(run, tables) {
    const parts = []
    let start = 0
    let i = 0
    while (i < run.length) {
      let cut = false
      for (let size = Math.min(tables.cutLen, run.length - i); size > 1; size--) {
        if (tables.stop.has(run.slice(i, i + size))) {
          if (i > start) parts.push(run.slice(start, i))
          i += size
          start = i
          cut = true
          break
        }
      }
      if (!cut) i++
    }
    if (start < run.length) parts.push(run.slice(start))
    return parts.length === 1 && parts[0] === run ? parts : parts.filter(p => p.length > 1 || !tables.chatter.has(p))
  }

  function analyze(text, tables, index, pairs = true) {
    const out = []
    const tokens = []
    for (const token of normalize(text).match(tables.token) || [])
      if (tables.han.test(token)) tokens.push(...splitStop(token, tables))
      else tokens.push(token)
    let previous = ""
    for (const token of tokens) {
      if (tables.han.test(token)) {
        previous = ""
        const n = token.length
        if (n === 1) {
          if (!tables.stop.has(token)) out.push(token)
          continue
        }
        if (index)
          for (const c of token) if (!tables.stop.has(c)) out.push(c)
        for (let i = 0; i < n - 1; i++) {
          const gram = token.slice(i, i + 2)
          if (!tables.stop.has(gram) && !(tables.stop.has(gram[0]) && tables.stop.has(gram[1]))) out.push(gram)
        }
      } else if (!tables.stop.has(token) && !(/^[0-9]+$/.test(token) && (token.length < 2 || token.length > 3))) {
        const word = stem(token)
        out.push(word)
        if (previous && pairs) out.push(previous + " " + word)
        previous = word
      } else {
        previous = ""
      }
    }
    return out
  }

  function fold(text, tables) {
    return tables.fold.size ? [...text].map(c => tables.fold.get(c) || c).join("") : text
  }

  function fixTypos(text, tables) {
    for (const [wrong, right, pattern] of tables.typos)
      text = pattern ? text.replace(pattern, right) : text.split(wrong).join(right)
    return text
  }

  function prepare(query, tables) {
    return fixTypos(fold(normalize(query), tables), tables)
  }

  function queryTerms(query, tables, known = () => true, seen = () => true) {
    const text = prepare(query, tables)
    const weights = new Map()
    for (const term of analyze(text, tables, false)) {
      const glue = term.length === 2 && tables.han.test(term[0]) && (tables.stop.has(term[0]) || tables.stop.has(term[1]))
      weights.set(term, glue ? tables.rank.glue_weight : term.includes(" ") ? tables.rank.pair_weight : 1.0)
    }
    const latin = latinKey(text, tables)
    for (const [key, terms, han] of tables.syn) {
      const found = han ? text.includes(key) : latin.includes(key)
      if (found) {
        const held = han ? analyze(key, tables, false) : key.trim().split(" ")
        const fanOut = Math.max(1.0, terms.length / Math.max(1, held.length))
        const used = han ? seen(key) : held.some(known)
        const spread = used ? tables.rank.spread : tables.rank.unknown_spread
        const weight = Math.floor((used ? tables.rank.synonym_weight : 1.0) / Math.pow(fanOut, spread) * 1e9 + 0.5) / 1e9
        for (const term of terms) if ((weights.get(term) || 0.0) < weight) weights.set(term, weight)
      }
    }
    return [...weights.entries()]
  }

  function length(words) {
    let n = 0
    for (const w of words) if (!w.includes(" ")) n++
    return n
  }

  class Collection {
    constructor(docs, fields, k1, b) {
      const n = docs.length
      this.k1 = k1
      const avg = {}
      for (const f of Object.keys(fields)) {
        let total = 0
        for (const d of docs) total += length(d[f] || [])
        avg[f] = (n ? total / n : 0) || 1.0
      }
      this.n = n
      this.postings = new Map()
      docs.forEach((doc, i) => {
        for (const [field, weight] of Object.entries(fields)) {
          const words = doc[field] || []
          if (!words.length) continue
          const norm = 1 - b + b * length(words) / avg[field]
          for (const term of words) {
            let row = this.postings.get(term)
            if (!row) this.postings.set(term, row = new Map())
            row.set(i, (row.get(i) || 0.0) + weight / norm)
          }
        }
      })
    }

    df(term) {
      const row = this.postings.get(term)
      return row ? row.size : 0
    }

    idf(term) {
      const df = this.df(term)
      return Math.log(1 + (this.n - df + 0.5) / (df + 0.5))
    }

    scores(terms) {
      const out = new Map()
      for (const [term, weight] of terms) {
        const row = this.postings.get(term)
        if (!row || !row.size) continue
        const idf = this.idf(term)
        for (const [i, tf] of row) {
          let entry = out.get(i)
          if (!entry) out.set(i, entry = [0.0, new Set()])
          entry[0] += weight * idf * tf / (this.k1 + tf)
          entry[1].add(term)
        }
      }
      return out
    }
  }

  function quantize(x) {
    return Math.floor(x * 1e6 + 0.5)
  }

  class Engine {
    constructor(data) {
      this.data = data
      this.tables = new Tables(data)
      this.rank = this.tables.rank
      this.index(data)
    }

    /* Built from the index's text; shards.js overrides this (postings from shards). */
    index(data) {
      const rank = this.rank
      this.pages = data.pages
      this.sections = data.sections
      const heads = this.pages.map(() => [])
      for (const [p, , title] of this.sections) heads[p].push(...analyze(title, this.tables, true))
      this.topic = new Collection(this.pages.map((p, i) => ({
        title: analyze(p[1], this.tables, true), desc: analyze(p[2], this.tables, true),
        keys: analyze(p[3], this.tables, true), heads: heads[i]
      })), rank.topic_fields, rank.k1, rank.b)
      this.docs = this.pages.map((_, i) => [i, ""]).concat(this.sections.map(s => [s[0], s[1]]))
      this.own = new Collection(
        this.pages.map(p => ({ text: analyze(p[4], this.tables, true, false) })).concat(
          this.sections.map(s => ({ title: analyze(s[2], this.tables, true), text: analyze(s[3], this.tables, true, false) }))),
        rank.own_fields, rank.k1, rank.b)
      this.corpus = this.pages.flatMap(p => p.slice(1, 5).map(normalize)).join("\n") + "\n" +
        this.sections.map(s => normalize(s[2] + "\n" + s[3])).join("\n")
      this.latin = [...new Set([...this.topic.postings.keys(), ...this.own.postings.keys()])]
        .filter(t => /^[a-z0-9]+$/.test(t)).sort()
    }

    seen(text) {
      return this.corpus.includes(text)
    }

    pageId(page) {
      return this.pages[page][5]
    }

    wordsFrom(prefix) {
      return this.latin.filter(t => t.startsWith(prefix))
    }

    known(term) {
      return this.topic.postings.has(term) || this.own.postings.has(term)
    }

    prefixed(query, terms) {
      const m = /[a-z0-9]+$/.exec(normalize(query))
      if (!m || m[0].length < this.rank.prefix_min || this.tables.stop.has(m[0]) || this.known(stem(m[0]))) return terms
      const have = new Set(terms.map(([t]) => t))
      const found = this.wordsFrom(m[0]).filter(t => !have.has(t)).slice(0, this.rank.prefix_max)
      return terms.concat(found.map(t => [t, this.rank.prefix_weight]))
    }

    search(query) {
      if (chatterOnly(prepare(query, this.tables), this.tables))
        return { terms: [], intents: [], groups: [] }
      const terms = this.prefixed(query, queryTerms(query, this.tables, t => this.known(t), t => this.seen(t)))
      const cued = intentsOf(prepare(query, this.tables), this.tables)
      const found = cued.filter(name => !this.rank.intents[name].needs
        || this.rank.intents[name].needs.some(other => cued.includes(other)))
      const quiet = new Set(found.flatMap(name => this.rank.intents[name].quiets || []))
      const intents = found.filter(name => !quiet.has(name))
      const lifts = new Map()
      for (const name of intents) {
        const intent = this.rank.intents[name]
        for (const article of intent.articles) lifts.set(article, (lifts.has(article) ? lifts.get(article) : 1.0) + intent.lift)
      }
      const ownTerms = terms.filter(([, w]) => w === 1.0).map(([t]) => t)
      const topic = this.topic.scores(terms)
      const own = this.own.scores(terms)
      const pageTerms = new Map()
      const hold = (p, matched) => {
        let set = pageTerms.get(p)
        if (!set) pageTerms.set(p, set = new Set())
        for (const t of matched) set.add(t)
      }
      for (const [p, [, matched]] of topic) hold(p, matched)
      for (const [d, [, matched]] of own) hold(this.docs[d][0], matched)
      const groups = new Map()
      this.docs.forEach(([page], d) => {
        const base = own.has(d) ? own.get(d)[0] : 0.0
        const top = topic.has(page) ? topic.get(page)[0] : 0.0
        if (base === 0.0 && (top === 0.0 || d >= this.pages.length)) return
        if (!groups.has(page)) groups.set(page, [])
        groups.get(page).push([d, base + this.rank.topic_weight * top])
      })
      let result = []
      for (const [page, list] of groups) {
        const held = pageTerms.get(page) || new Set()
        const coverage = ownTerms.length ? ownTerms.filter(t => held.has(t)).length / ownTerms.length : 1.0
        const factor = Math.pow(0.5 + 0.5 * coverage, this.rank.coverage_power)
        const lift = lifts.has(this.pageId(page)) ? lifts.get(this.pageId(page)) : 1.0
        const docs = list.map(([d, s]) => [d, quantize(s * factor * lift)])
        if (!docs.some(([d]) => d === page)) docs.push([page, 0])
        docs.sort((a, b) => (b[1] - a[1]) || (a[0] - b[0]))
        result.push({ page, score: docs[0][1], docs })
      }
      result.sort((a, b) => (b.score - a.score) || (a.page - b.page))
      if (!result.length || result[0].score < quantize(this.rank.min_score)) result = []
      return { terms, intents, groups: result }
    }

    answers(query, limit = 3) {
      return this.search(query).groups.slice(0, limit).map(group => {
        const [best, bestScore] = group.docs[0]
        const pageScore = group.docs.find(([d]) => d === group.page)[1]
        const anchor = best !== group.page && bestScore > this.rank.heading_lead * pageScore
          ? this.sections[best - this.pages.length][1] : ""
        return [group.page, anchor, group.score]
      })
    }

    top(query, limit = 3) {
      return this.search(query).groups.slice(0, limit).map(g => this.pages[g.page][0])
    }
  }

  return { Engine, Collection, analyze, normalize, fold, stem, queryTerms, Tables }
});
