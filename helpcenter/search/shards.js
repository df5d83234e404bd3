/* The sharded index's reader for the browser's search worker, the agent console and Node: the same
   as the reader in helpcenter/search/shards.py (see there for the layout and why). Needs core.js
   loaded first.

   const files = OkpaySearchShards.files(folderURL)   // the one loader of the index's files
   const engine = new OkpaySearchShards.ShardedEngine(await files("head"), files)
   await engine.prepare(query, pages)   // fetches the shards the query needs, then the files of its
                                        // first `pages` result pages
   engine.search(query) / engine.answers(query)   // as core.js, on what is loaded */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require("./core.js"))
  else root.OkpaySearchShards = factory(root.OkpaySearch)
})(typeof self !== "undefined" ? self : this, function (S) {
  "use strict"

  const FORMAT = 2
  const ROUNDS = 5

  function shardOf(text, count) {
    let h = 0x811c9dc5
    for (const c of text) h = Math.imul(h ^ c.codePointAt(0), 0x01000193) >>> 0
    return h % count
  }

  /* A script, run: importScripts in the worker (and in the iframe that stands in for it from
     file://), a script element in a page. */
  function runScript(src) {
    if (typeof importScripts === "function") return Promise.resolve(importScripts(src))
    return new Promise((resolve, reject) => {
      const script = document.createElement("script")
      script.src = src
      script.onload = () => { script.remove(); resolve() }
      script.onerror = () => { script.remove(); reject(new Error(`search index: cannot load ${src}`)) }
      document.head.appendChild(script)
    })
  }

  /* The loader of a sharded index's files, for the search worker and the agent console alike:
     name -> Promise<its content>. Over http a file is fetched as JSON. From file:// (the offline
     copy), where fetch() cannot read files, its script twin (name.js, shards.py script) is run: it
     stores its data under self.__okpaySearchFiles["<folder name>/<name>"], read and dropped here. */
  function files(folder) {
    const space = decodeURIComponent(folder.replace(/\/$/, "").split("/").pop())
    const fromDisk = folder.startsWith("file:") || typeof fetch !== "function"
    return async name => {
      if (!fromDisk) {
        const response = await fetch(new URL(name + ".json", folder).href)
        if (!response.ok) throw new Error(`search index ${name}: HTTP ${response.status}`)
        return response.json()
      }
      await runScript(new URL(name + ".js", folder).href)
      const store = self.__okpaySearchFiles || {}
      const data = store[`${space}/${name}`]
      delete store[`${space}/${name}`]
      if (data === undefined) throw new Error(`search index: ${name}.js holds no data`)
      return data
    }
  }

  function decode(flat, fields, avg, b) {
    const row = new Map()
    const entries = Object.entries(fields)
    let i = 0
    let doc = 0
    while (i < flat.length) {
      doc += flat[i]
      const mask = flat[i + 1]
      i += 2
      let tf = 0.0
      entries.forEach(([field, weight], bit) => {
        if ((mask >> bit) & 1) {
          const count = flat[i]
          const length = flat[i + 1]
          i += 2
          const norm = 1 - b + b * length / avg[field]
          for (let n = 0; n < count; n++) tf = tf + weight / norm
        }
      })
      row.set(doc, tf)
    }
    return row
  }

  /* A collection's postings so far: looking up a term of a shard not loaded notes the shard. */
  class Postings extends Map {
    constructor(store) {
      super()
      this.store = store
    }

    get(term) {
      const row = super.get(term)
      if (row === undefined) this.store.ask(term)
      return row
    }

    has(term) {
      if (super.has(term)) return true
      this.store.ask(term)
      return false
    }
  }

  /* A collection read from shards: a capped term's document count is the one it ships with. */
  class ShardCollection extends S.Collection {
    df(term) {
      return this.counts.has(term) ? this.counts.get(term) : super.df(term)
    }
  }

  class ShardedEngine extends S.Engine {
    constructor(head, fetchFile) {
      super(head)
      this.fetchFile = fetchFile
      this.fetched = []            // file names, in order (the tests and the benchmark read it)
      this.requests = new Map()    // file name -> Promise<content>: two queries at once fetch it once
    }

    index(head) {
      if (!head.shards || head.shards.format !== FORMAT)
        throw new Error(`search shards: format ${head.shards && head.shards.format}, expected ${FORMAT}`)
      this.head = head
      this.count = head.shards.count
      this.words = head.shards.words
      this.key = head.shards.key
      this.loaded = new Set()
      this.missing = new Set()
      this.latinWords = []
      this.pageLoads = new Map()
      const spans = head.spans
      this.docs = spans.map((_, i) => [i, ""])
      this.first = []
      let total = 0
      spans.forEach((n, p) => {
        this.first.push(total)
        total += n
        for (let k = 0; k < n; k++) this.docs.push([p, ""])
      })
      this.pages = new Array(spans.length).fill(null)
      this.sections = new Array(total).fill(null)
      this.topic = this.collection(head.topic)
      this.own = this.collection(head.own)
      this.seenWords = new Set(head.seen || [])
    }

    // shards.py writes which of the vocabulary's Chinese words the pages hold as written
    seen(text) {
      return this.seenWords.has(text)
    }

    pageId(page) {
      return this.head.ids[page]
    }

    collection(stats) {
      const c = Object.create(ShardCollection.prototype)
      c.k1 = this.rank.k1
      c.n = stats.n
      c.postings = new Postings(this)
      c.counts = new Map()
      return c
    }

    note(name) {
      if (!this.loaded.has(name)) this.missing.add(name)
    }

    ask(term) {
      this.note(`t${shardOf(term, this.count)}`)
    }

    // prefixed() asks for prefix_min letters or more, and the key is prefix_min letters long
    wordsFrom(prefix) {
      this.note(`w${shardOf([...prefix].slice(0, this.key).join(""), this.words)}`)
      return this.latinWords.filter(t => t.startsWith(prefix))
    }

    get(name) {
      if (!this.requests.has(name)) {
        this.fetched.push(name)
        this.requests.set(name, this.fetchFile(name).catch(err => { this.requests.delete(name); throw err }))
      }
      return this.requests.get(name)
    }

    /* The page of an article id (the agent console titles an answer in another edition). */
    pageOf(id) {
      return this.head.ids.indexOf(id)
    }

    async loadShards(names) {
      const wanted = [...names].filter(s => !this.loaded.has(s)).sort()
      const contents = await Promise.all(wanted.map(name => this.get(name)))
      const rank = this.rank
      wanted.forEach((name, k) => {
        if (this.loaded.has(name)) return
        if (name.startsWith("w")) {
          for (const listed of Object.values(contents[k])) this.latinWords.push(...listed)
          this.latinWords.sort()
        } else {
          for (const [term, row] of Object.entries(contents[k])) {
            if (row[0].length)
              Map.prototype.set.call(this.topic.postings, term, decode(row[0], rank.topic_fields, this.head.topic.avg, rank.b))
            if (row[1].length)
              Map.prototype.set.call(this.own.postings, term, decode(row[1], rank.own_fields, this.head.own.avg, rank.b))
            if (row.length > 2) {
              this.topic.counts.set(term, row[2])
              this.own.counts.set(term, row[3])
            }
          }
        }
        this.loaded.add(name)
      })
    }

    loadPage(p) {
      if (!this.pageLoads.has(p))
        this.pageLoads.set(p, this.get(`p${p}`).then(content => {
          this.pages[p] = content.page
          content.sections.forEach((s, i) => { this.sections[this.first[p] + i] = [p, ...s] })
        }, err => { this.pageLoads.delete(p); throw err }))
      return this.pageLoads.get(p)
    }

    /* Fetch what `query` needs: its shards, then the files of its first `pages` result pages. */
    async prepare(query, pages = 3) {
      for (let round = 0; round < ROUNDS; round++) {
        this.missing.clear()
        const result = this.search(query)
        if (!this.missing.size) {
          await Promise.all(result.groups.slice(0, pages).map(g => this.loadPage(g.page)))
          return result
        }
        await this.loadShards(this.missing)
      }
      throw new Error(`search shards: ${JSON.stringify(query)} still needs shards after ${ROUNDS} rounds`)
    }
  }

  return { ShardedEngine, files, shardOf, decode, FORMAT }
});
