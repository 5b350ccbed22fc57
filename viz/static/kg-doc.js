/* The document reader: the text of one document with the sentence of every extracted fact highlighted, and the
 * facts beside it. The fact named in the URL (`fact=`, an edge id) is marked and scrolled to.
 *
 * Safety: the document's text, title and facts come as JSON and only ever reach the page through textContent;
 * the source URL becomes a link only when it is http(s).
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var doc = data.document;
  var api = data.api || {};
  if (!doc) return;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function route(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, k) { return encodeURIComponent(values[k]); });
  }

  var names = {};
  (doc.entities || []).forEach(function (e) { names[e.id] = e; });
  function nameOf(id) { return names[id] ? names[id].name : id; }

  // ---------------------------------------------------------------------------------------------- header

  var meta = document.getElementById("kg-doc-meta");
  function row(label, value) {
    if (value === null || value === undefined || value === "") return;
    meta.appendChild(el("dt", label));
    var dd = el("dd");
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = String(value);
    dd.dataset.field = label.toLowerCase();
    meta.appendChild(dd);
  }
  row("Outlet", data.outlet);
  row("Date", doc.date_text || doc.date);
  var src = doc.source || "";
  var safe = /^https?:\/\//i.test(src);
  var link = el(safe ? "a" : "span", src || "not recorded in the document's header", src ? null : "kg-sub");
  if (safe) { link.href = src; link.rel = "noopener noreferrer"; link.target = "_blank"; }
  link.id = "kg-doc-source";
  row("Source", link);
  row("Licence", doc.license || "not recorded in the document's header");
  row("Format", doc.format);
  if (doc.copies && doc.copies.length) row("Copies at", doc.copies.join(", "));
  if (doc.near_copies && doc.near_copies.length) {
    var near = el("span");
    doc.near_copies.forEach(function (id, i) {
      if (i) near.appendChild(document.createTextNode(", "));
      var a = el(api.reader ? "a" : "span", id);
      if (api.reader) a.href = route(api.reader, { doc_id: id });
      near.appendChild(a);
    });
    row("Near copies", near);
  }
  row("Loaded", doc.loaded_at);
  row("Id", doc.id);

  // ---------------------------------------------------------------------------------------------- text

  var text = doc.text || "";
  var facts = doc.facts || [];
  // Every span of evidence (start, end) of this document, with the facts it states.
  var spans = {};
  facts.forEach(function (f) {
    (f.evidence || []).forEach(function (ev) {
      if (ev.doc_id !== doc.id || ev.start === null || ev.end === null || ev.start === undefined) return;
      if (ev.start < 0 || ev.end > text.length || ev.end <= ev.start) return;
      var key = ev.start + ":" + ev.end;
      (spans[key] = spans[key] || { start: ev.start, end: ev.end, facts: [] }).facts.push(f.id);
    });
  });
  var cuts = [0, text.length];
  Object.keys(spans).forEach(function (k) { cuts.push(spans[k].start, spans[k].end); });
  cuts = cuts.filter(function (v, i, a) { return a.indexOf(v) === i; }).sort(function (a, b) { return a - b; });
  var article = document.getElementById("kg-doc-text");
  var marksByFact = {};
  for (var i = 0; i + 1 < cuts.length; i++) {
    var a = cuts[i], b = cuts[i + 1];
    var covering = [];
    Object.keys(spans).forEach(function (k) {
      var s = spans[k];
      if (s.start <= a && s.end >= b) covering = covering.concat(s.facts);
    });
    var piece = text.slice(a, b);
    if (!covering.length) { article.appendChild(document.createTextNode(piece)); continue; }
    var mark = el("mark", piece, "kg-hl");
    mark.dataset.start = String(a);
    mark.dataset.facts = covering.join(" ");
    mark.tabIndex = 0;
    mark.title = covering.length + (covering.length === 1 ? " fact" : " facts") + ": click to list";
    covering.forEach(function (id) { (marksByFact[id] = marksByFact[id] || []).push(mark); });
    mark.addEventListener("click", onMark);
    article.appendChild(mark);
  }

  // ---------------------------------------------------------------------------------------------- facts

  var list = document.getElementById("kg-doc-facts");
  document.getElementById("kg-doc-facts-title").textContent =
    "Facts read from this document (" + facts.length + (doc.facts_has_more ? "+" : "") + ")";
  var itemsByFact = {};
  facts.forEach(function (f) {
    var li = el("li", null, "kg-doc-fact");
    li.dataset.fact = f.id;
    var head = el("button", null, "kg-link-button kg-fact-head");
    head.type = "button";
    head.appendChild(el("strong", nameOf(f.source)));
    head.appendChild(el("span", " —" + f.type + "→ ", "kg-rel"));
    head.appendChild(el("strong", nameOf(f.target)));
    head.addEventListener("click", function () { select(f.id, true); });
    li.appendChild(head);
    var conf = f.properties && f.properties.confidence;
    var bits = [];
    if (conf !== undefined && conf !== null) bits.push("confidence " + Number(conf).toFixed(2));
    if (f.properties && f.properties.rule) bits.push("rule " + f.properties.rule);
    var evs = (f.evidence || []).filter(function (ev) { return ev.doc_id === doc.id; });
    bits.push(evs.length + (evs.length === 1 ? " sentence" : " sentences"));
    var dates = evs.map(function (ev) { return ev.date; }).filter(Boolean);
    if (dates.length) bits.push("dated " + dates[0]);
    var pages = evs.map(function (ev) { return ev.page; }).filter(function (x) { return x !== null && x !== undefined; });
    if (pages.length) bits.push("page " + pages[0]);
    li.appendChild(el("p", bits.join(" · "), "kg-evidence-meta"));
    if (api.entity_page) {
      var p = el("p", null, "kg-evidence-meta");
      [f.source, f.target].forEach(function (id, k) {
        var a = el("a", (k ? "→ " : "") + nameOf(id) + (k ? "" : " "));
        a.href = route(api.entity_page, { id: id });
        p.appendChild(a);
      });
      li.appendChild(p);
    }
    itemsByFact[f.id] = li;
    list.appendChild(li);
  });

  // ---------------------------------------------------------------------------------------------- selection

  function clear() {
    document.querySelectorAll(".kg-current").forEach(function (e) { e.classList.remove("kg-current"); });
  }

  function select(factId, scroll) {
    clear();
    var marks = marksByFact[factId] || [];
    marks.forEach(function (m) { m.classList.add("kg-current"); });
    var item = itemsByFact[factId];
    if (item) item.classList.add("kg-current");
    if (scroll && marks.length) marks[0].scrollIntoView({ block: "center" });
    if (item) item.scrollIntoView({ block: "nearest" });
    var q = new URLSearchParams(location.search);
    q.set("fact", factId);
    history.replaceState(null, "", "?" + q.toString());
  }

  function onMark(ev) {
    var ids = ev.currentTarget.dataset.facts.split(" ");
    clear();
    ev.currentTarget.classList.add("kg-current");
    ids.forEach(function (id) { if (itemsByFact[id]) itemsByFact[id].classList.add("kg-current"); });
    if (itemsByFact[ids[0]]) itemsByFact[ids[0]].scrollIntoView({ block: "nearest" });
  }

  var wanted = data.params && data.params.fact;
  if (wanted) {
    if (marksByFact[wanted]) select(wanted, true);
    else {
      var note = el("p", "The fact asked for (" + wanted + ") was not read from this document.", "kg-notice");
      article.parentNode.insertBefore(note, article);
    }
  }

  window.kgReader = {
    current: function () {
      return Array.prototype.map.call(document.querySelectorAll("mark.kg-current"), function (m) { return m.textContent; });
    },
    select: select
  };
})();
