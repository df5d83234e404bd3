#!/usr/bin/env node
// How long the "Is this really OKPay?" checker takes on its worst inputs at the maximum length.
// Prints figures (median and worst of many runs per input); asserts nothing: timings depend on
// the machine, so tests/js/ checks the linear shape of the work instead. Target: under 5 ms per
// input at the maximum length on a phone-class CPU.
//
//   node scripts/bench_channel_check.mjs [runs]      (PYTHON picks the Python; default .venv)

import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const checker = require(path.join(ROOT, "docs/assets/javascripts/channel-check.js"));
const venv = path.join(ROOT, ".venv/bin/python");
const python = process.env.PYTHON || (existsSync(venv) ? venv : "python3");
const DATA = JSON.parse(execFileSync(python, ["-c",
  "import json; from helpcenter import registry as r, channel_checker as c; " +
  "print(json.dumps(c.checker_data(r.model('tests/data/registry-fixture.yml'), 'en')))"], { cwd: ROOT, encoding: "utf-8" }));

const N = checker.MAX_LENGTH;
const RUNS = Number(process.argv[2] || 200);
const INPUTS = {
  "((((…x (phone prefix)": "(".repeat(N - 1) + "x",
  "spaces…x": " ".repeat(N - 1) + "x",
  "a, inner spaces, b": "a" + " ".repeat(N - 2) + "b",
  "digits…x": "1".repeat(N - 1) + "x",
  "+(((…": "+" + "(".repeat(N - 1),
  "<@@@…": "<" + "@".repeat(N - 1),
  "a<x@@@…": "a<x" + "@".repeat(N - 3),
  "a.a.a.…": "a.".repeat(N / 2),
  "labels..": "ab.".repeat(N / 3 - 1) + "..",
  "xn--…": "xn--" + "a".repeat(N - 4),
  "mailto:…?bcc": "mailto:" + "a".repeat(N - 40) + "@okpay.example.com?bcc=x",
  "https://host/…": "https://okpay.example.com/" + "a/".repeat((N - 26) / 2),
  "@handle…": "@" + "o".repeat(N - 1),
  "random letters": Array.from({ length: N }, (_, i) => String.fromCharCode(97 + ((i * 7919) % 26))).join(""),
};
// The patterns this version replaced, for comparison.
const OLD = {
  "phone pattern": [/^[(\s]*\+?[\d\s().\-/]+$/, "(".repeat(N - 1) + "x"],
  "edge trim": [/^[\s\u200b]+|[\s\u200b]+$/g, "a" + " ".repeat(N - 2) + "b"],
  "named email": [/^(.*)<([^<>]+@[^<>]+)>$/s, "<" + "@".repeat(N - 1)],
};

function time(fn) {
  const samples = [];
  for (let i = 0; i < 20; i++) fn(); // warm up the JIT
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], p99: samples[Math.floor(samples.length * 0.99)], max: samples[samples.length - 1] };
}

const row = (name, t) => console.log(`${name.padEnd(28)} ${t.median.toFixed(3).padStart(8)} ${t.p99.toFixed(3).padStart(8)} ${t.max.toFixed(3).padStart(8)}`);
console.log(`channel checker, ${N}-character inputs, ${RUNS} runs each (ms)`);
console.log(`${"input".padEnd(28)} ${"median".padStart(8)} ${"p99".padStart(8)} ${"max".padStart(8)}`);
let worst = 0;
for (const [name, input] of Object.entries(INPUTS)) {
  const t = time(() => checker.check(input, DATA));
  worst = Math.max(worst, t.median);
  row(name, t);
}
console.log(`worst median: ${worst.toFixed(3)} ms (target < 5 ms)`);
console.log("\nreplaced patterns on their worst input (for comparison)");
for (const [name, [re, input]] of Object.entries(OLD)) row(name, time(() => input.replace(re, "") && re.test(input)));
