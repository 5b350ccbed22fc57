/* Korea–Central Asia graph views: draws the JSON in #kg-data with vis-network.
 *
 * Safety: graph text (names, properties, evidence) is only ever put into the page with textContent or as
 * vis canvas labels; never innerHTML. Links are built from known route templates with encodeURIComponent.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var api = data.api; // null in a self-contained file: no server to ask
  var styles = data.styles;
  var details = { nodes: data.details.nodes, edges: data.details.edges };

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var hiddenNodeTypes = new Set();
  var hiddenRelTypes = new Set();

  var nodeView = new vis.DataView(nodes, {
    filter: function (n) { return !hiddenNodeTypes.has(n.group); }
  });
  var edgeView = new vis.DataView(edges, {
    filter: function (e) {
      if (hiddenRelTypes.has(e.relType)) return false;
      var a = nodes.get(e.from), b = nodes.get(e.to);
      return !!a && !!b && !hiddenNodeTypes.has(a.group) && !hiddenNodeTypes.has(b.group);
    }
  });

  var container = document.getElementById("kg-graph");
  var options = data.options;
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);
  var status = document.getElementById("kg-status");
  var firstDrawAt = null;
  var stabilizedAt = null;

  network.on("beforeDrawing", function (ctx) {
    // An opaque background, so the PNG export is not transparent.
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.restore();
  });
  network.once("afterDrawing", function () { firstDrawAt = performance.now(); });
  function settled() {
    // Stop the physics so the view stays put and costs nothing while idle (a graph that would oscillate
    // stops after the stabilization budget), and fill the canvas: the fit at the start of stabilization
    // saw the graph before it spread out.
    if (stabilizedAt !== null) return;
    network.setOptions({ physics: { enabled: false } });
    network.fit();
    stabilizedAt = performance.now();
  }
  network.on("stabilizationIterationsDone", settled);
  network.on("stabilized", settled);
  if (!options.physics || options.physics.enabled === false || !data.nodes.length) {
    network.once("afterDrawing", function () { stabilizedAt = performance.now(); });
  }

  // ------------------------------------------------------------------------------------ helpers

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  function route(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, k) { return encodeURIComponent(values[k]); });
  }

  function styleOf(type) { return styles[type] || styles.Entity; }

  function shortLabel(name) { return name.length > 40 ? name.slice(0, 39) + "…" : name; }

  function visNode(n) {
    // Colour and shape come from the group (one per type) in the vis options.
    return { id: n.id, label: shortLabel(n.name), group: styles[n.type] ? n.type : "Entity" };
  }

  function visEdge(e) {
    return { id: e.id, from: e.source, to: e.target, label: e.type, relType: e.type,
             width: 1.2 + Math.min((e.evidence || []).length, 5) * 0.3 };
  }

  function setStatus(text) { status.textContent = text || ""; }

  // ------------------------------------------------------------------------------------ counts, notice

  function updateCounts() {
    var vn = nodeView.length, ve = edgeView.length;
    var text = vn + " nodes · " + ve + " edges";
    if (vn !== nodes.length || ve !== edges.length) {
      text += " shown (of " + nodes.length + " · " + edges.length + ")";
    }
    var c = document.getElementById("kg-counts");
    c.textContent = text;
    c.dataset.nodes = String(vn);
    c.dataset.edges = String(ve);
  }

  function showTruncated(hasMore, limit) {
    var p = document.getElementById("kg-truncated");
    if (hasMore) {
      p.textContent = "This view shows the first " + (limit ? limit + " " : "") + "results, nearest first" +
        ": the graph holds more. Narrow it with a filter, a smaller depth or a higher minimum confidence, or raise the limit.";
      p.hidden = false;
    } else {
      p.hidden = true;
    }
  }

  // ------------------------------------------------------------------------------------ legend & filters

  function legendSwatch(type) {
    var s = styleOf(type);
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("width", "16"); svg.setAttribute("height", "16"); svg.setAttribute("viewBox", "-8 -8 16 16");
    var shape;
    var pts = {
      triangle: "0,-7 7,6 -7,6", triangleDown: "0,7 7,-6 -7,-6", diamond: "0,-7 7,0 0,7 -7,0",
      hexagon: "7,0 3.5,6 -3.5,6 -7,0 -3.5,-6 3.5,-6",
      star: "0,-7 2,-2 7,-2 3,1 4.5,7 0,3.5 -4.5,7 -3,1 -7,-2 -2,-2"
    };
    if (s.shape === "square") {
      shape = document.createElementNS(ns, "rect");
      shape.setAttribute("x", "-6"); shape.setAttribute("y", "-6");
      shape.setAttribute("width", "12"); shape.setAttribute("height", "12");
    } else if (pts[s.shape]) {
      shape = document.createElementNS(ns, "polygon");
      shape.setAttribute("points", pts[s.shape]);
    } else {
      shape = document.createElementNS(ns, "circle");
      shape.setAttribute("r", "6");
    }
    shape.setAttribute("fill", s.color);
    svg.appendChild(shape);
    return svg;
  }

  function typeCounts() {
    var nt = {}, rt = {};
    nodes.forEach(function (n) { nt[n.group] = (nt[n.group] || 0) + 1; });
    edges.forEach(function (e) { rt[e.relType] = (rt[e.relType] || 0) + 1; });
    return { nodeTypes: nt, relTypes: rt };
  }

  function buildFilters() {
    var counts = typeCounts();
    var nodeList = document.getElementById("kg-node-types");
    var relList = document.getElementById("kg-rel-types");
    nodeList.textContent = ""; relList.textContent = "";
    Object.keys(styles).forEach(function (type) {
      var li = el("li");
      var label = el("label");
      var box = el("input");
      box.type = "checkbox"; box.checked = !hiddenNodeTypes.has(type);
      box.dataset.nodeType = type;
      box.addEventListener("change", function () {
        if (box.checked) hiddenNodeTypes.delete(type); else hiddenNodeTypes.add(type);
        applyFilters();
      });
      label.appendChild(box);
      label.appendChild(legendSwatch(type));
      label.appendChild(el("span", type + " (" + (counts.nodeTypes[type] || 0) + ")"));
      if (!counts.nodeTypes[type]) li.className = "kg-absent";
      li.appendChild(label);
      nodeList.appendChild(li);
    });
    Object.keys(counts.relTypes).sort().forEach(function (type) {
      var li = el("li");
      var label = el("label");
      var box = el("input");
      box.type = "checkbox"; box.checked = !hiddenRelTypes.has(type);
      box.dataset.relType = type;
      box.addEventListener("change", function () {
        if (box.checked) hiddenRelTypes.delete(type); else hiddenRelTypes.add(type);
        applyFilters();
      });
      label.appendChild(box);
      label.appendChild(el("span", type + " (" + counts.relTypes[type] + ")"));
      li.appendChild(label);
      relList.appendChild(li);
    });
  }

  function applyFilters() {
    nodeView.refresh();
    edgeView.refresh();
    updateCounts();
  }

  function refreshFindList() {
    var list = document.getElementById("kg-find-names");
    list.textContent = "";
    var names = [];
    nodes.forEach(function (n) { var d = details.nodes[n.id]; names.push(d ? d.name : n.label); });
    names.sort().slice(0, 2000).forEach(function (name) {
      var o = el("option"); o.value = name; list.appendChild(o);
    });
  }

  function graphChanged() {
    buildFilters();
    applyFilters();
    refreshFindList();
  }

  // ------------------------------------------------------------------------------------ side panel

  var panel = document.getElementById("kg-panel");
  var panelBody = document.getElementById("kg-panel-body");
  document.getElementById("kg-panel-close").addEventListener("click", function () { panel.hidden = true; });

  function propTable(props) {
    var keys = Object.keys(props || {});
    if (!keys.length) return null;
    var dl = el("dl", null, "kg-props");
    keys.sort().forEach(function (k) {
      var v = props[k];
      dl.appendChild(el("dt", k));
      dl.appendChild(el("dd", typeof v === "string" ? v : JSON.stringify(v)));
    });
    return dl;
  }

  function docLink(docId) {
    if (api && api.document) {
      var a = el("a", docId);
      a.href = route(api.document, { doc_id: docId });
      a.rel = "noopener noreferrer";
      return a;
    }
    return el("span", docId, "kg-doc-id");
  }

  function evidenceList(evidence) {
    var ol = el("ol", null, "kg-evidence");
    (evidence || []).forEach(function (ev) {
      var li = el("li");
      li.appendChild(el("blockquote", ev.sentence === null || ev.sentence === undefined ? "(no sentence)" : ev.sentence));
      var meta = el("p", null, "kg-evidence-meta");
      meta.appendChild(docLink(ev.doc_id));
      var bits = [];
      if (ev.date) bits.push(ev.date);
      if (ev.modality) bits.push(ev.modality);
      (ev.quantities || []).forEach(function (q) {
        bits.push([q.kind, q.value, q.unit, q.text].filter(function (x) { return x !== undefined && x !== null; }).join(" "));
      });
      if (bits.length) meta.appendChild(el("span", " · " + bits.join(" · ")));
      li.appendChild(meta);
      ol.appendChild(li);
    });
    return ol;
  }

  function showNode(id) {
    var d = details.nodes[id];
    if (!d) return;
    panelBody.textContent = "";
    panelBody.dataset.kind = "node";
    panelBody.dataset.id = id;
    var h = el("h2", d.name);
    h.prepend(legendSwatch(d.type));
    panelBody.appendChild(h);
    panelBody.appendChild(el("p", d.type + " · " + d.id, "kg-sub"));
    if (d.aliases && d.aliases.length) panelBody.appendChild(el("p", "Also: " + d.aliases.join(", "), "kg-sub"));
    var t = propTable(d.properties);
    if (t) panelBody.appendChild(t);
    // The evidence of every edge at this node, grouped by edge.
    var here = edges.get({ filter: function (e) { return e.from === id || e.to === id; } });
    if (here.length) {
      panelBody.appendChild(el("h3", "Relations (" + here.length + ")"));
      here.forEach(function (e) {
        var ed = details.edges[e.id];
        if (!ed) return;
        var other = details.nodes[ed.source === id ? ed.target : ed.source];
        var btn = el("button", (ed.source === id ? "→ " : "← ") + ed.type + " " + (other ? other.name : ""), "kg-link-button");
        btn.type = "button";
        btn.addEventListener("click", function () { network.selectEdges([e.id]); showEdge(e.id); });
        panelBody.appendChild(btn);
      });
    }
    if (api && api.entity_page) {
      var a = el("a", "Open entity view");
      a.href = route(api.entity_page, { id: id });
      panelBody.appendChild(el("p")).appendChild(a);
    }
    panel.hidden = false;
  }

  function showEdge(id) {
    var d = details.edges[id];
    if (!d) return;
    panelBody.textContent = "";
    panelBody.dataset.kind = "edge";
    panelBody.dataset.id = id;
    var s = details.nodes[d.source], t = details.nodes[d.target];
    panelBody.appendChild(el("h2", d.type));
    panelBody.appendChild(el("p", (s ? s.name : d.source) + " → " + (t ? t.name : d.target), "kg-sub"));
    var table = propTable(d.properties);
    if (table) panelBody.appendChild(table);
    panelBody.appendChild(el("h3", "Evidence (" + (d.evidence || []).length + ")"));
    panelBody.appendChild(evidenceList(d.evidence));
    panel.hidden = false;
  }

  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
    else panel.hidden = true;
  });

  // Hover tooltips, built as elements (vis would otherwise show a string title).
  function tooltipFor(item, isEdge) {
    var box = el("div", null, "kg-tooltip");
    if (isEdge) {
      var d = details.edges[item];
      if (!d) return null;
      box.appendChild(el("strong", d.type));
      var ev = (d.evidence || [])[0];
      if (ev && ev.sentence) box.appendChild(el("div", "“" + ev.sentence.slice(0, 200) + "”"));
    } else {
      var n = details.nodes[item];
      if (!n) return null;
      box.appendChild(el("strong", n.name));
      box.appendChild(el("div", n.type));
    }
    return box;
  }
  function attachTooltips(nodeIds, edgeIds) {
    nodes.update(nodeIds.map(function (id) { return { id: id, title: tooltipFor(id, false) }; }).filter(function (x) { return x.title; }));
    edges.update(edgeIds.map(function (id) { return { id: id, title: tooltipFor(id, true) }; }).filter(function (x) { return x.title; }));
  }

  // ------------------------------------------------------------------------------------ merging graphs

  function mergeSubgraph(sub, near) {
    var added = { nodes: [], edges: [] };
    var origin = near ? network.getPositions([near])[near] : null;
    var fresh = sub.nodes.filter(function (n) { return !nodes.get(n.id); });
    fresh.forEach(function (n, i) {
      details.nodes[n.id] = n;
      var v = visNode(n);
      if (origin) {
        var angle = 2 * Math.PI * i / Math.max(fresh.length, 1);
        v.x = origin.x + 160 * Math.cos(angle);
        v.y = origin.y + 160 * Math.sin(angle);
      }
      added.nodes.push(v);
    });
    sub.nodes.forEach(function (n) { if (!details.nodes[n.id]) details.nodes[n.id] = n; });
    sub.edges.forEach(function (e) {
      details.edges[e.id] = e;
      if (!edges.get(e.id)) added.edges.push(visEdge(e));
    });
    nodes.add(added.nodes);
    var known = new Set(nodes.getIds());
    edges.add(added.edges.filter(function (e) { return known.has(e.from) && known.has(e.to); }));
    attachTooltips(added.nodes.map(function (n) { return n.id; }), added.edges.map(function (e) { return e.id; }));
    graphChanged();
    return added;
  }

  function replaceGraph(sub, focus) {
    nodes.clear(); edges.clear();
    details.nodes = {}; details.edges = {};
    panel.hidden = true;
    network.setOptions({ physics: options.physics && options.physics.enabled === false ? { enabled: false } : options.physics });
    mergeSubgraph(sub, null);
    if (focus) nodes.update({ id: focus, size: 22, borderWidth: 3 });
    showTruncated(sub.has_more, sub.limit);
    network.fit();
  }

  function fetchJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" }).then(function (r) {
      if (!r.ok) {
        return r.json().catch(function () { return {}; }).then(function (body) {
          var msg = (body && (body.detail || body.message || (body.error && body.error.message))) || r.statusText;
          throw new Error(typeof msg === "string" ? msg : JSON.stringify(msg));
        });
      }
      return r.json();
    });
  }

  // The answer filters of this page (URL state): every neighbourhood fetched for it applies them too.
  var pageQuery = new URLSearchParams(location.search);
  function filterValue(name) {
    var input = document.querySelector(".kg-form [name=" + name + "]");
    if (input) return input.value;
    return pageQuery.get(name) || (data.params && data.params[name]) || "";
  }
  function filterQuery() {
    var extra = "";
    var minConfidence = filterValue("min_confidence");
    var asOf = filterValue("as_of");
    if (minConfidence && Number(minConfidence) > 0) extra += "&min_confidence=" + encodeURIComponent(minConfidence);
    if (asOf) extra += "&as_of=" + encodeURIComponent(asOf);
    return extra;
  }

  function neighbourhoodUrl(id, depth) {
    return route(api.neighbourhood, { id: id, depth: depth }) + filterQuery();
  }

  // Double-click a node: fetch its neighbours from the JSON API and add them in place.
  network.on("doubleClick", function (params) {
    if (!params.nodes.length) return;
    var id = params.nodes[0];
    if (!api || !api.neighbourhood) { setStatus("Expanding needs the app (this is a saved file)."); return; }
    setStatus("Expanding…");
    fetchJSON(neighbourhoodUrl(id, 1)).then(function (sub) {
      var fresh = sub.nodes.filter(function (n) { return !nodes.get(n.id); }).length;
      if (nodes.length + fresh > data.limits.maxNodes) {
        setStatus("Not expanded: the view would have " + (nodes.length + fresh) + " nodes, more than the " +
          data.limits.maxNodes + " a view can show. Hide some types with the filters or open a smaller view.");
        return;
      }
      var added = mergeSubgraph(sub, id);
      setStatus("Added " + added.nodes.length + " nodes and " + added.edges.length + " edges.");
    }).catch(function (err) { setStatus("Could not expand: " + err.message); });
  });

  // ------------------------------------------------------------------------------------ find, fit, export

  function findNode(text) {
    var q = text.trim().toLowerCase();
    if (!q) return null;
    var best = null;
    nodeView.forEach(function (n) {
      var d = details.nodes[n.id];
      var name = (d ? d.name : n.label).toLowerCase();
      if (name === q || n.id.toLowerCase() === q) best = n.id;
      else if (best === null && name.indexOf(q) >= 0) best = n.id;
    });
    return best;
  }

  function zoomTo(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: 1.4, animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    showNode(id);
  }

  var find = document.getElementById("kg-find");
  function doFind() {
    var id = findNode(find.value);
    if (id) { zoomTo(id); setStatus(""); } else if (find.value.trim()) setStatus("No node in this view matches.");
  }
  find.addEventListener("change", doFind);
  find.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { ev.preventDefault(); doFind(); } });

  document.getElementById("kg-fit").addEventListener("click", function () { network.fit({ animation: true }); });

  document.getElementById("kg-export").addEventListener("click", function () {
    var canvas = container.querySelector("canvas");
    var a = document.createElement("a");
    a.href = canvas.toDataURL("image/png");
    a.download = "kg-" + data.kind + "-view.png";
    document.body.appendChild(a);
    a.click();
    a.remove();
  });

  // ------------------------------------------------------------------------------------ entity pickers

  function attachSuggestions(input, list, onPick) {
    if (!api || !api.search) return;
    var timer = null, seq = 0;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { list.textContent = ""; return; }
      timer = setTimeout(function () {
        var mine = ++seq;
        var url = route(api.search, { q: q });
        if (input.dataset.type) url += "&type=" + encodeURIComponent(input.dataset.type);
        fetchJSON(url).then(function (body) {
          if (mine !== seq) return;
          var hits = Array.isArray(body) ? body : (body.results || body.items || body.entities || []);
          list.textContent = "";
          hits.slice(0, 10).forEach(function (hit) {
            var li = el("li");
            var b = el("button", null, "kg-suggestion");
            b.type = "button";
            b.dataset.id = hit.id;
            b.appendChild(legendSwatch(hit.type));
            b.appendChild(el("span", " " + hit.name));
            b.appendChild(el("small", " " + hit.type));
            b.addEventListener("click", function () { list.textContent = ""; onPick(hit); });
            li.appendChild(b);
            list.appendChild(li);
          });
          if (!hits.length) list.appendChild(el("li", "No match", "kg-none"));
        }).catch(function (err) { setStatus("Search failed: " + err.message); });
      }, 150);
    });
  }

  document.querySelectorAll("input.kg-entity-input").forEach(function (input) {
    attachSuggestions(input, input.parentNode.querySelector(".kg-suggestions"), function (hit) { input.value = hit.id; });
  });

  var explorerSearch = document.getElementById("kg-search");
  function explore(id) {
    var depth = document.getElementById("kg-depth").value;
    setStatus("Loading…");
    fetchJSON(neighbourhoodUrl(id, depth)).then(function (sub) {
      replaceGraph(sub, id);
      setStatus("");
      history.replaceState(null, "", "?id=" + encodeURIComponent(id) + "&depth=" + encodeURIComponent(depth) +
        filterQuery());
    }).catch(function (err) { setStatus("Could not load: " + err.message); });
  }
  if (explorerSearch) {
    attachSuggestions(explorerSearch, document.getElementById("kg-search-suggestions"), function (hit) {
      explorerSearch.value = hit.name;
      explore(hit.id);
    });
    explorerSearch.form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var first = document.querySelector("#kg-search-suggestions button");
      if (first) first.click();
    });
    var initial = new URLSearchParams(location.search).get("id");
    if (initial && !nodes.length) explore(initial);
  }

  // ------------------------------------------------------------------------------------ start

  attachTooltips(nodes.getIds(), edges.getIds());
  graphChanged();
  showTruncated(data.hasMore, data.limit);
  if (data.message) setStatus("");

  // A small handle for tests and the benchmark; the UI never depends on it.
  window.kgView = {
    network: network,
    nodes: nodes,
    edges: edges,
    visibleNodeIds: function () { return nodeView.getIds(); },
    visibleEdgeIds: function () { return edgeView.getIds(); },
    edgePoint: function (id) {
      var e = network.body.edges[id];
      var p = e && e.edgeType && e.edgeType.getPoint ? e.edgeType.getPoint(0.5) : null;
      if (!p) {
        var ed = edges.get(id), pos = network.getPositions([ed.from, ed.to]);
        p = { x: (pos[ed.from].x + pos[ed.to].x) / 2, y: (pos[ed.from].y + pos[ed.to].y) / 2 };
      }
      return network.canvasToDOM(p);
    },
    nodePoint: function (id) { return network.canvasToDOM(network.getPositions([id])[id]); },
    timings: function () { return { firstDraw: firstDrawAt, stabilized: stabilizedAt }; },
    selectEdge: function (id) { network.selectEdges([id]); showEdge(id); },
    zoomTo: zoomTo
  };
})();
