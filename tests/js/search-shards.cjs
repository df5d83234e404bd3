// The JavaScript runtimes of the search core on a built site, whole index and sharded index side by
// side: node search-shards.cjs <index.json> <shard folder> < queries.json
//   -> [{whole: {terms, groups, answers}, sharded: {terms, groups, answers}, fetched: [file names], capped}, ...]
// Each query gets a fresh sharded engine (a first search: it fetches only what the query needs).
const fs = require("fs")
const path = require("path")
const { Engine } = require(path.join(__dirname, "..", "..", "helpcenter", "search", "core.js"))
const { ShardedEngine } = require(path.join(__dirname, "..", "..", "helpcenter", "search", "shards.js"))
const whole = new Engine(JSON.parse(fs.readFileSync(process.argv[2], "utf8")))
const folder = process.argv[3]
const read = name => JSON.parse(fs.readFileSync(path.join(folder, name + ".json"), "utf8"))
const head = read("head")
const queries = JSON.parse(fs.readFileSync(0, "utf8"))

;(async () => {
  const out = []
  for (const q of queries) {
    const engine = new ShardedEngine(head, async name => read(name))
    await engine.prepare(q, 3)
    const sharded = engine.search(q)
    const full = whole.search(q)
    out.push({
      whole: { terms: full.terms, intents: full.intents, groups: full.groups, answers: whole.answers(q, 3) },
      sharded: { terms: sharded.terms, intents: sharded.intents, groups: sharded.groups, answers: engine.answers(q, 3) },
      fetched: engine.fetched,
      // a term above the layout's cap ships its heaviest postings only (shards.py CAP)
      capped: sharded.terms.some(([t]) => engine.topic.counts.has(t) || engine.own.counts.has(t))
    })
  }
  process.stdout.write(JSON.stringify(out))
})().catch(err => { console.error(err); process.exit(1) })
