// The JavaScript runtime of the search core (helpcenter/search/core.js) on a built index:
// node search-parity.cjs <index.json> < queries.json  ->  [[[page, anchor, score] x 3], ...]
// (Engine.answers: the reply links of the console and of `helpcenter chatlink`, with their scores)
const fs = require("fs")
const path = require("path")
const { Engine } = require(path.join(__dirname, "..", "..", "helpcenter", "search", "core.js"))
const engine = new Engine(JSON.parse(fs.readFileSync(process.argv[2], "utf8")))
const queries = JSON.parse(fs.readFileSync(0, "utf8"))
process.stdout.write(JSON.stringify(queries.map(q => engine.answers(q, 3))))
