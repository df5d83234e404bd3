// The checker (docs/assets/javascripts/channel-check.js) against the real registry, both ways:
// every official value in the shapes people paste is "official", prepared fakes are not, and
// thousands of random and adversarial strings never throw, stay fast and are never "official"
// unless they truly are a registry value. Run: node --test tests/js/
// The data is the page's own JSON, built by helpcenter/channel_checker.py from the fixture
// registry tests/data/registry-fixture.yml (PYTHON overrides which Python runs it; default: the
// project's .venv). Speed is measured by scripts/bench_channel_check.mjs, never asserted here.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { domainToUnicode } from "node:url";
import { fileURLToPath } from "node:url";
import path from "node:path";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(import.meta.url);
const checker = require(path.join(ROOT, "docs/assets/javascripts/channel-check.js"));

function pagePayloads() {
  const venv = path.join(ROOT, ".venv/bin/python");
  const python = process.env.PYTHON || (existsSync(venv) ? venv : "python3");
  const code = "import json; from helpcenter import registry as r, channel_checker as c; " +
    "d = r.model('tests/data/registry-fixture.yml'); u = {'never-ask': 'scams/never-ask/', 'if-scammed': 'scams/if-scammed/'}; " +
    "print(json.dumps({l: c.payload(d, l, 'x/', u) for l in r.LANGS}, ensure_ascii=False))";
  return JSON.parse(execFileSync(python, ["-c", code], { cwd: ROOT, encoding: "utf-8" }));
}

const PAGES = pagePayloads();
const DATA = PAGES.zh.data;
const check = (input) => checker.check(input, DATA);
const REASONS = new Set();
function verdictOf(input) {
  const answer = check(input);
  REASONS.add(answer.reason);
  return answer;
}

// ---- every official value, in the shapes people paste ----------------------------------------

const fullWidth = (s) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

function phoneShapes(e164) {
  const shapes = [e164, "tel:" + e164, fullWidth(e164), " " + e164 + " ", "\u202a" + e164 + "\u202c",
    "00" + e164.slice(1), e164.replace(/^\+/, "+ ")];
  const cc = DATA.countryCodes.find((c) => e164.startsWith("+" + c));
  const nat = e164.slice(1 + cc.length);
  const groups = nat.length === 10 ? [nat.slice(0, 3), nat.slice(3, 6), nat.slice(6)] : [nat.slice(0, 4), nat.slice(4)];
  shapes.push(`+${cc} ${groups.join(" ")}`, `+${cc}-${groups.join("-")}`, `+${cc} (${groups[0]}) ${groups.slice(1).join("-")}`,
    `+${cc} (0)${groups.join(" ")}`, `00${cc}.${groups.join(".")}`, `tel:+${cc}-${groups.join("-")}`,
    fullWidth(`+${cc} ${groups.join(" ")}`), `(+${cc}) ${groups.join(" ")}`);
  // Without a country code, as printed in the hotline's own country (its national digits, with
  // or without its trunk prefix), whatever the registry's default region.
  const phone = DATA.phones.find((p) => p.value === e164);
  const trunk = phone.trunk ? [phone.trunk + "-", phone.trunk + " ", phone.trunk] : [""];
  shapes.push(nat, groups.join("-"), groups.join("."), groups.join(" "), fullWidth(groups.join("-")));
  if (groups.length === 3) shapes.push(`(${groups[0]}) ${groups[1]}-${groups[2]}`, `（${groups[0]}）${groups[1]}-${groups[2]}`);
  for (const t of trunk) shapes.push(t + groups.join("-"), `${t}(${groups[0]}) ${groups.slice(1).join(" ")}`);
  if (cc === DATA.defaultRegion.code && cc === "1") shapes.push(`011 1 ${groups.join(" ")}`);
  return shapes;
}

function domainShapes(d) {
  return [d, d.toUpperCase(), d + ".", "https://" + d, "http://" + d + "/", "HTTPS://" + d.toUpperCase() + "/Login",
    "https://" + d + ":8443/path?q=1#top", "www." + d, "https://www." + d + "./x", "//" + d + "/a", d + "/path",
    fullWidth(d), d.replace(/\./g, "\u3002"), "https://visitor@" + d + "/", "https://" + d + "\\x"];
}

