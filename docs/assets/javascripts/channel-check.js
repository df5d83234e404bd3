/* "Is this really OKPay?": is a pasted phone number, link, email address or account one of ours?
 *
 * check(input, data) -> {verdict, kind, channel, reason, normalized}
 *   verdict: "official" | "unknown" | "lookalike" | "invalid"; reason: a code the page turns into text.
 * Pure and synchronous: no DOM, no network. `data` is built from data/registry.yml by
 * helpcenter/channel_checker.py and inlined in the page, so the checker also works from file://.
 * A classic script (window.OKPayChannelCheck) that Node can also require (tests/js/).
 *
 * A link is official only when the host the browser's own URL parser (`new URL`) reads from the
 * text as pasted is ours, over http(s), and for a profile link the path names our account.
 * tests/test_channel_checker_battery.py holds it to that in Chromium on tens of thousands of
 * generated delimiter, look-alike and encoding tricks.
 */
(function (root) {
  "use strict";

  // Longer than any real link is not one contact detail; refusing early keeps every check fast.
  const MAX_LENGTH = 2000;
  // Only these can be an official channel. intent:, ftp:, file: and the like open another app
  // or a file even when the host looks like ours.
  const OFFICIAL_SCHEMES = new Set(["http", "https"]);
  // A mailto: link whose query adds recipients sends a copy to someone else.
  const RECIPIENT_FIELDS = new Set(["to", "cc", "bcc"]);

  // Invisible characters people paste by accident, and scammers insert to defeat exact matching.
  const HIDDEN = "\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u206f\\u3164\\ufe00-\\ufe0f\\ufeff";
  const INVISIBLE = new RegExp("[" + HIDDEN + "]", "g");
  const HAS_INVISIBLE = new RegExp("[" + HIDDEN + "]");
  const EDGE_CHAR = new RegExp("[\\s" + HIDDEN + "]");
  const MARKUP = /<\s*[!/]?[a-z][^<>@]*(>|$)|^(javascript|data|vbscript):/i;
  const PHONE_CHAR = /[\d\s().\-/]/;
  const PHONE_LEAD = /[(\s]/;
  const HOST = /^[\p{L}\p{N}\p{M}_-]+(\.[\p{L}\p{N}\p{M}_-]+)*$/u;
  const HANDLE = /^@?([\p{L}\p{N}\p{M}_.-]{1,64})$/u;
  const OTHER_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}]/u;
  // Letters from other alphabets (and digits) that pass for Latin ones. Escaped on purpose:
  // written literally they are indistinguishable from Latin in review.
  const HOMOGLYPHS = {
    "\u0430": "a", "\u0432": "b", "\u0435": "e", "\u04bb": "h", "\u0456": "i", "\u0458": "j",
    "\u043a": "k", "\u043c": "m", "\u043d": "h", "\u043e": "o", "\u0440": "p", "\u0441": "c",
    "\u0442": "t", "\u0443": "y", "\u0445": "x", "\u0455": "s", "\u0501": "d", "\u051b": "q",
    "\u051d": "w", "\u04af": "y", "\u04cf": "l", "\u0261": "g",                    // Cyrillic, IPA g
    "\u03b1": "a", "\u03b2": "b", "\u03b5": "e", "\u03b9": "i", "\u03ba": "k", "\u03bd": "v",
    "\u03bf": "o", "\u03c1": "p", "\u03c4": "t", "\u03c5": "u", "\u03c7": "x", "\u03c9": "w",
    "\u03b3": "y",                                                                   // Greek
    "\u0585": "o", "\u057d": "u", "\u0570": "h", "\u0578": "n", "\u0566": "q", "\u0581": "g", // Armenian
    "\u0131": "i", "\u0237": "j", "\u0251": "a", "\u0269": "i", "\u028f": "y", "\u0185": "b", // Latin
    "0": "o", "1": "l", "5": "s",
  };

  /** What a string looks like to a hurried reader: accents dropped, look-alike letters mapped. */
  function skeleton(s) {
    s = s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
    let out = "";
    for (const ch of s) out += HOMOGLYPHS[ch] || ch;
    return out.replace(/rn/g, "m").replace(/vv/g, "w");
  }

  const squash = (s) => s.replace(/[^\p{L}\p{N}]/gu, "");

  /** Edit distance counting a swap of neighbours as one edit (optimal string alignment). */
  function distance(a, b) {
    if (Math.abs(a.length - b.length) > 2) return 3;
    let prev2 = [], prev = [], cur = [];
    for (let j = 0; j <= b.length; j++) prev[j] = j;
    for (let i = 1; i <= a.length; i++) {
      cur = [i];
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cur[j] = Math.min(cur[j], prev2[j - 2] + 1);
      }
      [prev2, prev] = [prev, cur];
    }
    return prev[b.length];
  }

  /** One slip from `name`: one edit for short names, two for longer ones (more room to hide). */
  const near = (s, name) => s === name || distance(s, name) <= (name.length <= 6 ? 1 : 2);

  /** Our brand inside a name, or a name one slip from it ("0kpay", "okpya", "my-okpay-help"). */
  function hasBrand(text, brand) {
    const s = skeleton(text);
    brand = skeleton(brand);
    if (squash(s).includes(brand)) return true;
    return s.split(/[^\p{L}\p{N}]+/u).some((part) => part && near(part, brand));
  }

  /** RFC 3492 decoding of one "xn--" label, so a look-alike cannot hide behind its ASCII form. */
  function punyDecode(label) {
    const out = [];
    const b = label.lastIndexOf("-");
    for (let j = 0; j < Math.max(b, 0); j++) out.push(label.charCodeAt(j));
    let n = 128, i = 0, bias = 72;
    for (let k = b > 0 ? b + 1 : 0; k < label.length;) {
      const old = i;
      let w = 1;
      for (let t = 36; ; t += 36) {
        if (k >= label.length) return null;
        const c = label.charCodeAt(k++);
        const digit = c >= 48 && c <= 57 ? c - 22 : c >= 97 && c <= 122 ? c - 97 : 36;
        if (digit >= 36) return null;
        i += digit * w;
        const th = t <= bias ? 1 : t >= bias + 26 ? 26 : t - bias;
        if (digit < th) break;
        w *= 36 - th;
        if (i > 0x10ffff * (out.length + 1)) return null;
      }
      const len = out.length + 1;
      let delta = old === 0 ? Math.floor((i - old) / 700) : (i - old) >> 1, kk = 0;
      delta += Math.floor(delta / len);
      for (; delta > 455; kk += 36) delta = Math.floor(delta / 35);
      bias = kk + Math.floor((36 * delta) / (delta + 38));
      n += Math.floor(i / len);
      i %= len;
      if (n > 0x10ffff) return null;
      out.splice(i++, 0, n);
    }
    return String.fromCodePoint(...out);
  }

  /** Edges trimmed of spaces and invisible characters. A loop from each end: the pattern
   * /[\s…]+$/ it replaces retried the rest of a long inner run of spaces at every position. */
  function trimEdges(s) {
    let start = 0, end = s.length;
    while (start < end && EDGE_CHAR.test(s[start])) start++;
    while (end > start && EDGE_CHAR.test(s[end - 1])) end--;
    return s.slice(start, end);
  }

  /** A link's edges as the browser sees them: spaces and invisible characters before it are
   * dropped, spaces after it too (\s includes the ideographic space), but an invisible character
   * (U+FEFF too, which \s counts as a space) after it stays: the URL parser keeps it in the path, where it can name another account. */
  function trimLink(s) {
    let start = 0, end = s.length;
    while (start < end && (EDGE_CHAR.test(s[start]) || s[start] <= " ")) start++;
    while (end > start && (/\s/.test(s[end - 1]) && s[end - 1] !== "\ufeff" || s[end - 1] <= " ")) end--;
    return s.slice(start, end);
  }

  /** Is s shaped like a phone number: "(" and spaces, an optional "+", then digits and
   * separators? The same language as /^[(\s]*\+?[\d\s().\-/]+$/, which backtracked
   * quadratically on "((((…x"; this reads each character at most twice, and counts the reads in
   * `counter.steps` when given one, so tests/js can assert that the work is linear. */
  function phoneShape(s, counter) {
    let i = 0;
    while (i < s.length && PHONE_LEAD.test(s[i])) i++;
    const from = s[i] === "+" ? i + 1 : 0;
    let j = from;
    while (j < s.length && PHONE_CHAR.test(s[j])) j++;
    if (counter) counter.steps += i + (j - from) + 1;
    return j === s.length && j > from;
  }

  /** The number without a trailing extension ("ext. 12", "x12", "#12", RFC 3966 ";ext=12"), or s
   * unchanged. String operations from the end, no pattern: each character is read once. */
  function withoutExtension(s) {
    let end = s.length;
    while (end > 0 && s.length - end <= 6 && s[end - 1] >= "0" && s[end - 1] <= "9") end--;
    if (end === s.length || s.length - end > 6) return s;
    const head = s.slice(0, end).trimEnd();
    const lower = head.toLowerCase();
    for (const mark of [";ext=", "ext.", "ext", "x", "#"]) {
      if (lower.endsWith(mark)) return head.slice(0, head.length - mark.length).trimEnd();
    }
    return s;
  }

  const result = (verdict, kind, reason, normalized, channel) =>
    ({ verdict, kind, channel: channel ? Object.assign({}, channel) : null, reason, normalized: normalized || "" });

  // ---- phone numbers -----------------------------------------------------------------------

  /** E.164 from any common shape; null when the country cannot be known. */
  function toE164(text, data) {
    const home = data.defaultRegion || { code: "", trunk: "" };
    // "00" dials abroad in most of the world; "011" only inside the NANP.
    const exit = home.code === "1" ? /^(\+|00|011)(?=\d)/ : /^(\+|00)(?=\d)/;
    const s = text.replace(/\(0\)/g, "").replace(/[^\d+]/g, "").replace(exit, "+");
    const international = s.startsWith("+");
    let digits = s.replace(/\D/g, "");
    if (!international) {
      // A number without a country code is from the registry's default region (CN: 400…, 138…,
      // 010…): its trunk prefix (0 in CN, 1 in the NANP) is dropped before the country code.
      if (!home.code) return null;
      if (home.trunk && digits.startsWith(home.trunk) && digits.length > 7) digits = digits.slice(home.trunk.length);
      return "+" + home.code + digits;
    }
    // "+44 020 ..." carries the national trunk 0 after the country code; Italy keeps its 0.
    for (const cc of data.countryCodes || []) {
      if (cc !== "39" && digits.startsWith(cc + "0")) digits = cc + digits.slice(cc.length + 1);
    }
    return "+" + digits;
  }

  /** The official hotline that text, typed without a country code, names in that hotline's own
   * country's national format ("(202) 555-0143" or "1-202-555-0143" for +1 202-555-0143): people
   * copy a number as it is printed in its country, whatever the default region. */
  function nationalHit(text, data) {
    const s = text.replace(/\(0\)/g, "").replace(/[^\d+]/g, "");
    if (/^(\+|00)/.test(s)) return null;
    return data.phones.find((p) => p.national && (s === p.national || (p.trunk && s === p.trunk + p.national)));
  }

  function checkPhone(text, data) {
    const digits = text.replace(/\D/g, "");
    if (digits.length < 3 || digits.length > 15) return result("invalid", null, "unrecognized", "");
    const e164 = toE164(text, data);
    const national = !(e164 && data.phones.some((p) => p.value === e164)) && nationalHit(text, data);
    if (national) return result("official", "phone", "official-phone", national.value, national);
    const hit = e164 && data.phones.find((p) => p.value === e164);
    if (hit) return result("official", "phone", "official-phone", e164, hit);
    return result("unknown", "phone", "unknown-phone", e164 || digits);
  }

  // ---- hosts, links and emails -------------------------------------------------------------
  //
  // The host is always the one the browser reads: the WHATWG URL parser (`new URL`) on the text
  // as pasted. Nothing is folded first: "okpay.example.com／@evil.test" opens evil.test, because
  // "／" is no delimiter to the parser ("okpay.example.com／" is the user part), while NFKC
  // would have turned it into "/" and read our host. Folding serves only to spot look-alikes.

  /** The URL a browser opens for text pasted into its address bar, or null. An explicit scheme
   * ("https:", "intent:") is read as one; a "scheme" with a dot in it or followed by digits is a
   * host and port ("okpay.example.com:443", "okpay.example.com:@evil.test") and, like a bare
   * host, gets "https://" in front, as the address bar does. */
  function browserUrl(text) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text);
    let candidate = text;
    if (!scheme || scheme[1].includes(".") || /^(\d+([/?#\\]|$)|$)/.test(text.slice(scheme[0].length))) {
      candidate = (/^[/\\]{2}/.test(text) ? "https:" : "https://") + text;
    }
    try { return new URL(candidate); } catch (e) { return null; }
  }

  /** The host a browser reads from `text` alone (IDNA-mapped, lower case, no trailing dot), or
   * null when text is more than a host: a path, port, user part or anything the parser refuses. */
  function hostOnly(text) {
    if (/[%/\\?#@:]/.test(text)) return null;
    let u;
    try { u = new URL("https://" + text + "/"); } catch (e) { return null; }
    return u.pathname === "/" && !u.username && !u.port ? u.hostname.replace(/\.+$/, "") : null;
  }

  const decode = (s) => { try { return decodeURIComponent(s); } catch (e) { return s; } };

  function officialDomain(host, data) {
    const domains = data.domains.slice().sort((a, b) => b.value.length - a.value.length);
    return domains.find((d) => host === d.value) || domains.find((d) => host.endsWith("." + d.value));
  }

  /** How a host (not ours) passes for one of ours, or null. */
  function resemble(host, data) {
    const skel = skeleton(host);
    const labels = (name, d) => ("." + name + ".").includes("." + d + ".");
    if (data.domains.some((d) => labels(host, d.value))) return "official-as-subdomain";
    // 0 for o, rn for m: the same name to the eye, so "a character or two away".
    if (data.domains.some((d) => labels(skel, skeleton(d.value)) || near(skel, skeleton(d.value)))) return "typo-domain";
    return hasBrand(skel, data.brand) ? "brand-in-domain" : null;
  }

  /** Why a host that is not ours would still pass for ours, or null. `typed`: the text as pasted,
   * to tell a name typed as xn-- (punycode) from one typed in another alphabet (confusable). */
  function lookalikeReason(host, data, typed) {
    let decoded = host;
    if (/(^|\.)xn--/.test(host)) {
      decoded = host.split(".").map((l) => (l.startsWith("xn--") ? punyDecode(l.slice(4)) || l : l)).join(".");
    }
    const why = resemble(decoded, data);
    const mixed = decoded.split(".").some((l) => /\p{Script=Latin}/u.test(l) && OTHER_SCRIPT.test(l));
    if (!why) return mixed ? "mixed-script" : null;
    if (decoded === host) return why;
    if (/xn--/i.test(typed)) return "punycode";
    // A letter from another alphabet (or with an accent) standing in for a Latin one.
    return "confusable";
  }

  function checkHost(host, data, typed) {
    const ours = officialDomain(host, data);
    if (ours) return result("official", "url", host === ours.value ? "official-domain" : "official-subdomain", host, ours);
    const why = lookalikeReason(host, data, typed);
    return why ? result("lookalike", "url", why, host) : result("unknown", "url", "unknown-domain", host);
  }

  /** The verdict on what a parsed http(s) URL opens: its host, and for a profile host the
   * account its first path segment names. */
  function checkWebUrl(u, data, typed) {
    const host = u.hostname.replace(/\.+$/, "");
    if (!host) return null;
    const profileHost = host.replace(/^(www|m|mobile)\./, "");
    const accounts = data.profiles.filter((p) => p.host === profileHost);
    if (accounts.length) {
      const segment = decode(u.pathname.split("/")[1] || "").replace(/^@/, "");
      const handle = segment.replace(INVISIBLE, "");
      const answer = HANDLE.test(handle) && checkHandle(handle, accounts, data);
      // t.me/okpay_demo<zero-width space> opens another account than ours, however it renders.
      if (answer && answer.verdict === "official" && handle !== segment) {
        return result("lookalike", "handle", "hidden-characters", handle);
      }
      if (answer && answer.verdict !== "invalid") return answer;
    }
    const verdict = checkHost(host, data, typed);
    // https://okpay.example.com@evil.test opens evil.test: the part before "@" is decoration.
    const userinfo = decode(u.username + (u.password ? ":" + u.password : "")).normalize("NFKC").toLowerCase();
    if (verdict.verdict !== "official" && userinfo && (hasBrand(userinfo, data.brand) ||
        data.domains.some((d) => userinfo.includes(d.value)))) {
      return result("lookalike", "url", "userinfo", host);
    }
    return verdict;
  }

  /** A link, read as the browser reads it; null when the browser would not open it at all. */
  function readUrl(text, data) {
    const u = browserUrl(text);
    if (!u) return null;
    if (OFFICIAL_SCHEMES.has(u.protocol.slice(0, -1))) return checkWebUrl(u, data, text);
    // intent:, ftp:, file: and the like open another app or a file even when the host looks like
    // ours: our host (or a look-alike) behind one is dressed up as us; anything else stays what it is.
    const host = decode(u.hostname);
    const web = host ? browserUrl("https://" + host + u.pathname) : null;
    const answer = web && checkWebUrl(web, data, text);
    if (!answer) return null;
    if (answer.verdict === "official" || answer.verdict === "lookalike") {
      return result("lookalike", "url", "other-scheme", answer.normalized);
    }
    return answer;
  }

  /** `raw`: the link as pasted. When the parser refuses it only for an invisible character, the
   * link without it is checked, and is never called official. */
  function checkUrl(raw, data) {
    const answer = readUrl(raw, data);
    if (answer) return answer;
    const visible = raw.replace(INVISIBLE, "");
    const retry = visible !== raw && readUrl(visible, data);
    if (retry && retry.verdict === "official") return result("lookalike", retry.kind, "hidden-characters", retry.normalized);
    return retry || result("invalid", null, "unrecognized", "");
  }

  function checkEmail(address, displayName, data) {
    const at = address.lastIndexOf("@");
    const local = address.slice(0, at).toLowerCase();
    const host = hostOnly(address.slice(at + 1));
    if (!local || /[\s<>()",;:]/.test(local) || !host || !host.includes(".")) {
      return result("invalid", null, "unrecognized", "");
    }
    const normalized = local + "@" + host;
    const hit = data.emails.find((e) => e.value === normalized);
    if (hit) return result("official", "email", "official-email", normalized, hit);
    const verdict = checkHost(host, data, address);
    if (verdict.verdict === "official") return result("unknown", "email", "unlisted-email", normalized);
    if (verdict.verdict === "lookalike") return result("lookalike", "email", verdict.reason, normalized);
    // "OKPay Support <help@mail.test>", "okpay.service@mail.test": our name, someone else's mailbox
    if (hasBrand(local, data.brand) || hasBrand(displayName, data.brand)) {
      return result("lookalike", "email", "brand-in-mailbox", normalized);
    }
    return result("unknown", "email", "unknown-email", normalized);
  }

  // ---- social accounts ---------------------------------------------------------------------

  /** accounts: the official accounts to compare with (one platform's, or all for a bare @handle). */
  function checkHandle(handle, accounts, data) {
    const h = handle.toLowerCase();
    const hit = accounts.find((a) => a.value === h);
    if (hit) return result("official", "handle", "official-handle", h, hit);
    const s = squash(skeleton(h));
    const lookalike = hasBrand(h, data.brand) || data.handles.some((a) => {
      const o = squash(skeleton(a.value));
      return s.includes(o) || near(s, o);
    });
    // Look-alike letters (a Cyrillic о for o) are "confusable"; our name plus Chinese words
    // ("OKPay官方客服") is a made-up name, not a letter swap.
    const swapped = /[^\x00-\x7f]/.test(h) && !/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(h);
    if (lookalike) return result("lookalike", "handle", swapped ? "confusable" : "handle-lookalike", h);
    // Telegram, X and WeChat names are ASCII: other text is not an account name at all.
    if (/[^\x00-\x7f]/.test(h)) return result("invalid", null, "unrecognized", "");
    return result("unknown", "handle", "unknown-handle", h);
  }

  // ---- entry point -------------------------------------------------------------------------

  /** Does a mailto: query add recipients (to=, cc=, bcc=, in any case or %-escaped)? */
  function addsRecipients(query) {
    return query.split("&").some((pair) => {
      let name = pair.split("=")[0];
      try { name = decodeURIComponent(name); } catch (e) { /* compare as typed */ }
      return RECIPIENT_FIELDS.has(name.trim().toLowerCase());
    });
  }

  function checkMailto(s, data) {
    const q = s.indexOf("?");
    const answer = checkEmail(q < 0 ? s.slice(7) : s.slice(7, q), "", data);
    if (q >= 0 && answer.verdict === "official" && addsRecipients(s.slice(q + 1))) {
      return result("lookalike", "email", "mailto-recipients", answer.normalized);
    }
    return answer;
  }

  /** s: the text folded (NFKC, invisible characters removed), to tell what kind of contact it
   * is; raw: the text as pasted, which decides where a link goes. */
  function classify(s, raw, data) {
    if (/^mailto:/i.test(s)) return checkMailto(s, data);
    // [^<>@]+ before the "@": one way to split, so no retrying at every "@" of a long input.
    const named = /^(.*)<([^<>@]+@[^<>]+)>$/s.exec(s);
    if (named) {
      const inner = named[2].trim();
      return /^mailto:/i.test(inner) ? checkMailto(inner, data) : checkEmail(inner, named[1], data);
    }
    if (MARKUP.test(s)) return result("invalid", null, "markup", "");
    if (/^tel:/i.test(s)) {
      let number = s.slice(4);
      try { number = decodeURIComponent(number); } catch (e) { /* keep as typed */ }
      number = withoutExtension(number);
      return phoneShape(number) ? checkPhone(number, data) : result("invalid", null, "unrecognized", "");
    }
    if (phoneShape(s)) return checkPhone(s, data);
    // An extension only routes the call inside the line: the number itself decides.
    const main = withoutExtension(s);
    if (main !== s && phoneShape(main)) return checkPhone(main, data);
    if (/^([a-z][a-z0-9+.-]*:)?[/\\]{2}/i.test(s)) return checkUrl(raw, data);
    // Not an email when the part before "@" ends a host (":", "\\", "?", "#"): that is a link
    // with a user part, "okpay.example.com:@evil.test", and the browser reads it.
    if (/^[^\s/@:\\?#]+@[^\s/@]+$/.test(s)) return checkEmail(s, "", data);
    if (s.startsWith("@") && HANDLE.test(s)) return checkHandle(s.slice(1), data.handles, data);
    if (!/\s/.test(s) && /^[^.\s]+(\.[^.\s]+)+\.?([/?#:\\]|$)/.test(s)) return checkUrl(raw, data);
    if (HANDLE.test(s)) return checkHandle(s, data.handles, data);
    return result("invalid", null, "unrecognized", "");
  }

  function check(input, data) {
    if (typeof input !== "string") return result("invalid", null, "empty", "");
    if (input.length > MAX_LENGTH) return result("invalid", null, "too-long", "");
    const raw = trimLink(input);
    // NFKC only to tell what kind of contact this is and to compare numbers, emails and
    // accounts: full-width digits, "＋" and "＠" become what a phone or person would use.
    // Ideographic full stops separate domain labels for browsers too (IDNA). Where a link goes
    // is decided on `raw` (checkUrl), never on this folded copy.
    const folded = trimEdges(input.normalize("NFKC").replace(/[\u3002\uff61]/g, "."));
    if (!folded) return result("invalid", null, "empty", "");
    const s = folded.replace(INVISIBLE, "");
    const answer = classify(s, raw, data);
    // A hidden character inside a name makes a different name, even if it renders like ours.
    if ((s !== folded || HAS_INVISIBLE.test(raw)) && answer.verdict === "official" && answer.kind !== "phone") {
      return result("lookalike", answer.kind, "hidden-characters", answer.normalized);
    }
    return answer;
  }

  const api = { check, browserUrl, skeleton, distance, punyDecode, phoneShape, trimEdges, withoutExtension, MAX_LENGTH };
  if (typeof module === "object" && module.exports) module.exports = api;
  if (root) root.OKPayChannelCheck = api;
})(typeof window !== "undefined" ? window : null);
