// Search in the browser, no server: reads the index the build wrote under search/.
// The tokenizer follows the specification in search/Tokenizer.java; both run the same test vectors.
(function () {
  "use strict";

  var HAN = /\p{Script=Han}/u;
  var WORD = /[\p{L}\p{Nd}]/u;

  function normalize(text) {
    return text.normalize("NFKC").toLowerCase();
  }

  function isHan(ch) { return HAN.test(ch); }
  function isWord(ch) { return WORD.test(ch) && !HAN.test(ch); }

  /** Han runs → overlapping bigrams (a lone character stays itself); other letters and digits → whole words. */
  function tokenize(text) {
    var chars = Array.from(normalize(text));
    var tokens = [];
    var i = 0;
    while (i < chars.length) {
      var ch = chars[i];
      if (isHan(ch)) {
        var start = i;
        while (i < chars.length && isHan(chars[i])) i++;
        if (i - start === 1) tokens.push(ch);
        for (var k = start; k + 1 < i; k++) tokens.push(chars[k] + chars[k + 1]);
      } else if (isWord(ch)) {
        var word = ch;
        i++;
        while (i < chars.length) {
          if (isWord(chars[i])) { word += chars[i]; i++; }
          else if ((chars[i] === "." || chars[i] === "-" || chars[i] === "_") && i + 1 < chars.length && isWord(chars[i + 1])) {
            word += chars[i]; i++;
          } else break;
        }
        tokens.push(word);
      } else {
        i++;
      }
    }
    return tokens;
  }

  /** FNV-1a over UTF-8 bytes, as SearchIndexWriter.shardOf. */
  function shardOf(token, shards) {
    var bytes = new TextEncoder().encode(token);
    var hash = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      hash ^= bytes[i];
      hash = Math.imul(hash, 0x01000193);
    }
    return (hash >>> 0) % shards;
  }

  function decodeIds(encoded) {
    var ids = [];
    if (!encoded) return ids;
    var last = 0;
    encoded.split(",").forEach(function (gap, n) {
      last = n === 0 ? parseInt(gap, 36) : last + parseInt(gap, 36);
      ids.push(last);
    });
    return ids;
  }

  // Decoded postings and normalised page text are kept: a second query reuses them (a warm query).
  var decoded = {};
  function postingsOf(shard, token) {
    if (!decoded[token]) decoded[token] = { all: decodeIds(shard[token]), marked: decodeIds(shard["^" + token]) };
    return decoded[token];
  }

  function normalizedPage(page) {
    if (!page._norm) {
      page._norm = {
        whole: normalize(page.t + "\n" + page.s.map(function (s) { return s[1] + "\n" + s[2]; }).join("\n")),
        sections: page.s.map(function (s) { return normalize(s[1] + "\n" + s[2]); })
      };
    }
    return page._norm;
  }

  function intersect(a, b) {
    var set = new Set(b);
    return a.filter(function (x) { return set.has(x); });
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

  /** Terms are the query's space-separated parts; each must appear in a week, as written (after normalising). */
  function termsOf(query) {
    return normalize(query).split(/\s+/).filter(function (t) { return tokenize(t).length > 0; });
  }

  /**
   * Finds the weeks containing every term. Candidates come from the postings of the terms' tokens;
   * those shown are confirmed against their text, so 入金有效成功率 does not match 入金 … 成功率 far apart.
   * Returns {total, exact, results: [{page, strong, sections: [{id, heading, text}]}], more()}.
   */
  function search(query, filters) {
    filters = filters || {};
    var terms = termsOf(query);
    if (terms.length === 0) return Promise.resolve({ terms: [], total: 0, exact: true, results: [] });
    var tokens = Array.from(new Set([].concat.apply([], terms.map(tokenize))));
    return fetchJson("meta.json").then(function (meta) {
      return Promise.all(tokens.map(function (token) {
        return fetchJson("shards/" + shardOf(token, meta.shards) + ".json").then(function (shard) {
          return postingsOf(shard, token);
        });
      })).then(function (lists) {
        var candidates = lists.map(function (l) { return l.all; }).reduce(intersect);
        var strong = new Set(lists.map(function (l) { return l.marked; }).reduce(intersect));
        if (filters.year && meta.years[filters.year]) {
          var range = meta.years[filters.year];
          candidates = candidates.filter(function (id) { return id >= range[0] && id <= range[1]; });
        }
        if (filters.tag) candidates = intersect(candidates, decodeIds(meta.tags[filters.tag]));
        // Title and heading hits first, then newer weeks first.
        candidates.sort(function (a, b) { return (strong.has(b) - strong.has(a)) || (b - a); });
        return new Results(terms, candidates, strong);
      });
    });
  }

  function Results(terms, candidates, strong) {
    this.terms = terms;
    this.candidates = candidates;
    this.strong = strong;
    this.checked = 0;
    this.rejected = 0;
    this.results = [];
  }

  /** Fetches and confirms the next `count` candidates; resolves to the newly confirmed results. */
  Results.prototype.next = function (count) {
    var self = this;
    var batch = this.candidates.slice(this.checked, this.checked + count);
    this.checked += batch.length;
    return Promise.all(batch.map(function (id) { return fetchJson("pages/" + id + ".json"); })).then(function (pages) {
      var found = [];
      pages.forEach(function (page, n) {
        var norm = normalizedPage(page);
        var all = self.terms.every(function (term) { return norm.whole.indexOf(term) >= 0; });
        if (!all) { self.rejected++; return; }
        var sections = page.s.filter(function (s, k) {
          return self.terms.some(function (term) { return norm.sections[k].indexOf(term) >= 0; });
        }).map(function (s) { return { id: s[0], heading: s[1], text: s[2] }; });
        found.push({ id: batch[n], page: page, strong: self.strong.has(batch[n]), sections: sections });
      });
      self.results = self.results.concat(found);
      return found;
    });
  };

  Results.prototype.done = function () { return this.checked >= this.candidates.length; };
  /** Confirmed so far plus candidates not yet checked: exact once every candidate is checked. */
  Results.prototype.total = function () { return this.candidates.length - this.rejected; };

  // ---- Rendering: report text is only ever inserted as text nodes, never as HTML. ----

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }

  /** An excerpt around the first match, with every term marked. Offsets are found on the normalised text. */
  function excerpt(text, terms, width) {
    var norm = normalize(text);
    var same = norm.length === text.length; // NFKC can change lengths; then mark on the normalised text
    var shown = same ? text : norm;
    var first = -1;
    terms.forEach(function (t) { var at = norm.indexOf(t); if (at >= 0 && (first < 0 || at < first)) first = at; });
    var start = Math.max(0, first - width);
    var end = Math.min(shown.length, (first < 0 ? 0 : first) + width * 2);
    var part = shown.slice(start, end);
    var partNorm = norm.slice(start, end);
    var marks = [];
    terms.forEach(function (t) {
      var at = partNorm.indexOf(t);
      while (at >= 0) { marks.push([at, at + t.length]); at = partNorm.indexOf(t, at + t.length); }
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var nodes = [];
    var pos = 0;
    if (start > 0) nodes.push("…");
    marks.forEach(function (m) {
      if (m[0] < pos) return;
      nodes.push(part.slice(pos, m[0]));
      nodes.push(el("mark", {}, [part.slice(m[0], m[1])]));
      pos = m[1];
    });
    nodes.push(part.slice(pos));
    if (end < shown.length) nodes.push("…");
    return nodes;
  }

  function renderResult(result, terms, base) {
    var page = result.page;
    var items = result.sections.slice(0, 4).map(function (s) {
      var href = base + page.u + (s.id ? "#" + encodeURIComponent(s.id) : "");
      return el("li", { "class": "hit" }, [
        el("a", { href: href, "class": "hit-heading" }, [s.heading || page.t]),
        el("p", { "class": "hit-excerpt" }, excerpt(s.text || s.heading, terms, 40))
      ]);
    });
    return el("li", { "class": "result card" }, [
      el("p", { "class": "result-meta" }, [page.w + " · " + page.d]),
      el("a", { href: base + page.u, "class": "result-title" }, excerpt(page.t, terms, 200)),
      el("ol", { "class": "hits" }, items)
    ]);
  }

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

    fetchJson("meta.json").then(function (meta) {
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
      // The first screen shows five weeks: each needs its fragment fetched, and that is most of a query's bytes.
      var batch = 5;
      function show() {
        return results.next(batch).then(function (found) {
          batch = 10;
          found.forEach(function (r) { list.appendChild(renderResult(r, results.terms, base)); });
          var total = results.total();
          var words = status.getAttribute(results.done() ? "data-count" : "data-count-about");
          status.textContent = total === 0 ? status.getAttribute("data-none") : words.replace("{0}", total);
          status.setAttribute("data-ms", String(Math.round(performance.now() - started)));
          more.hidden = results.done();
          if (found.length === 0 && !results.done()) return show();
        });
      }
      more.onclick = function () { started = performance.now(); show(); };
      return show();
    }).catch(function (e) {
      status.textContent = status.getAttribute("data-failed") + " (" + e.message + ")";
    });
  }

  window.WeeklySearch = { tokenize: tokenize, normalize: normalize, search: search, shardOf: shardOf };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", runPage); else runPage();
})();