function emailShapes(a) {
  return [a, a.toUpperCase(), "mailto:" + a, "MAILTO:" + a + "?subject=Hello", `OKPay Support <${a}>`,
    `"Support" <${a.toUpperCase()}>`, `<${a}>`, a.replace("@", "\uff20"), " " + a + "\n", a + "."];
}

function handleShapes(account) {
  const h = account.value;
  return [h, "@" + h, h.toUpperCase(), "@" + h.toUpperCase(), " @" + h + " "];
}

function profileShapes(profile) {
  const { host, value: h } = profile;
  return ["https://" + host + "/" + h, host + "/" + h, "http://www." + host + "/" + h.toUpperCase() + "/",
    "https://" + host + "/" + h + "?ref=share#x", "https://" + host + "/@" + h];
}

const OFFICIAL = [
  ...DATA.phones.flatMap((p) => phoneShapes(p.value).map((s) => [s, "phone", p.value])),
  ...DATA.domains.flatMap((d) => domainShapes(d.value).map((s) => [s, "url", d.value])),
  ...DATA.emails.flatMap((e) => emailShapes(e.value).map((s) => [s, "email", e.value])),
  ...DATA.handles.flatMap((h) => handleShapes(h).map((s) => [s, "handle", h.value])),
  ...DATA.profiles.flatMap((p) => profileShapes(p).map((s) => [s, "handle", p.value])),
];

test(`every registry value in ${OFFICIAL.length} shapes is official`, () => {
  const wrong = [];
  for (const [input, kind, value] of OFFICIAL) {
    const a = verdictOf(input);
    const ok = a.verdict === "official" && a.kind === kind && a.channel &&
      (a.normalized === value || a.normalized.endsWith("." + value)) && a.channel.value === value;
    if (!ok) wrong.push(`${JSON.stringify(input)} -> ${JSON.stringify(a)}`);
  }
  assert.deepEqual(wrong, []);
});

test("a profile link on the real platform hosts names the same account", () => {
  const hosts = new Set(DATA.profiles.map((p) => p.host));
  for (const host of ["t.me", "telegram.me", "x.com", "twitter.com"]) assert.ok(hosts.has(host), host);
});

test("official answers carry the channel's name in the page's language", () => {
  const phone = DATA.phones[0].value;
  assert.match(checker.check(phone, PAGES.zh.data).channel.label, /官方电话热线/);
  assert.match(checker.check(phone, PAGES.en.data).channel.label, /Official phone hotline/);
});

// ---- fakes and look-alikes -----------------------------------------------------------------

const [DOMAIN] = DATA.domains.map((d) => d.value);
const [EMAIL] = DATA.emails.map((e) => e.value);
const [HANDLE] = DATA.handles.map((h) => h.value);
const [PHONE] = DATA.phones.map((p) => p.value);
const CYR_O = "\u043e"; // Cyrillic small o, looks exactly like Latin o
const GREEK_O = "\u03bf";
const BRAND = DATA.brand;
const swapFirstO = (s, ch) => s.replace("o", ch);

