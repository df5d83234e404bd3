// The JavaScript runtime of the search core (helpcenter/search/core.js) on a built index:
// node search-parity.cjs <index.json> < queries.json  ->  [[top-3 locations], ...]
const fs = require("fs")
const path = require("path")
const { Engine } = require(path.join(__dirname, "..", "..", "helpcenter", "search", "core.js"))
const engine = new Engine(JSON.parse(fs.readFileSync(process.argv[2], "utf8")))
const queries = JSON.parse(fs.readFileSync(0, "utf8"))
process.stdout.write(JSON.stringify(queries.map(q => engine.top(q, 3))))
