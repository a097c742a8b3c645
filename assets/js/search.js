// Search in the browser, no server: reads the index the build wrote under search/ (see SearchIndexWriter.java).
// The tokenizer and what a query means follow search/Tokenizer.java and search/Query.java; both sides run the same
// test vectors (src/test/resources/search/tokenizer-vectors.json).
(function () {
  "use strict";

  var HAN = /\p{Script=Han}/u;
  var WORD = /[\p{L}\p{Nd}]/u;
  var SPACES = /\s+/gu;

  function normalize(text) { return text.normalize("NFKC").toLowerCase(); }
  function isHan(ch) { return HAN.test(ch); }
  function isWord(ch) { return WORD.test(ch) && !HAN.test(ch); }
  function collapse(text) { return text.replace(SPACES, " ").trim(); }

  /** The index's tokens: every Han character and every pair of neighbouring ones; every word (letters and digits). */
  function tokenize(text) {
    var chars = Array.from(normalize(text));
    var tokens = [];
    var i = 0;
    while (i < chars.length) {
      if (isHan(chars[i])) {
        tokens.push(chars[i]);
        if (i + 1 < chars.length && isHan(chars[i + 1])) tokens.push(chars[i] + chars[i + 1]);
        i++;
      } else if (isWord(chars[i])) {
        var word = "";
        while (i < chars.length && isWord(chars[i])) word += chars[i++];
        tokens.push(word);
      } else {
        i++;
      }
    }
    return tokens;
  }

  // ---- What a query means (Query.java): parts, each occurring within one line of a week. ----

  function isQuote(ch) { return ch === "\"" || ch === "\u201c" || ch === "\u201d"; }

  /** Look-ups for a part: a lone Han character (with the bigrams it begins), every bigram of a Han run, words (the last a prefix if the part ends with it). */
  function lookups(part) {
    var chars = Array.from(part);
    var out = [];
    var seen = {};
    function add(token, prefix) {
      var key = (prefix ? "*" : "=") + token;
      if (!seen[key]) { seen[key] = true; out.push({ token: token, prefix: prefix }); }
    }
    var i = 0;
    while (i < chars.length) {
      if (isHan(chars[i])) {
        var run = [];
        while (i < chars.length && isHan(chars[i])) run.push(chars[i++]);
        if (run.length === 1) add(run[0], true);
        for (var k = 0; k + 1 < run.length; k++) add(run[k] + run[k + 1], false);
      } else if (isWord(chars[i])) {
        var word = "";
        while (i < chars.length && isWord(chars[i])) word += chars[i++];
        add(word, i === chars.length);
      } else {
        i++;
      }
    }
    return out;
  }

  function parse(query) {
    var s = normalize(query);
    var parts = [];
    function addPart(text, quoted) {
      text = collapse(text);
      var found = lookups(text);
      if (found.length > 0) parts.push({ text: text, lookups: found, quoted: quoted });
    }
    function addWords(text) { text.split(SPACES).forEach(function (w) { addPart(w, false); }); }
    var outside = "";
    var i = 0;
    while (i < s.length) {
      if (isQuote(s[i])) {
        var end = i + 1;
        while (end < s.length && !isQuote(s[end])) end++;
        addWords(outside);
        outside = "";
        addPart(s.slice(i + 1, end), true);
        i = end + 1;
      } else {
        outside += s[i++];
      }
    }
    addWords(outside);
    return parts;
  }

  function charBefore(text, at) {
    if (at === 0) return "";
    var code = text.charCodeAt(at - 1);
    return code >= 0xdc00 && code <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text[at - 1];
  }

  /** Where `part` occurs in `line` (both normalised and collapsed): at a word start when it begins with a word. */
  function occurrences(part, line) {
    var wordStart = isWord(Array.from(part)[0]);
    var found = [];
    for (var at = line.indexOf(part); at >= 0; at = line.indexOf(part, at + 1)) {
      if (!wordStart || !isWord(charBefore(line, at))) found.push(at);
    }
    return found;
  }
  function occursIn(part, line) { return occurrences(part, line).length > 0; }

  // ---- The index ----

  var BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  /** Reads SearchIndexWriter.IdList: base-32 gaps ("A" n repeating the last gap n times), "." and Rice-coded gaps, or "~" and a bitmap. */
  function decodeIds(encoded) {
    var ids = [];
    if (!encoded) return ids;
    if (encoded[0] === "~") {
      for (var c = 1; c < encoded.length; c++) {
        var bits = BASE64URL.indexOf(encoded[c]);
        for (var b = 0; b < 6; b++) if (bits & (1 << b)) ids.push((c - 1) * 6 + b);
      }
      return ids;
    }
    if (encoded[0] === ".") return decodeRice(encoded, ids);
    var at = 0;
    function number() {
      var n = 0, digit;
      do {
        digit = BASE64URL.indexOf(encoded[at++]);
        n = n * 32 + (digit & 31);
      } while (digit >= 32);
      return n;
    }
    var last = -1, gap = 0;
    while (at < encoded.length) {
      var value = number();
      if (value === 0) {
        for (var r = number(); r > 0; r--) { last += gap; ids.push(last); }
      } else {
        gap = value;
        last += gap;
        ids.push(last);
      }
    }
    return ids;
  }

  /** ".", k, then bits six a character, lowest first: each gap as ((gap - 1) >> k) ones, a zero, k low bits; ones at the end are no gap. */
  function decodeRice(encoded, ids) {
    var k = BASE64URL.indexOf(encoded[1]);
    var total = (encoded.length - 2) * 6;
    var pos = 0;
    function bit() {
      var b = (BASE64URL.indexOf(encoded[2 + ((pos / 6) | 0)]) >> (pos % 6)) & 1;
      pos++;
      return b;
    }
    var last = -1;
    while (pos < total) {
      var q = 0, zero = false;
      while (pos < total && !zero) if (bit() === 0) zero = true; else q++;
      if (!zero) break; // the ones filling the last character
      var rest = 0;
      for (var b = 0; b < k; b++) rest |= bit() << b;
      last += q * (1 << k) + rest + 1;
      ids.push(last);
    }
    return ids;
  }

  var root = (document.documentElement.getAttribute("data-base") || "/") + "search/";
  var cache = {};
  function fetchJson(path) {
    if (!cache[path]) {
      cache[path] = fetch(root + path).then(function (r) {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return r.json();
      });
    }
    return cache[path];
  }

  var metaPromise = null;
  function loadMeta() {
    if (!metaPromise) {
      metaPromise = fetchJson("meta.json").then(function (meta) {
        meta.startIds = decodeIds(meta.starts);
        return meta;
      });
    }
    return metaPromise;
  }

  /** A week's title is a passage numbered after every week's text (SearchIndexWriter). */
  function titleOf(meta, week) { return meta.passages - meta.pages + week; }

  /** The week a passage belongs to: "starts" holds each week's first passage plus its number. */
  function weekOf(meta, passage) {
    var firstTitle = meta.passages - meta.pages;
    if (passage >= firstTitle) return passage - firstTitle;
    var lo = 0, hi = meta.startIds.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (meta.startIds[mid] - mid <= passage) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /** Characters that start a token in a chunk, each saying how many characters it shares with the one before (SearchIndexWriter.SHARED). */
  var SHARED = "!#$%&'()*+,/:;<=>?@[]^`{|}";

  /** Reads SearchIndexWriter.postingsText: "!tokio E&rs hJ" is {tokio: "E", tokiors: "hJ"}. */
  function readPostings(text) {
    var postings = Object.create(null);
    var previous = "";
    var at = 0;
    while (at < text.length) {
      var space = text.indexOf(" ", at);
      var token = previous.slice(0, SHARED.indexOf(text[at])) + text.slice(at + 1, space);
      var end = space + 1;
      while (end < text.length && SHARED.indexOf(text[end]) < 0) end++;
      postings[token] = text.slice(space + 1, end);
      previous = token;
      at = end;
    }
    return postings;
  }

  var parsed = {};
  function fetchPostings(path) {
    if (!parsed[path]) parsed[path] = fetchJson(path).then(readPostings);
    return parsed[path];
  }

  // Decoded id lists are kept: a second query reuses them (a warm query).
  var decoded = {};
  function idsOf(file, postings, token) {
    var key = file + "\u0000" + token;
    if (!decoded[key]) decoded[key] = decodeIds(postings[token]);
    return decoded[key];
  }

  /**
   * The chunks that may hold `token`, or the tokens it begins when a prefix (a range of the sorted tokens).
   * A chunk's key (SearchIndexWriter.chunkKey) sorts at or before its tokens and after those of the chunk before.
   */
  function chunksFor(meta, token, prefix) {
    var keys = meta.chunks;
    var lo = 0, hi = keys.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (keys[mid] <= token) lo = mid; else hi = mid - 1;
    }
    var chunks = keys.length ? [lo] : [];
    if (prefix) for (var j = lo + 1; j < keys.length && keys[j] < token + "\uffff"; j++) chunks.push(j);
    return chunks;
  }

  /**
   * Resolves to {ids: passages that may hold the look-up, whole: those holding it as a whole word}. A Han
   * character is a prefix too: its own list (where it stands alone) and those of the bigrams it begins.
   */
  function resolve(meta, lookup) {
    var han = !isWord(Array.from(lookup.token)[0]);
    var files = chunksFor(meta, lookup.token, lookup.prefix).map(function (c) { return "postings/" + c + ".json"; });
    return Promise.all(files.map(fetchPostings)).then(function (chunks) {
      var lists = [];
      var whole = [];
      chunks.forEach(function (chunk, n) {
        Object.keys(chunk).forEach(function (token) {
          if (token === lookup.token) whole = idsOf(files[n], chunk, token);
          if (token === lookup.token || (lookup.prefix && token.startsWith(lookup.token))) lists.push(idsOf(files[n], chunk, token));
        });
      });
      var ids = union(lists);
      return { ids: ids, whole: han ? ids : whole };
    });
  }

  function union(lists) {
    if (lists.length === 0) return [];
    if (lists.length === 1) return lists[0];
    var set = new Set();
    lists.forEach(function (l) { l.forEach(function (id) { set.add(id); }); });
    return Array.from(set).sort(function (a, b) { return a - b; });
  }

  function intersect(a, b) {
    var set = new Set(b);
    return a.filter(function (x) { return set.has(x); });
  }

  /**
   * Finds the weeks where every part occurs. Candidates come from the postings; they are confirmed by
   * reading the candidate passages (Results.next). Weeks are ranked before any passage is fetched: first
   * those with one passage that may hold every part (the words near each other), then those with the
   * words whole rather than as prefixes, then those with a hit in the title, then newer weeks.
   */
  function search(query, filters) {
    filters = filters || {};
    var parts = parse(query);
    if (parts.length === 0) return Promise.resolve(new Results(parts, [], null, []));
    return loadMeta().then(function (meta) {
      return Promise.all(parts.map(function (part) {
        return Promise.all(part.lookups.map(function (l) { return resolve(meta, l); })).then(function (found) {
          var ids = found.map(function (f) { return f.ids; }).reduce(intersect);
          var whole = found.map(function (f) { return f.whole; }).reduce(intersect);
          // When the part is exactly one look-up, the postings are the answer: no passage needs reading to count.
          var exact = part.lookups.length === 1 && part.lookups[0].token === part.text;
          return { ids: ids, whole: new Set(whole), exact: exact };
        });
      })).then(function (hits) {
        var weeks = new Map(); // week → {passages: [Set per part], whole, title}
        hits.forEach(function (hit, p) {
          hit.ids.forEach(function (id) {
            var w = weekOf(meta, id);
            var entry = weeks.get(w);
            if (!entry) {
              if (p > 0) return;
              entry = { week: w, passages: parts.map(function () { return []; }), whole: 0, title: false };
              weeks.set(w, entry);
            }
            entry.passages[p].push(id);
          });
        });
        var range = filters.year && meta.years[filters.year];
        var tagged = filters.tag ? new Set(decodeIds(meta.tags[filters.tag])) : null;
        var candidates = [];
        weeks.forEach(function (entry) {
          if (!entry.passages.every(function (list) { return list.length > 0; })) return;
          if (range && (entry.week < range[0] || entry.week > range[1])) return;
          if (tagged && !tagged.has(entry.week)) return;
          var title = titleOf(meta, entry.week);
          entry.near = entry.passages.length === 1 || entry.passages.reduce(intersect).length > 0;
          entry.whole = entry.passages.filter(function (l, p) { return l.some(function (id) { return hits[p].whole.has(id); }); }).length;
          entry.title = entry.passages.some(function (l) { return l.indexOf(title) >= 0; });
          candidates.push(entry);
        });
        candidates.sort(function (a, b) {
          return (b.near - a.near) || (b.whole - a.whole) || (b.title - a.title) || (b.week - a.week);
        });
        return new Results(parts, candidates, meta, hits);
      });
    });
  }

  /**
   * A week's candidate passages, most promising first: those that may hold more parts, then whole words,
   * then the title (read with the week, no fetch), then in page order.
   */
  function orderPassages(entry, hits, title) {
    var score = new Map();
    entry.passages.forEach(function (list, p) {
      list.forEach(function (id) { score.set(id, (score.get(id) || 0) + 2 + (hits[p].whole.has(id) ? 1 : 0)); });
    });
    return Array.from(score.keys()).sort(function (a, b) {
      return (score.get(b) - score.get(a)) || ((b === title) - (a === title)) || (a - b);
    });
  }

  function Results(parts, candidates, meta, hits) {
    this.parts = parts;
    this.terms = parts.map(function (p) { return p.text; });
    this.candidates = candidates;
    this.meta = meta;
    this.hits = hits || [];
    this.exact = this.hits.every(function (h) { return h.exact; });
    this.checked = 0;
    this.rejected = 0;
    this.results = [];
  }

  /** Fetches and confirms the next `count` candidate weeks; resolves to the newly confirmed results. */
  Results.prototype.next = function (count) {
    var self = this;
    var batch = this.candidates.slice(this.checked, this.checked + count);
    this.checked += batch.length;
    return Promise.all(batch.map(function (entry) { return confirm(self, entry); })).then(function (found) {
      found = found.filter(function (r) {
        if (!r) self.rejected++;
        return r;
      });
      // Among the weeks read together, those whose best line scores higher (the words next to each
      // other, whole) come first; the sort is stable, so ties keep the postings' order.
      found.sort(function (a, b) { return b.score - a.score; });
      self.results = self.results.concat(found);
      return found;
    });
  };

  Results.prototype.done = function () { return this.checked >= this.candidates.length; };
  /** Exact when the postings answer every part, or once every candidate is read; otherwise an upper bound. */
  Results.prototype.total = function () { return this.candidates.length - this.rejected; };
  Results.prototype.counted = function () { return this.exact || this.done(); };

  /**
   * Reads a week's candidate passages, a few at a time and the most promising first, until every part
   * is found in one of its lines (the week matches) or a part has no candidate left (it does not).
   */
  function confirm(results, entry) {
    var parts = results.parts;
    var title = titleOf(results.meta, entry.week);
    var order = orderPassages(entry, results.hits, title);
    return fetchJson("weeks/" + entry.week + ".json").then(function (week) {
      var found = parts.map(function () { return false; });
      var read = [];
      var tried = new Set();
      // Each part's candidate passages as a set: a long report has thousands, and every round looks them up.
      var candidates = parts.map(function (part, p) { return new Set(entry.passages[p]); });
      function round() {
        var wanted = [];
        parts.forEach(function (part, p) {
          if (found[p]) return;
          var next = order.find(function (id) { return !tried.has(id) && candidates[p].has(id); });
          if (next !== undefined && wanted.indexOf(next) < 0) wanted.push(next);
        });
        if (wanted.length === 0) return Promise.resolve(found.every(Boolean));
        wanted.forEach(function (id) { tried.add(id); });
        return Promise.all(wanted.map(function (id) {
          return id === title ? Promise.resolve([["", "", week.t]]) : fetchJson("passages/" + id + ".json");
        })).then(function (passages) {
          passages.forEach(function (pieces, n) {
            pieces.forEach(function (piece) {
              var hit = scorePiece({ id: wanted[n], anchor: piece[0], heading: piece[1], text: piece[2], title: wanted[n] === title }, parts);
              hit.parts.forEach(function (has, k) { if (has) found[k] = true; });
              if (hit.score > 0) read.push(hit);
            });
          });
          return found.every(Boolean) ? true : round();
        });
      }
      return round().then(function (matched) {
        if (!matched) return null;
        read.sort(function (a, b) { return (b.score - a.score) || (a.id - b.id); });
        return { id: entry.week, page: week, hits: read, score: read.length ? read[0].score : 0 };
      });
    });
  }

  /**
   * Scores a section's piece by its best line: each part in it counts, more when it stands as a whole
   * word, and more again when the parts stand next to each other as typed. The best line of its text
   * (not the heading, which is shown anyway) is the excerpt.
   */
  function scorePiece(piece, parts) {
    var lines = piece.title ? [piece.text] : [piece.heading].concat(piece.text ? piece.text.split("\n") : []);
    piece.parts = parts.map(function () { return false; });
    piece.score = 0;
    piece.line = lines.length > 1 ? lines[1] : lines[0];
    var bestText = 0;
    var together = parts.length > 1 ? parts.map(function (p) { return p.text; }).join(" ") : null;
    lines.forEach(function (line, n) {
      var norm = collapse(normalize(line));
      var score = 0;
      parts.forEach(function (part, p) {
        var at = occurrences(part.text, norm);
        if (at.length === 0) return;
        piece.parts[p] = true;
        score += 10;
        if (at.some(function (i) { return !isWord(Array.from(norm.slice(i + part.text.length, i + part.text.length + 2))[0] || ""); })) score += 5;
      });
      if (together && occursIn(together, norm)) score += 10;
      piece.score = Math.max(piece.score, score);
      if (score > bestText && (piece.title || n > 0)) { bestText = score; piece.line = line; }
    });
    return piece;
  }

  // ---- Rendering: report text is only ever inserted as text nodes, never as HTML. ----

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }

  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  /**
   * Where each part occurs in `text` as shown: found on the normalised text (spaces matching any run of
   * spaces), at word starts for parts beginning with a word. [start, end] pairs, in order, not overlapping.
   */
  function markRanges(text, terms) {
    var marks = [];
    terms.forEach(function (term) {
      var pattern = new RegExp(escapeRegExp(term).replace(/ /g, "\\s+"), "gu");
      var wordStart = isWord(Array.from(term)[0]);
      var m;
      while ((m = pattern.exec(text)) !== null) {
        if (!wordStart || !isWord(charBefore(text, m.index))) marks.push([m.index, m.index + m[0].length]);
        pattern.lastIndex = m.index + Math.max(1, m[0].length);
      }
    });
    marks.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    return marks.filter(function (m, i) { return i === 0 || m[0] >= marks[i - 1][1]; });
  }

  /** An excerpt of one line around its first mark, every occurrence of a part marked. */
  function excerpt(text, terms, width) {
    var norm = normalize(text);
    // NFKC and lower case can change lengths; then show the normalised text so marks fall right.
    var shown = norm.length === text.length ? text : norm;
    var marks = markRanges(norm, terms);
    var first = marks.length ? marks[0][0] : 0;
    var start = Math.max(0, first - width);
    var end = Math.min(shown.length, start + width * 3);
    var nodes = [];
    var pos = start;
    if (start > 0) nodes.push("…");
    marks.forEach(function (m) {
      if (m[0] < pos || m[1] > end) return;
      nodes.push(shown.slice(pos, m[0]));
      nodes.push(el("mark", {}, [shown.slice(m[0], m[1])]));
      pos = m[1];
    });
    nodes.push(shown.slice(pos, end));
    if (end < shown.length) nodes.push("…");
    return nodes;
  }

  /** A week: its title, then up to three of its matching passages, best first, one per section. */
  function renderResult(result, terms, base) {
    var page = result.page;
    var sections = [];
    result.hits.forEach(function (p) {
      if (!p.title && sections.length < 3 && !sections.some(function (s) { return s.anchor === p.anchor; })) sections.push(p);
    });
    var items = sections.map(function (s) {
      var href = base + page.u + (s.anchor ? "#" + encodeURIComponent(s.anchor) : "");
      return el("li", { "class": "hit" }, [
        el("a", { href: href, "class": "hit-heading" }, [s.heading || page.t]),
        el("p", { "class": "hit-excerpt" }, excerpt(s.line, terms, 40))
      ]);
    });
    return el("li", { "class": "result card" }, [
      el("p", { "class": "result-meta" }, [page.w + " · " + page.d]),
      el("a", { href: base + page.u, "class": "result-title" }, excerpt(page.t, terms, 200)),
      el("ol", { "class": "hits" }, items)
    ]);
  }

  /** Nothing found: a hint only where it can help (quotes too strict, too many words, a long word looked up whole). */
  function noneMessage(status, parts) {
    if (parts.some(function (p) { return p.quoted && p.lookups.length > 1; })) return status.getAttribute("data-none-quotes");
    if (parts.length > 1) return status.getAttribute("data-none-fewer");
    if (parts.some(function (p) { return p.lookups.length > 1; })) return status.getAttribute("data-none-shorter");
    return status.getAttribute("data-none");
  }

  /** Weeks the first screen shows. */
  var SCREEN_WEEKS = 5;
  /**
   * Weeks the first screen reads first when the postings cannot confirm them (a phrase, a part of
   * several look-ups): ruling such a week out can take every candidate passage of it (a phrase no week
   * holds, its words in every passage, costs three passages a week), so the screen reads the others
   * only once one of these matched, and says none so far when none did.
   */
  var UNCONFIRMED_FIRST = 3;

  function runPage() {
    var form = document.getElementById("search-form");
    if (!form) return;
    var params = new URLSearchParams(location.search);
    var query = params.get("q") || "";
    var year = params.get("year") || "";
    var tag = params.get("tag") || "";
    var input = form.querySelector("input[name=q]");
    input.value = query;
    var base = document.documentElement.getAttribute("data-base") || "/";
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var more = document.getElementById("search-more");

    loadMeta().then(function (meta) {
      var years = form.querySelector("select[name=year]");
      Object.keys(meta.years).sort().reverse().forEach(function (y) { years.appendChild(el("option", { value: y }, [y])); });
      years.value = year;
      var tags = form.querySelector("select[name=tag]");
      Object.keys(meta.tags).forEach(function (t) { tags.appendChild(el("option", { value: t }, [t])); });
      tags.value = tag;
    });
    if (!query.trim()) return;
    status.textContent = status.getAttribute("data-searching");
    var started = performance.now();
    search(query, { year: year, tag: tag }).then(function (results) {
      // The first screen shows five weeks: each needs its matching passages fetched, most of a query's bytes.
      var batch = results.exact ? SCREEN_WEEKS : UNCONFIRMED_FIRST;
      function show() {
        return results.next(batch).then(function (found) {
          batch = 10;
          found.forEach(function (r) { list.appendChild(renderResult(r, results.terms, base)); });
          // Some of the first weeks read matched: read the rest of the first screen's weeks.
          if (list.children.length > 0 && results.checked < SCREEN_WEEKS && !results.done()) {
            batch = SCREEN_WEEKS - results.checked;
            return show();
          }
          var total = results.total();
          var words = status.getAttribute(results.counted() ? "data-count" : "data-count-about");
          status.textContent = total === 0 ? noneMessage(status, results.parts) : words.replace("{0}", total);
          more.hidden = results.done();
          // Nothing shown yet: stop and say so; a phrase in no week can have every week as a candidate,
          // and reading them all would fetch the archive. The reader can ask for more.
          if (list.children.length === 0 && !results.done()) {
            status.textContent = status.getAttribute("data-none-yet").replace("{0}", results.checked)
                .replace("{1}", results.candidates.length - results.checked);
          }
          status.setAttribute("data-ms", String(Math.round(performance.now() - started)));
        });
      }
      more.onclick = function () { started = performance.now(); show(); };
      return show();
    }).catch(function (e) {
      status.textContent = status.getAttribute("data-failed") + " (" + e.message + ")";
    });
  }

  window.WeeklySearch = {
    tokenize: tokenize, normalize: normalize, parse: parse, occursIn: occursIn, search: search, decodeIds: decodeIds,
    readPostings: readPostings
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", runPage); else runPage();
})();