const FAKES = [
  // [input, verdict, reason]
  [`${BRAND}-support.example.net`, "lookalike", "brand-in-domain"],
  [`https://secure-${BRAND}.example.org/login`, "lookalike", "brand-in-domain"],
  [`${BRAND}.com`, "lookalike", "brand-in-domain"],
  [`www.my${BRAND}wallet.test`, "lookalike", "brand-in-domain"],
  [`${DOMAIN}.evil.test`, "lookalike", "official-as-subdomain"],
  [`https://www.${DOMAIN}.evil.test/verify`, "lookalike", "official-as-subdomain"],
  [`https://${DOMAIN}@evil.test`, "lookalike", "userinfo"],
  [`https://${DOMAIN}:443@evil.test/`, "lookalike", "userinfo"],
  [`http://${BRAND}-login@evil.test`, "lookalike", "userinfo"],
  [swapFirstO(DOMAIN, CYR_O), "lookalike", "confusable"],
  [`https://${swapFirstO(DOMAIN, GREEK_O)}/`, "lookalike", "confusable"],
  [swapFirstO(DOMAIN, "\u00f6"), "lookalike", "confusable"],
  [`xn--kpay-8ve.example.com`, "lookalike", "punycode"],
  [`https://xn--kpay-8ve.example.com/login`, "lookalike", "punycode"],
  [`p\u0430ypal.example.net`, "lookalike", "mixed-script"],
  [DOMAIN.replace(/\.[^.]+$/, ".co"), "lookalike", "typo-domain"],
  [swapFirstO(DOMAIN, "0"), "lookalike", "typo-domain"],
  [DOMAIN.replace(/^(.)(.)/, "$2$1"), "lookalike", "typo-domain"],
  [`${BRAND.replace(/^(.)(.)/, "$2$1")}-help.example.net`, "lookalike", "brand-in-domain"],
  [`${BRAND.replace("o", "0")}.example.net`, "lookalike", "brand-in-domain"],
  [`${BRAND.replace("m", "rn") || BRAND}-app.example.net`, "lookalike", "brand-in-domain"],
  [DOMAIN.replace(".", "\u200b."), "lookalike", "hidden-characters"],
  [`support@${BRAND}-help.example.net`, "lookalike", "brand-in-domain"],
  [`support@${DOMAIN}.evil.test`, "lookalike", "official-as-subdomain"],
  [EMAIL.replace("@", "@x"), "lookalike", "typo-domain"],
  [`support@${swapFirstO(DOMAIN, CYR_O)}`, "lookalike", "confusable"],
  [`${BRAND}.service@mail.example.net`, "lookalike", "brand-in-mailbox"],
  [`${BRAND.toUpperCase()} Support <help@mail.example.net>`, "lookalike", "brand-in-mailbox"],
  [`help@mail.example.net`, "unknown", "unknown-email"],
  [`refunds@app.${DOMAIN}`, "unknown", "unlisted-email"],
  [EMAIL.replace("@", "+x@"), "unknown", "unlisted-email"],
  [`@${HANDLE}_support`, "lookalike", "handle-lookalike"],
  [`@official_${HANDLE}`, "lookalike", "handle-lookalike"],
  [`${HANDLE}1`, "lookalike", "handle-lookalike"],
  [`${HANDLE}2024`, "lookalike", "handle-lookalike"],
  [HANDLE.replace("_", ""), "lookalike", "handle-lookalike"],
  [HANDLE.replace(/(.)(.)$/, "$2$1"), "lookalike", "handle-lookalike"],
  [HANDLE.slice(0, -1), "lookalike", "handle-lookalike"],
  [HANDLE.replace(/(.)/, "$1$1"), "lookalike", "handle-lookalike"],
  ["@" + swapFirstO(HANDLE, CYR_O), "lookalike", "confusable"],
  ["@" + BRAND + "官方客服", "lookalike", "handle-lookalike"],
  [`https://t.me/${HANDLE}_help`, "lookalike", "handle-lookalike"],
  [`https://x.com/${BRAND}_support_team`, "lookalike", "handle-lookalike"],
  ["@randomperson", "unknown", "unknown-handle"],
  ["https://t.me/randomperson", "unknown", "unknown-handle"],
  ["https://t.me/", "unknown", "unknown-domain"],
  ["evil.test", "unknown", "unknown-domain"],
  ["https://www.example.org/", "unknown", "unknown-domain"],
  ["http://[::1]/", "unknown", "unknown-domain"],
  [PHONE.slice(0, -1) + ((+PHONE.slice(-1) + 1) % 10), "unknown", "unknown-phone"],
  ["+86 10 1234 5678", "unknown", "unknown-phone"],
  ["0086 10 1234 5678", "unknown", "unknown-phone"],
  ["96110", "unknown", "unknown-phone"],
  ["", "invalid", "empty"],
  [" \t\n\u3000", "invalid", "empty"],
  ["x".repeat(10000), "invalid", "too-long"],
  ["<img src=x onerror=alert(1)>", "invalid", "markup"],
  ["<script>alert(1)</script>", "invalid", "markup"],
  ["javascript:alert(1)", "invalid", "markup"],
  ["\u{1f600}\u{1f4b8}", "invalid", "unrecognized"],
  ["客服电话是多少", "invalid", "unrecognized"],
  ["call me maybe", "invalid", "unrecognized"],
  ["12", "invalid", "unrecognized"],
  ["1234567890123456", "invalid", "unrecognized"],
];

