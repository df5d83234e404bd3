// The JavaScript runtime of the search core on a small index, its whole output per query:
// node search-core-full.cjs <index.json> < queries.json  ->  [{terms, intents, groups, answers}, ...]
const fs = require("fs")
const path = require("path")
const { Engine } = require(path.join(__dirname, "..", "..", "helpcenter", "search", "core.js"))
const engine = new Engine(JSON.parse(fs.readFileSync(process.argv[2], "utf8")))
const queries = JSON.parse(fs.readFileSync(0, "utf8"))
process.stdout.write(JSON.stringify(queries.map(q => {
  const { terms, intents, groups } = engine.search(q)
  return { terms, intents, groups, answers: engine.answers(q, 3) }
})))