test(`${FAKES.length} prepared fakes and look-alikes are not official`, () => {
  const wrong = [];
  for (const [input, verdict, reason] of FAKES) {
    const a = verdictOf(input);
    if (a.verdict !== verdict || a.reason !== reason) {
      wrong.push(`${JSON.stringify(input.slice(0, 80))}: expected ${verdict}/${reason}, got ${a.verdict}/${a.reason}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test("non-string input is invalid, not an exception", () => {
  for (const value of [undefined, null, 42, {}, []]) assert.equal(checker.check(value, DATA).verdict, "invalid");
});

test("the punycode decoder agrees with Node's IDNA", () => {
  for (const label of ["kpay-8ve", "fiqs8s", "mnchen-3ya", "wgv71a119e", "80ak6aa92e", "e1afmkfd"]) {
    const expected = domainToUnicode(`xn--${label}.test`).split(".")[0];
    assert.equal(checker.punyDecode(label), expected, label);
  }
  assert.equal(checker.punyDecode("zzzzzzzzzzzzzzzzzzzz"), null);
});

// ---- fuzz: random and adversarial strings --------------------------------------------------

function mulberry32(seed) {
  return function () {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOMOGLYPHS = ["\u0430", "\u0435", "\u043e", "\u0440", "\u0441", "\u0443", "\u0445", "\u03bf", "\u03b1",
  "\u0585", "\u0131", "0", "1", "\u00f6", "\uff4f", "\u200b", "\u00ad", "\u202e"];
const PIECES = ["<", ">", "@", ".", "/", ":", "+", "-", "_", " ", "%", "#", "?", "\\", "xn--", "www.", "http://",
  "https://", "mailto:", "tel:", "<script>", "</script>", "<img src=x onerror=alert(1)>", "&lt;", "\"", "'",
  "\u0000", "\ud800", "\udfff", "\u{1f600}", "客服", "٣", "００", "＋", "＠", "。"];
const RANGES = [[0x20, 0x7e], [0xa0, 0x24f], [0x370, 0x52f], [0x4e00, 0x9fff], [0x1f300, 0x1faff], [0x0, 0x10ffff],
  [0x2000, 0x206f], [0xfe00, 0xffff]];

function fuzzInputs(count, seed) {
  const rand = mulberry32(seed);
  const int = (n) => Math.floor(rand() * n);
  const pick = (list) => list[int(list.length)];
  const officials = [...DATA.phones, ...DATA.domains, ...DATA.emails, ...DATA.handles].map((x) => x.value)
    .concat(OFFICIAL.map((o) => o[0]));
  const randomText = (n) => {
    let s = "";
    for (let i = 0; i < n; i++) {
      const [lo, hi] = pick(RANGES);
      s += String.fromCodePoint(lo + int(hi - lo + 1));
    }
    return s;
  };
  function mutate(s) {
    const chars = [...s];
    const i = int(chars.length + 1);
    switch (int(6)) {
      case 0: chars.splice(i, 1); break;                                              // drop
      case 1: chars.splice(i, 0, pick(chars.length ? chars : ["a"])); break;          // double / add
      case 2: chars[Math.min(i, chars.length - 1)] = String.fromCharCode(97 + int(26)); break; // change
      case 3: chars.splice(i, 0, pick(HOMOGLYPHS)); break;
      case 4: { const j = chars.indexOf(pick(["o", "a", "e", "p", "c"])); if (j >= 0) chars[j] = pick(HOMOGLYPHS); break; }
      default: if (i > 0 && i < chars.length) [chars[i - 1], chars[i]] = [chars[i], chars[i - 1]];   // swap
    }
    return chars.join("");
  }
  const inputs = [];
  for (let n = 0; n < count; n++) {
    switch (n % 8) {
      case 0: inputs.push(randomText(1 + int(40))); break;
      case 1: inputs.push(randomText(int(3) === 0 ? 2000 + int(9000) : 100 + int(1900))); break;
      case 2: inputs.push(Array.from({ length: 1 + int(12) }, () => pick(PIECES)).join("")); break;
      case 3: inputs.push(mutate(pick(officials))); break;
      case 4: inputs.push(mutate(mutate(pick(officials)))); break;
      case 5: inputs.push(`${pick(["", "https://", "http://www."])}${pick([BRAND, DOMAIN, HANDLE])}${pick([".", "-", "", "@"])}` +
        `${randomText(1 + int(8)).replace(/[^a-z]/gi, "x")}.${pick(["com", "net", "test", "example"])}`); break;
      case 6: inputs.push(pick(officials) + pick(PIECES) + pick(officials)); break;
      default: inputs.push(pick(PIECES) + pick(officials) + pick(PIECES));
    }
  }
  return inputs;
}

function trulyOfficial(a) {
  const eq = (list) => list.some((x) => x.value === a.normalized);
  if (a.kind === "phone") return eq(DATA.phones);
  if (a.kind === "email") return eq(DATA.emails);
  if (a.kind === "handle") return eq(DATA.handles) || eq(DATA.profiles);
  if (a.kind === "url") return DATA.domains.some((d) => a.normalized === d.value || a.normalized.endsWith("." + d.value));
  return false;
}

const FUZZ_COUNT = 6000;

test(`fuzz: ${FUZZ_COUNT} random and adversarial strings never throw and are only official when truly official`, () => {
  const inputs = fuzzInputs(FUZZ_COUNT, 20261123);
  const problems = [];
  let official = 0;
  for (const input of inputs) {
    let answer;
    try {
      answer = verdictOf(input);
    } catch (err) {
      problems.push(`threw on ${JSON.stringify(input.slice(0, 80))}: ${err}`);
      continue;
    }
    if (!["official", "unknown", "lookalike", "invalid"].includes(answer.verdict)) problems.push(`bad verdict ${answer.verdict}`);
    if (typeof answer.normalized !== "string" || !answer.reason) problems.push(`bad shape ${JSON.stringify(answer)}`);
    if (answer.verdict === "official") {
      official++;
      if (!trulyOfficial(answer)) problems.push(`false official: ${JSON.stringify(input)} -> ${JSON.stringify(answer)}`);
    }
  }
  assert.deepEqual(problems.slice(0, 20), []);
  assert.ok(official > 0, "the mutations should sometimes leave an official value intact (e.g. case changes)");
});

test("every reason the checker gave has a text in both languages", () => {
  for (const reason of REASONS) {
    for (const lang of ["zh", "en"]) assert.ok(PAGES[lang].strings.reason[reason], `${lang}: no text for ${reason}`);
  }
  assert.ok(PAGES.zh.strings.reason["no-dm"] && PAGES.en.strings.reason["no-dm"]);
});

// ---- numbers without a country code: the registry's default region ---------------------------

function withRegion(region, code, trunk, numbers) {
  return Object.assign({}, DATA, {
    defaultRegion: { region, code, trunk },
    countryCodes: [...new Set(numbers.map((n) => n.cc))],
    phones: numbers.map((n, i) => ({ kind: "phone", id: "p" + i, value: n.e164, display: n.e164, label: "x" })),
  });
}

test("a Chinese number typed without +86 is read as Chinese when the default region is CN", () => {
  const cn = withRegion("CN", "86", "0", [{ cc: "86", e164: "+864001234567" }, { cc: "86", e164: "+861012345678" }]);
  for (const typed of ["400 123 4567", "400-123-4567", "4001234567", "（400）123 4567", "010 1234 5678",
    "010-12345678", "+86 400 123 4567", "0086 10 1234 5678"]) {
    const a = checker.check(typed, cn);
    assert.equal(a.verdict, "official", `${typed} -> ${JSON.stringify(a)}`);
  }
  // a mobile number is read as +86 too, and is not one of ours
  assert.deepEqual([checker.check("138 1234 5678", cn).verdict, checker.check("138 1234 5678", cn).normalized],
    ["unknown", "+8613812345678"]);
  // a US-looking number without +1 is not turned into a US one
  assert.equal(checker.check("(202) 555-0143", cn).normalized, "+862025550143");
  // "011" is not an exit code in China
  assert.equal(checker.check("01112345678", cn).normalized, "+861112345678");
});

test("a NANP number typed without +1 is read as NANP when the default region is US", () => {
  const us = withRegion("US", "1", "1", [{ cc: "1", e164: "+12025550143" }]);
  for (const typed of ["(202) 555-0143", "202.555.0143", "1-202-555-0143", "011 1 202 555 0143"]) {
    assert.equal(checker.check(typed, us).verdict, "official", typed);
  }
  assert.equal(checker.check("400 123 4567", us).normalized, "+14001234567");
});

test("the page data carries the registry's default region", () => {
  assert.deepEqual(DATA.defaultRegion, { region: "CN", code: "86", trunk: "0" });
});

// ---- only http(s), tel and mailto can be official -------------------------------------------

test("an official host behind another scheme is a look-alike, never official", () => {
  for (const scheme of ["intent", "ftp", "file", "market", "itms-services", "weixin", "HTTPX"]) {
    const a = check(`${scheme}://${DOMAIN}/login`);
    assert.equal(a.verdict, "lookalike", `${scheme}: ${JSON.stringify(a)}`);
    assert.equal(a.reason, "other-scheme", scheme);
  }
  assert.equal(check(`intent://${DOMAIN}/#Intent;scheme=https;package=com.evil;end`).reason, "other-scheme");
  // another host behind another scheme is simply not ours
  assert.equal(check("ftp://files.example.net/").verdict, "unknown");
  for (const ok of [`https://${DOMAIN}/`, `http://${DOMAIN}/`, `HTTPS://${DOMAIN}`, `//${DOMAIN}/`]) {
    assert.equal(check(ok).verdict, "official", ok);
  }
});

test("a mailto: link that adds recipients is not official", () => {
  for (const query of ["bcc=thief@mail.example.net", "cc=a@b.example.net", "to=thief@mail.example.net",
    "subject=hi&BCC=thief@mail.example.net", "%62cc=thief@mail.example.net", "body=x&%20to=y@z.example.net"]) {
    const a = check(`mailto:${EMAIL}?${query}`);
    assert.deepEqual([a.verdict, a.reason], ["lookalike", "mailto-recipients"], query);
    assert.equal(check(`Support <mailto:${EMAIL}?${query}>`).verdict, "lookalike", query);
  }
  for (const query of ["subject=Help", "body=to%3Dx", "subject=cc"]) {
    assert.equal(check(`mailto:${EMAIL}?${query}`).verdict, "official", query);
  }
});

// ---- linear work on the longest inputs ------------------------------------------------------

test("the phone-shape scan reads each character a bounded number of times", () => {
  const adversarial = (n) => ["(".repeat(n) + "x", " ".repeat(n) + "x", "(".repeat(n) + "+" + "1".repeat(n) + "x",
    "1".repeat(n) + "x", "( ".repeat(n / 2) + "+", "+" + "-".repeat(n) + "a"];
  for (const n of [100, 1000, checker.MAX_LENGTH]) {
    for (const input of adversarial(n)) {
      const counter = { steps: 0 };
      checker.phoneShape(input, counter);
      assert.ok(counter.steps <= 2 * input.length + 1, `${counter.steps} steps for ${input.length} characters`);
    }
  }
  // the same answers as the pattern it replaces
  const OLD = /^[(\s]*\+?[\d\s().\-/]+$/;
  for (const input of ["+1 (202) 555-0143", "(", "+", "(+", "( +1", "1+1", "++1", "(202)", " ", "( (", "+()",
    "a1", "1a", "", "+ 1", "((+86) 10", "1/2.3-4"]) {
    assert.equal(checker.phoneShape(input), OLD.test(input), JSON.stringify(input));
  }
});

test("trimming the edges gives the same answer as the pattern it replaces", () => {
  for (const input of ["  a  ", "\u200b a \u200b", "a" + " ".repeat(50) + "b", "   ", "", "\ufeffx"]) {
    const old = input.replace(/^[\s\u200b\ufeff]+|[\s\u200b\ufeff]+$/g, "");
    assert.equal(checker.trimEdges(input), old, JSON.stringify(input));
  }
});

test("a hotline with an extension is recognised as the hotline, in the shapes our own page links", () => {
  const phone = DATA.phones[0].value;                           // +1 202…
  const dashed = phone.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, "+1-$1-$2-$3");
  for (const typed of [`${phone} ext. 12`, `${phone} x12`, `${phone}#12`, `tel:${dashed};ext=12`, `${phone} EXT 7`]) {
    const a = check(typed);
    assert.deepEqual([a.verdict, a.normalized], ["official", phone], typed);
  }
  assert.equal(checker.withoutExtension("+86 10 1234 5678"), "+86 10 1234 5678");
  assert.equal(checker.withoutExtension("2025550143"), "2025550143");
  assert.equal(check("call x12").verdict, "invalid");
});
