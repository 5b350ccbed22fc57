/* Korea–Central Asia graph views: draws the JSON in #kg-data with vis-network.
 *
 * What is drawn is derived from what the view holds (entities and facts) and the view's state (hidden types,
 * opened clusters, selection, layout):
 * - the facts between two entities are drawn as one line, as thick as they are many, labelled with their count;
 * - a hub's leaves of one type (CLUSTER_MIN or more) are drawn as one cluster node ("12 sectors") that opens on a
 *   click and closes again from the hub's panel;
 * - nodes are sized by the number of their neighbours;
 * - labels are drawn by this script, not by vis: the most important names first (focus, clusters, degree), each
 *   only where it overlaps no label already drawn, at most MAX_LABELS on screen; the others show on hover.
 * Every bit of that state is in the URL, so a copied link reopens the same view.
 *
 * Safety: graph text (names, properties, evidence) is only ever put into the page with textContent or drawn on the
 * canvas; never innerHTML. Links are built from known route templates with encodeURIComponent.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var api = data.api; // null in a self-contained file: no server to ask
  var styles = data.styles;
  var limits = data.limits || {};
  var MAX_LABELS = limits.maxLabels || 40;
  var MAX_EDGE_LABELS = 24;
  var CLUSTER_MIN = limits.clusterMin || 4;
  var CLUSTERING = data.kind === "entity" || data.kind === "explore";
  var LABEL_FONT = "12px system-ui, -apple-system, 'Segoe UI', sans-serif";
  var FOCUS_FONT = "bold 13px system-ui, -apple-system, 'Segoe UI', sans-serif";
  var EDGE_FONT = "10px system-ui, -apple-system, 'Segoe UI', sans-serif";
  var LINE_HEIGHT = 14;

  // What the view holds: entities and facts by id (GraphNode / GraphEdge JSON).
  var entities = {};
  var facts = {};
  var focus = (data.focus || []).slice();
  var serverPositions = {};
  data.nodes.forEach(function (n) { if (n.x !== undefined) serverPositions[n.id] = { x: n.x, y: n.y }; });
  Object.keys(data.details.nodes).forEach(function (id) { entities[id] = data.details.nodes[id]; });
  Object.keys(data.details.edges).forEach(function (id) { facts[id] = data.details.edges[id]; });

  // ------------------------------------------------------------------------------------ URL state

  var pageQuery = new URLSearchParams(location.search);
  function listParam(name) {
    return (pageQuery.get(name) || "").split(",").map(function (s) { return s.trim(); }).filter(Boolean);
  }
  var state = {
    hidden: new Set(listParam("hide")),         // node types and relationship types hidden in the view
    open: new Set(pageQuery.getAll("open")),     // cluster keys opened (hub|Type)
    closed: new Set(),                           // nothing persistent: clusters start closed
    expand: pageQuery.getAll("expand"),          // nodes whose neighbours were added (double-click)
    select: pageQuery.get("select") || null,     // a node id, or a fact id (edge)
    layout: data.layout
  };

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
  function groupOf(type) { return styles[type] ? type : "Entity"; }
  function nameOf(id) { var d = entities[id]; return d ? d.name : id; }
  function plural(type, n) {
    var word = type.toLowerCase();
    if (n === 1) return word;
    if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + "ies";
    return /s$/.test(word) ? word + "es" : word + "s";
  }
  function confidenceOf(fact) {
    var c = fact.properties ? fact.properties.confidence : null;
    return c === null || c === undefined ? null : Number(c);
  }

  var status = document.getElementById("kg-status");
  function setStatus(text) { status.textContent = text || ""; }

  // ------------------------------------------------------------------------------------ what is drawn

  function pairKey(a, b) { return a < b ? a + "\u0001" + b : b + "\u0001" + a; }

  /* The drawing derived from the view's entities, facts and state:
   * nodes: [{id, type, kind: 'entity'|'cluster', degree, members?}], edges: [{id, from, to, facts: [ids]}],
   * clusterOf: member id -> cluster id. */
  function derive() {
    var visible = {};
    Object.keys(entities).forEach(function (id) {
      if (!state.hidden.has(entities[id].type)) visible[id] = true;
    });
    var pairs = {};
    var neighbours = {};
    Object.keys(facts).sort().forEach(function (fid) {
      var f = facts[fid];
      if (state.hidden.has(f.type) || !visible[f.source] || !visible[f.target]) return;
      var key = pairKey(f.source, f.target);
      var p = pairs[key];
      if (!p) {
        p = pairs[key] = { id: "pair:" + key, from: f.source, to: f.target, facts: [] };
        (neighbours[f.source] = neighbours[f.source] || new Set()).add(f.target);
        (neighbours[f.target] = neighbours[f.target] || new Set()).add(f.source);
      }
      p.facts.push(fid);
    });
    function degree(id) { return neighbours[id] ? neighbours[id].size : 0; }
    var focusSet = new Set(focus);
    var selectedNode = state.select && entities[state.select] ? state.select : null;
    var clusterOf = {};
    var clusters = {};
    if (CLUSTERING) {
      // Nodes of one type joined to exactly the same one or two neighbours (a hub's leaves, or the sectors two
      // countries cooperate in) are one group; CLUSTER_MIN or more make a cluster unless it was opened.
      var groups = {};
      Object.keys(visible).sort().forEach(function (v) {
        var n = neighbours[v];
        if (!n || n.size > 2 || focusSet.has(v) || v === selectedNode || state.expand.indexOf(v) >= 0) return;
        var around = Array.from(n).sort();
        if (around.some(function (a) { return focusSet.has(a) ? false : degree(a) <= 1; })) return;
        var key = entities[v].type + "|" + around.join(",");
        (groups[key] = groups[key] || { type: entities[v].type, around: around, members: [] }).members.push(v);
      });
      Object.keys(groups).sort().forEach(function (key) {
        var g = groups[key];
        if (g.members.length < CLUSTER_MIN || state.open.has(key)) return;
        var cid = "cluster:" + key;
        var hub = g.around.slice().sort(function (a, b) { return degree(b) - degree(a) || (a < b ? -1 : 1); })[0];
        clusters[cid] = { id: cid, key: key, hub: hub, around: g.around, type: g.type, members: g.members };
        g.members.forEach(function (m) { clusterOf[m] = cid; });
      });
    }
    var nodes = [];
    Object.keys(visible).forEach(function (id) {
      if (!clusterOf[id]) nodes.push({ id: id, kind: "entity", type: entities[id].type, degree: degree(id) });
    });
    Object.keys(clusters).forEach(function (cid) {
      var c = clusters[cid];
      nodes.push({ id: cid, kind: "cluster", type: c.type, degree: c.members.length, cluster: c });
    });
    var edges = [];
    var clusterEdges = {};
    Object.keys(pairs).forEach(function (key) {
      var p = pairs[key];
      var ca = clusterOf[p.from], cb = clusterOf[p.to];
      if (!ca && !cb) { edges.push(p); return; }
      var cid = ca || cb;
      var other = ca ? p.to : p.from;
      var ekey = cid + "\u0001" + other;
      var e = clusterEdges[ekey];
      if (!e) e = clusterEdges[ekey] = { id: "pair:" + ekey, from: other, to: cid, facts: [], cluster: cid };
      e.facts = e.facts.concat(p.facts);
    });
    Object.keys(clusterEdges).forEach(function (k) { edges.push(clusterEdges[k]); });
    return { nodes: nodes, edges: edges, clusterOf: clusterOf, clusters: clusters, neighbours: neighbours };
  }

  var drawn = { nodes: [], edges: [], clusterOf: {}, clusters: {}, neighbours: {} };
  var drawnEdgeOfFact = {};

  function nodeSize(n) {
    var size = Math.min(10 + 3.2 * Math.sqrt(Math.max(n.degree, 0)), 42);
    if (n.kind === "cluster") size = Math.min(14 + 2.5 * Math.sqrt(n.degree), 34);
    if (focus.indexOf(n.id) >= 0) size = Math.max(size, 24);
    return size;
  }

  function visNode(n) {
    var v = { id: n.id, group: groupOf(n.type), size: nodeSize(n), label: undefined };
    if (n.kind === "cluster") {
      v.borderWidth = 3;
      v.shapeProperties = { borderDashes: [5, 4] };
      v.color = { background: tint(styleOf(n.type).color), border: styleOf(n.type).color,
                  highlight: { background: "#f3f4f6", border: "#111827" }, hover: { background: "#f3f4f6", border: "#111827" } };
    } else if (focus.indexOf(n.id) >= 0) {
      v.borderWidth = 3;
    }
    return v;
  }

  function tint(hex) {
    var r = parseInt(hex.slice(1, 3), 16), g = parseInt(hex.slice(3, 5), 16), b = parseInt(hex.slice(5, 7), 16);
    return "rgba(" + r + "," + g + "," + b + ",0.25)";
  }

  function visEdge(e) {
    var fs = e.facts.map(function (id) { return facts[id]; });
    var best = 0, forward = false, backward = false;
    fs.forEach(function (f) {
      var c = confidenceOf(f);
      best = Math.max(best, c === null ? 1 : c);
      if (f.source === e.from) forward = true; else backward = true;
    });
    var v = { id: e.id, from: e.from, to: e.to, width: 1 + Math.min(e.facts.length - 1, 6) * 0.9,
              dashes: best < 0.5 ? [6, 5] : false };
    if (e.cluster) {
      v.arrows = { to: { enabled: false } };
      v.color = { color: "#c0c4cc", highlight: "#1f2937", hover: "#1f2937" };
    } else {
      v.arrows = { to: { enabled: forward, scaleFactor: 0.5 }, from: { enabled: backward, scaleFactor: 0.5 } };
      if (best < 0.5) v.color = { color: "#d1a76b", highlight: "#92400e", hover: "#92400e" };
    }
    return v;
  }

  // ------------------------------------------------------------------------------------ layouts

  function bfsLevels(nodeIds, edgeList, roots) {
    var adj = {};
    nodeIds.forEach(function (id) { adj[id] = []; });
    edgeList.forEach(function (e) {
      if (adj[e.from] && adj[e.to]) { adj[e.from].push(e.to); adj[e.to].push(e.from); }
    });
    var level = {}, parent = {}, order = [];
    var start = roots.filter(function (r) { return adj[r]; });
    if (!start.length && nodeIds.length) {
      start = [nodeIds.slice().sort(function (a, b) { return adj[b].length - adj[a].length || (a < b ? -1 : 1); })[0]];
    }
    start.forEach(function (r) { level[r] = 0; order.push(r); });
    for (var i = 0; i < order.length; i++) {
      var u = order[i];
      adj[u].slice().sort().forEach(function (v) {
        if (level[v] === undefined) { level[v] = level[u] + 1; parent[v] = u; order.push(v); }
      });
    }
    var outer = 0;
    order.forEach(function (id) { outer = Math.max(outer, level[id]); });
    nodeIds.slice().sort().forEach(function (id) {
      if (level[id] === undefined) { level[id] = outer + 1; order.push(id); }
    });
    return { level: level, parent: parent, order: order, roots: start };
  }

  /* Rings around the focus: each node in the sector of its parent, sectors as wide as their subtrees; the ellipse
   * is stretched to the canvas's shape, so the drawing uses its width. */
  function radialPositions(nodeIds, edgeList, roots) {
    var t = bfsLevels(nodeIds, edgeList, roots);
    var children = {};
    t.order.forEach(function (id) { if (t.parent[id]) (children[t.parent[id]] = children[t.parent[id]] || []).push(id); });
    var weight = {};
    for (var i = t.order.length - 1; i >= 0; i--) {
      var id = t.order[i];
      weight[id] = Math.max(1, (children[id] || []).reduce(function (s, c) { return s + weight[c]; }, 0));
    }
    var perLevel = {};
    t.order.forEach(function (id) { perLevel[t.level[id]] = (perLevel[t.level[id]] || 0) + 1; });
    var radius = {}, r = 0;
    Object.keys(perLevel).map(Number).sort(function (a, b) { return a - b; }).forEach(function (lv) {
      if (lv === 0) { radius[0] = perLevel[0] === 1 ? 0 : Math.max(120, perLevel[0] * 90 / (2 * Math.PI)); r = radius[0]; return; }
      r = Math.max(r + 230, perLevel[lv] * 95 / (2 * Math.PI));
      radius[lv] = r;
    });
    var box = document.getElementById("kg-graph");
    var aspect = Math.max(1, Math.min(2.2, (box.clientWidth || 1200) / (box.clientHeight || 700)));
    var pos = {};
    function place(id, from, to) {
      var angle = (from + to) / 2, rr = radius[t.level[id]] || 0;
      pos[id] = { x: rr * Math.cos(angle) * aspect, y: rr * Math.sin(angle) };
      var kids = children[id] || [];
      var total = kids.reduce(function (s, c) { return s + weight[c]; }, 0), at = from;
      kids.forEach(function (c) { var span = (to - from) * weight[c] / total; place(c, at, at + span); at += span; });
    }
    var tops = t.order.filter(function (id) { return t.parent[id] === undefined; });
    var all = tops.reduce(function (s, id) { return s + weight[id]; }, 0), at = 0;
    tops.forEach(function (id) {
      var span = 2 * Math.PI * weight[id] / all;
      if (t.level[id] === 0 && tops.length === 1) place(id, 0, 2 * Math.PI); else place(id, at, at + span);
      at += span;
    });
    return pos;
  }

  function networkOptions() {
    var o = JSON.parse(JSON.stringify(data.options));
    o.nodes = o.nodes || {};
    o.nodes.font = { size: 0 }; // labels are drawn by drawLabels()
    o.edges = o.edges || {};
    o.edges.font = { size: 0 };
    o.edges.smooth = false;
    o.layout = o.layout || {};
    if (state.layout === "hierarchical") {
      // Columns by distance from the focus, spaced so that the drawing takes the canvas's shape.
      var perLevel = {}, levels = 0, most = 1;
      nodes.forEach(function (n) {
        perLevel[n.level] = (perLevel[n.level] || 0) + 1;
        most = Math.max(most, perLevel[n.level]);
        levels = Math.max(levels, (n.level || 0) + 1);
      });
      var aspect = (container.clientWidth || 1200) / (container.clientHeight || 700);
      var separation = Math.max(280, most * 44 * aspect / Math.max(levels - 1, 1));
      o.layout.hierarchical = { enabled: true, direction: "LR", sortMethod: "directed", levelSeparation: separation,
                                nodeSpacing: 44, treeSpacing: 80, shakeTowards: "roots" };
      o.physics = { enabled: false };
    } else if (state.layout === "radial" || state.layout === "server") {
      o.layout.hierarchical = { enabled: false };
      o.physics = { enabled: false };
    } else {
      o.layout.hierarchical = { enabled: false };
      if (!o.physics || o.physics.enabled === false) {
        o.physics = { enabled: true, solver: "forceAtlas2Based",
                      forceAtlas2Based: { gravitationalConstant: -140, centralGravity: 0.01, springLength: 190,
                                          springConstant: 0.06, avoidOverlap: 0.6 },
                      stabilization: { enabled: true, iterations: 400, updateInterval: 50, fit: true },
                      minVelocity: 0.75 };
      }
    }
    return o;
  }

  function positionsFor(nodesList, edgesList) {
    if (state.layout === "radial") {
      return radialPositions(nodesList.map(function (n) { return n.id; }), edgesList, layoutRoots());
    }
    if (state.layout === "server") {
      var pos = {};
      nodesList.forEach(function (n) {
        if (serverPositions[n.id]) pos[n.id] = serverPositions[n.id];
        else if (n.kind === "cluster") {
          var xs = 0, ys = 0, k = 0;
          n.cluster.members.forEach(function (m) { var p = serverPositions[m]; if (p) { xs += p.x; ys += p.y; k++; } });
          if (k) pos[n.id] = { x: xs / k, y: ys / k };
        }
      });
      return pos;
    }
    return null;
  }

  // ------------------------------------------------------------------------------------ the network

  var container = document.getElementById("kg-graph");
  var nodes = new vis.DataSet([]);
  var edges = new vis.DataSet([]);
  var network = null;
  var firstDrawAt = null;
  var stabilizedAt = null;
  var hoverNode = null;
  var hoverEdge = null;
  var placedLabels = [];
  var placedEdgeLabels = [];

  // The layouts' centre: the focus; for a path view its source alone, so the walk reads from left to right.
  function layoutRoots() { return data.kind === "path" ? focus.slice(0, 1) : focus; }

  function levelsForHierarchy(nodesList, edgesList) {
    var t = bfsLevels(nodesList.map(function (n) { return n.id; }), edgesList, layoutRoots());
    return t.level;
  }

  function sync(opts) {
    opts = opts || {};
    var before = new Set(nodes.getIds());
    var oldPositions = network ? network.getPositions() : {};
    drawn = derive();
    drawnEdgeOfFact = {};
    drawn.edges.forEach(function (e) { e.facts.forEach(function (f) { drawnEdgeOfFact[f] = e.id; }); });
    var vNodes = drawn.nodes.map(visNode);
    var vEdges = drawn.edges.map(visEdge);
    var fixed = opts.relayout ? positionsFor(drawn.nodes, drawn.edges) : null;
    var ringIndex = 0;
    if (state.layout === "hierarchical") {
      var level = levelsForHierarchy(drawn.nodes, drawn.edges);
      vNodes.forEach(function (v) { v.level = level[v.id]; });
    }
    vNodes.forEach(function (v) {
      if (fixed && fixed[v.id]) { v.x = fixed[v.id].x; v.y = fixed[v.id].y; return; }
      if (oldPositions[v.id]) { v.x = oldPositions[v.id].x; v.y = oldPositions[v.id].y; return; }
      // New nodes start beside what they came from: a cluster's hub, or the node that was expanded.
      var c = opts.fromCluster;
      var from = opts.near || (c && (oldPositions[c.id] ? c.id : c.hub)) || null;
      var origin = from && oldPositions[from] ? oldPositions[from] : null;
      if (origin) {
        var k = ringIndex++ * 2.39996; // golden angle: spread evenly, deterministically
        v.x = origin.x + (150 + 8 * Math.sqrt(ringIndex)) * Math.cos(k);
        v.y = origin.y + (150 + 8 * Math.sqrt(ringIndex)) * Math.sin(k);
      }
    });
    var keepN = new Set(vNodes.map(function (v) { return v.id; }));
    var keepE = new Set(vEdges.map(function (v) { return v.id; }));
    nodes.remove(nodes.getIds().filter(function (id) { return !keepN.has(id); }));
    edges.remove(edges.getIds().filter(function (id) { return !keepE.has(id); }));
    nodes.update(vNodes);
    edges.update(vEdges);
    attachTooltips();
    updateCounts();
    var added = vNodes.filter(function (v) { return !before.has(v.id); }).length;
    return added;
  }

  function buildNetwork() {
    if (network) { network.destroy(); network = null; }
    firstDrawAt = null; stabilizedAt = null;
    nodes.clear(); edges.clear();
    sync({ relayout: true });
    var options = networkOptions();
    network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
    network.on("beforeDrawing", function (ctx) {
      // An opaque background, so the PNG export is not transparent.
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
      ctx.restore();
    });
    network.on("afterDrawing", drawLabels);
    network.once("afterDrawing", function () { firstDrawAt = performance.now(); });
    var physics = options.physics && options.physics.enabled !== false;
    function settled() {
      // Stop the physics so the view stays put and costs nothing while idle, and fill the canvas.
      if (stabilizedAt !== null) return;
      network.setOptions({ physics: { enabled: false } });
      stretchToCanvas();
      network.fit();
      stabilizedAt = performance.now();
      afterSettle();
    }
    if (physics && nodes.length) {
      network.on("stabilizationIterationsDone", settled);
      network.on("stabilized", settled);
    } else {
      network.once("afterDrawing", function () {
        network.fit();
        stabilizedAt = performance.now();
        afterSettle();
      });
    }
    network.on("click", onClick);
    network.on("doubleClick", onDoubleClick);
    network.on("hoverNode", function (p) { hoverNode = p.node; network.redraw(); });
    network.on("blurNode", function () { hoverNode = null; network.redraw(); });
    network.on("hoverEdge", function (p) { hoverEdge = p.edge; network.redraw(); });
    network.on("blurEdge", function () { hoverEdge = null; network.redraw(); });
  }

  /* A force layout comes out round; the canvas is wide. Stretch the drawing sideways to the canvas's shape (at most
   * 1.8 times), so that the same nodes get more room and their labels more space. */
  function stretchToCanvas() {
    var pos = network.getPositions();
    var ids = Object.keys(pos);
    if (ids.length < 3) return;
    var minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    ids.forEach(function (id) {
      var p = pos[id];
      minX = Math.min(minX, p.x); maxX = Math.max(maxX, p.x); minY = Math.min(minY, p.y); maxY = Math.max(maxY, p.y);
    });
    var bw = Math.max(maxX - minX, 1), bh = Math.max(maxY - minY, 1);
    var want = (container.clientWidth || 1200) / (container.clientHeight || 700);
    var k = Math.min(1.8, want / (bw / bh));
    if (k <= 1.05) return;
    var cx = (minX + maxX) / 2;
    ids.forEach(function (id) { network.moveNode(id, cx + (pos[id].x - cx) * k, pos[id].y); });
  }

  var settleCallbacks = [];
  function afterSettle() {
    var cbs = settleCallbacks; settleCallbacks = [];
    cbs.forEach(function (cb) { cb(); });
  }

  // ------------------------------------------------------------------------------------ labels

  var widthCache = {};
  var measureCtx = document.createElement("canvas").getContext("2d");
  function textWidth(text, font) {
    var key = font + "\u0001" + text;
    if (widthCache[key] === undefined) { measureCtx.font = font; widthCache[key] = measureCtx.measureText(text).width; }
    return widthCache[key];
  }

  /* A name in at most two lines of about 26 characters, cut at a word; the full name shows on hover. */
  function labelLines(id) {
    var n = nodes.get(id);
    if (!n) return [];
    var c = drawn.clusters[id];
    if (c) return [c.members.length + " " + plural(c.type, c.members.length)];
    var name = nameOf(id);
    var words = name.split(/\s+/), lines = [""], width = 26;
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      var cur = lines[lines.length - 1];
      if (!cur) lines[lines.length - 1] = w;
      else if ((cur + " " + w).length <= width) lines[lines.length - 1] = cur + " " + w;
      else if (lines.length < 2) lines.push(w);
      else { lines[1] = (lines[1] + " " + w).slice(0, width - 1).replace(/\s+\S*$/, "") + "…"; break; }
    }
    return lines.map(function (l) { return l.length > width + 6 ? l.slice(0, width) + "…" : l; });
  }

  function labelFont(id) { return focus.indexOf(id) >= 0 || drawn.clusters[id] ? FOCUS_FONT : LABEL_FONT; }

  function labelBox(id, dom, scale) {
    var lines = labelLines(id), font = labelFont(id);
    var w = 0;
    lines.forEach(function (l) { w = Math.max(w, textWidth(l, font)); });
    var n = nodes.get(id);
    var r = (n && n.size ? n.size : 14) * scale;
    return { id: id, lines: lines, font: font, x: dom.x - w / 2 - 2, y: dom.y + r + 3, w: w + 4,
             h: lines.length * LINE_HEIGHT, cx: dom.x };
  }

  function overlaps(a, b) { return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h; }

  function labelPriority(id) {
    var p = 0;
    if (focus.indexOf(id) >= 0) p += 1e6;
    if (id === state.select) p += 5e5;
    if (drawn.clusters[id]) p += 1e5;
    var n = drawn.neighbours[id];
    p += (n ? n.size : 0) * 100;
    var c = drawn.clusters[id];
    if (c) p += c.members.length * 100;
    return p;
  }

  function drawLabels(ctx) {
    if (!network) return;
    var scale = network.getScale();
    var ids = nodes.getIds();
    var positions = network.getPositions(ids);
    var W = container.clientWidth, H = container.clientHeight;
    var order = ids.map(function (id) { return { id: id, p: labelPriority(id) }; })
      .sort(function (a, b) { return b.p - a.p || (a.id < b.id ? -1 : 1); });
    var placed = [];
    for (var i = 0; i < order.length && placed.length < MAX_LABELS; i++) {
      var id = order[i].id;
      var pos = positions[id];
      if (!pos) continue;
      var dom = network.canvasToDOM(pos);
      if (dom.x < -20 || dom.y < -20 || dom.x > W + 20 || dom.y > H + 20) continue;
      var box = labelBox(id, dom, scale);
      if (box.x < 0 || box.y < 0 || box.x + box.w > W || box.y + box.h > H) continue;
      var clash = false;
      for (var j = 0; j < placed.length; j++) if (overlaps(box, placed[j])) { clash = true; break; }
      if (!clash) placed.push(box);
    }
    // Line labels where they fit: the relationship type, or how many facts a line carries.
    var edgePlaced = [];
    var elist = drawn.edges.slice().sort(function (a, b) { return b.facts.length - a.facts.length || (a.id < b.id ? -1 : 1); });
    if (hoverEdge) elist.unshift(drawn.edges.filter(function (e) { return e.id === hoverEdge; })[0]);
    for (var k = 0; k < elist.length && edgePlaced.length < MAX_EDGE_LABELS; k++) {
      var e = elist[k];
      if (!e || e.cluster) continue;
      var a = positions[e.from], b = positions[e.to];
      if (!a || !b) continue;
      var da = network.canvasToDOM(a), db = network.canvasToDOM(b);
      var len = Math.hypot(db.x - da.x, db.y - da.y);
      var text = edgeLabel(e);
      var tw = textWidth(text, EDGE_FONT);
      if (len < tw + 40 && e.id !== hoverEdge) continue;
      var mx = (da.x + db.x) / 2, my = (da.y + db.y) / 2;
      var eb = { id: e.id, lines: [text], font: EDGE_FONT, x: mx - tw / 2 - 2, y: my - 6, w: tw + 4, h: 12, cx: mx };
      if (eb.x < 0 || eb.y < 0 || eb.x + eb.w > W || eb.y + eb.h > H) continue;
      var hit = false;
      for (var m = 0; m < placed.length && !hit; m++) hit = overlaps(eb, placed[m]);
      for (var q = 0; q < edgePlaced.length && !hit; q++) hit = overlaps(eb, edgePlaced[q]);
      if (!hit || e.id === hoverEdge) edgePlaced.push(eb);
    }
    var ratio = (network.canvas && network.canvas.pixelRatio) || window.devicePixelRatio || 1;
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    edgePlaced.forEach(function (bx) { paintText(ctx, bx, "#4b5563"); });
    placed.forEach(function (bx) { paintText(ctx, bx, "#111827"); });
    // The hovered or selected node's full name, over everything.
    [hoverNode, state.select].forEach(function (id) {
      if (!id || !positions[id] || placed.some(function (p) { return p.id === id; })) return;
      var bx = labelBox(id, network.canvasToDOM(positions[id]), scale);
      if (!drawn.clusters[id]) bx.lines = [nameOf(id)];
      bx.w = textWidth(bx.lines[0], bx.font) + 8; bx.x = bx.cx - bx.w / 2; bx.h = LINE_HEIGHT * bx.lines.length;
      ctx.fillStyle = "rgba(255,255,255,.92)";
      ctx.fillRect(bx.x, bx.y - 1, bx.w, bx.h + 2);
      paintText(ctx, bx, "#111827");
    });
    ctx.restore();
    placedLabels = placed;
    placedEdgeLabels = edgePlaced;
  }

  function paintText(ctx, bx, colour) {
    ctx.font = bx.font;
    bx.lines.forEach(function (line, i) {
      ctx.lineWidth = 3;
      ctx.strokeStyle = "#ffffff";
      ctx.strokeText(line, bx.cx, bx.y + i * LINE_HEIGHT);
      ctx.fillStyle = colour;
      ctx.fillText(line, bx.cx, bx.y + i * LINE_HEIGHT);
    });
  }

  function edgeLabel(e) {
    if (e.facts.length === 1) return facts[e.facts[0]].type;
    var types = {};
    e.facts.forEach(function (f) { types[facts[f].type] = true; });
    var names = Object.keys(types);
    return names.length === 1 ? names[0] + " ×" + e.facts.length : e.facts.length + " facts";
  }

  // ------------------------------------------------------------------------------------ counts, notice

  function visibleEntityIds() {
    return Object.keys(entities).filter(function (id) { return !state.hidden.has(entities[id].type); });
  }
  function visibleFactIds() {
    var vis = new Set(visibleEntityIds());
    return Object.keys(facts).filter(function (id) {
      var f = facts[id];
      return !state.hidden.has(f.type) && vis.has(f.source) && vis.has(f.target);
    });
  }

  function updateCounts() {
    var vn = visibleEntityIds().length, ve = visibleFactIds().length;
    var allN = Object.keys(entities).length, allE = Object.keys(facts).length;
    var text = vn + " nodes · " + ve + " facts";
    if (vn !== allN || ve !== allE) text += " shown (of " + allN + " · " + allE + ")";
    var c = document.getElementById("kg-counts");
    c.textContent = text;
    c.dataset.nodes = String(vn);
    c.dataset.edges = String(ve);
    var groups = Object.keys(drawn.clusters).length;
    document.getElementById("kg-drawn").textContent = "drawn as " + drawn.nodes.length + " nodes and " +
      drawn.edges.length + " lines" + (groups ? ", " + groups + (groups === 1 ? " group" : " groups") + " closed" : "");
  }

  function showTruncated(hasMore, limit) {
    var p = document.getElementById("kg-truncated");
    if (hasMore) {
      var n = Object.keys(entities).length, m = Object.keys(facts).length;
      var what = data.kind === "mineral" ? "firms" : data.kind === "path" ? "paths" : "facts (nearest first)";
      p.textContent = "Cut at " + (limit ? limit + " " : "the first ") + what + ": the graph holds more. This view shows " +
        n + " nodes and " + m + " facts. Narrow it with a type filter, a smaller depth or surer facts, or raise the limit.";
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
    Object.keys(entities).forEach(function (id) { var t = groupOf(entities[id].type); nt[t] = (nt[t] || 0) + 1; });
    Object.keys(facts).forEach(function (id) { var t = facts[id].type; rt[t] = (rt[t] || 0) + 1; });
    return { nodeTypes: nt, relTypes: rt };
  }

  function checkbox(kind, type, count) {
    var li = el("li");
    var label = el("label");
    var box = el("input");
    box.type = "checkbox"; box.checked = !state.hidden.has(type);
    box.dataset[kind === "node" ? "nodeType" : "relType"] = type;
    box.addEventListener("change", function () {
      if (box.checked) state.hidden.delete(type); else state.hidden.add(type);
      sync(); saveState();
    });
    label.appendChild(box);
    if (kind === "node") label.appendChild(legendSwatch(type));
    label.appendChild(el("span", type + " (" + (count || 0) + ")"));
    if (!count) li.className = "kg-absent";
    li.appendChild(label);
    return li;
  }

  function buildFilters() {
    var counts = typeCounts();
    var nodeList = document.getElementById("kg-node-types");
    var relList = document.getElementById("kg-rel-types");
    nodeList.textContent = ""; relList.textContent = "";
    Object.keys(styles).forEach(function (type) { nodeList.appendChild(checkbox("node", type, counts.nodeTypes[type])); });
    Object.keys(counts.relTypes).sort().forEach(function (type) {
      relList.appendChild(checkbox("rel", type, counts.relTypes[type]));
    });
  }

  function refreshFindList() {
    var list = document.getElementById("kg-find-names");
    list.textContent = "";
    Object.keys(entities).map(nameOf).sort().slice(0, 2000).forEach(function (name) {
      var o = el("option"); o.value = name; list.appendChild(o);
    });
  }

  function graphChanged() {
    buildFilters();
    refreshFindList();
    renderList();
  }

  // ------------------------------------------------------------------------------------ side panel

  var panel = document.getElementById("kg-panel");
  var panelBody = document.getElementById("kg-panel-body");
  document.getElementById("kg-panel-close").addEventListener("click", function () {
    panel.hidden = true; state.select = null; if (network) network.unselectAll(); saveState();
  });

  function openPanel(kind, id) {
    panelBody.textContent = "";
    panelBody.dataset.kind = kind;
    panelBody.dataset.id = id;
    delete panelBody.dataset.facts;
    panel.hidden = false;
  }

  function entityButton(id, text) {
    var b = el("button", text || nameOf(id), "kg-link-button");
    b.type = "button";
    b.dataset.entity = id;
    b.addEventListener("click", function () {
      if (entities[id]) zoomTo(id);
      else if (api && api.entity_page) location.href = route(api.entity_page, { id: id }) + filterQuery();
    });
    return b;
  }

  function propTable(props, links) {
    var keys = Object.keys(props || {});
    if (!keys.length) return null;
    var dl = el("dl", null, "kg-props");
    keys.sort().forEach(function (k) {
      var v = props[k];
      dl.appendChild(el("dt", k));
      var dd = el("dd");
      if (typeof v === "string" && links && links[v]) dd.appendChild(entityButton(v, links[v]));
      else if (typeof v === "string" && entities[v]) dd.appendChild(entityButton(v));
      else dd.textContent = typeof v === "string" ? v : JSON.stringify(v);
      dl.appendChild(dd);
    });
    return dl;
  }

  function readerLink(docId, factId) {
    if (api && api.reader) {
      var a = el("a", docId);
      a.href = route(api.reader, { doc_id: docId }) + (factId ? "&fact=" + encodeURIComponent(factId) : "");
      a.className = "kg-reader-link";
      return a;
    }
    return el("span", docId, "kg-doc-id");
  }

  function confidenceText(c) {
    if (c === null || c === undefined) return "";
    var n = Number(c);
    var words = n >= 1 ? "reference" : n >= 0.9 ? "surest pattern" : n >= 0.8 ? "clear pattern" : n >= 0.5 ? "weaker pattern" : "bare co-mention";
    return "confidence " + n.toFixed(2) + " (" + words + ")";
  }

  function evidenceList(evidence, factId) {
    var ol = el("ol", null, "kg-evidence");
    (evidence || []).forEach(function (ev) {
      var li = el("li");
      li.appendChild(el("blockquote", ev.sentence === null || ev.sentence === undefined ? "(no sentence)" : ev.sentence));
      var meta = el("p", null, "kg-evidence-meta");
      meta.appendChild(readerLink(ev.doc_id, factId));
      var bits = [];
      if (ev.date) bits.push(ev.date + (ev.date_source && ev.date_source !== "sentence" ? " (from the " + ev.date_source + ")" : ""));
      if (ev.page !== null && ev.page !== undefined) bits.push("page " + ev.page);
      if (ev.rule) bits.push("rule " + ev.rule);
      if (ev.confidence !== null && ev.confidence !== undefined) bits.push(confidenceText(ev.confidence));
      if (ev.modality) bits.push(ev.modality);
      (ev.quantities || []).forEach(function (q) {
        bits.push([q.kind, q.value, q.unit, q.text].filter(function (x) { return x !== undefined && x !== null; }).join(" "));
      });
      if (bits.length) meta.appendChild(el("span", " · " + bits.join(" · ")));
      if (api && api.document) {
        var raw = el("a", "JSON", "kg-raw");
        raw.href = route(api.document, { doc_id: ev.doc_id });
        raw.rel = "noopener noreferrer";
        meta.appendChild(el("span", " · "));
        meta.appendChild(raw);
      }
      li.appendChild(meta);
      ol.appendChild(li);
    });
    return ol;
  }

  function factBlock(fid) {
    var d = facts[fid];
    var box = el("section", null, "kg-fact");
    box.dataset.fact = fid;
    var h = el("h3");
    h.appendChild(el("span", nameOf(d.source) + " "));
    h.appendChild(el("span", "—" + d.type + "→", "kg-rel"));
    h.appendChild(el("span", " " + nameOf(d.target)));
    box.appendChild(h);
    var props = d.properties || {};
    var bits = [];
    if (props.confidence !== undefined) bits.push(confidenceText(props.confidence));
    if (props.rule) bits.push("rule " + props.rule);
    if (props.reference) bits.push("reference data (" + props.reference + "): no sentence states it");
    var p = el("p", bits.join(" · "), "kg-sub kg-conf" + (Number(props.confidence) < 0.5 ? " kg-conf-low" : ""));
    box.appendChild(p);
    var rest = {};
    Object.keys(props).forEach(function (k) { if (["confidence", "rule", "reference"].indexOf(k) < 0) rest[k] = props[k]; });
    var t = propTable(rest);
    if (t) box.appendChild(t);
    box.appendChild(el("p", "Evidence (" + (d.evidence || []).length + ")", "kg-sub"));
    box.appendChild(evidenceList(d.evidence, fid));
    return box;
  }

  function showEdge(drawnId, onlyFact) {
    var e = drawn.edges.filter(function (x) { return x.id === drawnId; })[0];
    if (!e) return;
    if (e.cluster) { showCluster(e.cluster); return; }
    var list = onlyFact ? [onlyFact] : e.facts;
    openPanel("edge", list.length === 1 ? list[0] : drawnId);
    panelBody.dataset.facts = e.facts.join(" ");
    panelBody.appendChild(el("h2", e.facts.length === 1 ? facts[e.facts[0]].type : e.facts.length + " facts"));
    panelBody.appendChild(el("p", nameOf(e.from) + " — " + nameOf(e.to), "kg-sub"));
    e.facts.forEach(function (fid) { panelBody.appendChild(factBlock(fid)); });
    state.select = list.length === 1 ? list[0] : e.facts[0];
    saveState();
  }

  function showCluster(cid) {
    var c = drawn.clusters[cid];
    if (!c) return;
    openPanel("cluster", cid);
    panelBody.appendChild(el("h2", c.members.length + " " + plural(c.type, c.members.length) + " linked to " +
      c.around.map(nameOf).join(" and ")));
    var b = el("button", "Open the group", "kg-small-button");
    b.type = "button";
    b.addEventListener("click", function () { openCluster(cid); });
    panelBody.appendChild(b);
    var ul = el("ul");
    c.members.forEach(function (m) { ul.appendChild(el("li")).appendChild(entityButton(m)); });
    panelBody.appendChild(ul);
  }

  function openCluster(cid) {
    var c = drawn.clusters[cid];
    if (!c) return;
    state.open.add(c.key);
    var added = sync({ fromCluster: c });
    afterGrowth();
    setStatus("Opened " + c.members.length + " " + plural(c.type, c.members.length) + " (" + added + " nodes).");
    panel.hidden = true;
    saveState();
  }

  function closeGroup(key) {
    state.open.delete(key);
    sync();
    if (state.layout !== "force") relayout();
    panel.hidden = true;
    saveState();
  }

  function afterGrowth() {
    // Nodes were added: a force layout lets physics place them for a moment, then stops again; the computed
    // layouts are computed anew.
    if (!network) return;
    if (state.layout === "force") {
      network.setOptions({ physics: { enabled: true, stabilization: false } });
      setTimeout(function () { if (network) network.setOptions({ physics: { enabled: false } }); }, 1500);
    } else {
      relayout();
    }
  }

  function relayout() {
    var pos = positionsFor(drawn.nodes, drawn.edges);
    if (pos) {
      nodes.update(Object.keys(pos).map(function (id) { return { id: id, x: pos[id].x, y: pos[id].y }; }));
    } else if (state.layout === "hierarchical") {
      var level = levelsForHierarchy(drawn.nodes, drawn.edges);
      nodes.update(drawn.nodes.map(function (n) { return { id: n.id, level: level[n.id] }; }));
      network.setOptions({ layout: networkOptions().layout });
    }
    network.fit();
  }

  function showNode(id) {
    var d = entities[id];
    if (!d) return;
    openPanel("node", id);
    var h = el("h2", d.name);
    h.prepend(legendSwatch(d.type));
    panelBody.appendChild(h);
    panelBody.appendChild(el("p", d.type + " · " + d.id, "kg-sub"));
    if (d.aliases && d.aliases.length) panelBody.appendChild(el("p", "Also: " + d.aliases.join(", "), "kg-sub"));
    var propsHolder = el("div");
    panelBody.appendChild(propsHolder);
    var t = propTable(d.properties);
    if (t) propsHolder.appendChild(t);
    // Open groups of this node's leaves can be closed again.
    Array.from(state.open).filter(function (k) { return k.split("|")[1].split(",").indexOf(id) >= 0; }).forEach(function (key) {
      var b = el("button", "Close the group of " + plural(key.split("|")[0], 2) + " linked to " +
        key.split("|")[1].split(",").map(nameOf).join(" and "), "kg-small-button");
      b.type = "button";
      b.addEventListener("click", function () { closeGroup(key); });
      panelBody.appendChild(el("p")).appendChild(b);
    });
    Array.from(state.open).filter(function (k) {
      var parts = k.split("|"), n = drawn.neighbours[id];
      return parts[0] === d.type && n && Array.from(n).sort().join(",") === parts[1];
    }).forEach(function (key) {
      var b = el("button", "Close this group of " + plural(d.type, 2), "kg-small-button");
      b.type = "button";
      b.addEventListener("click", function () { closeGroup(key); });
      panelBody.appendChild(el("p")).appendChild(b);
    });
    var graphPart = el("div", null, "kg-graph-part");
    panelBody.appendChild(graphPart);
    if (api && api.entity) {
      graphPart.appendChild(el("p", "Loading what the graph knows…", "kg-sub"));
      fetchJSON(route(api.entity, { id: id })).then(function (detail) {
        if (panelBody.dataset.id !== id) return;
        renderDetail(graphPart, propsHolder, detail);
      }).catch(function (err) { graphPart.textContent = "Could not load the entity: " + err.message; });
    } else {
      renderLocalRelations(graphPart, id);
    }
    if (api && api.entity_page && data.kind !== "entity") {
      var a = el("a", "Open entity view");
      a.href = route(api.entity_page, { id: id }) + filterQuery();
      panelBody.appendChild(el("p")).appendChild(a);
    }
  }

  function renderLocalRelations(box, id) {
    var here = Object.keys(facts).filter(function (fid) { return facts[fid].source === id || facts[fid].target === id; });
    box.appendChild(el("h3", "Relations in this view (" + here.length + ")"));
    here.sort().forEach(function (fid) {
      var f = facts[fid];
      var other = f.source === id ? f.target : f.source;
      var b = el("button", (f.source === id ? "→ " : "← ") + f.type + " " + nameOf(other), "kg-link-button");
      b.type = "button";
      b.addEventListener("click", function () { selectFact(fid); });
      box.appendChild(b);
    });
  }

  function renderDetail(box, propsHolder, detail) {
    box.textContent = "";
    var links = {};
    (detail.parents || []).concat(detail.subsidiaries || []).forEach(function (r) { links[r.id] = r.name; });
    if (detail.country) links[detail.country.id] = detail.country.name;
    propsHolder.textContent = "";
    var t = propTable(detail.entity.properties, links);
    if (t) propsHolder.appendChild(t);
    if (detail.search_aliases && detail.search_aliases.length) {
      box.appendChild(el("p", "Search also finds it as: " + detail.search_aliases.join(", "), "kg-sub"));
    }
    function refs(title, list) {
      if (!list || !list.length) return;
      box.appendChild(el("h3", title));
      var ul = el("ul", null, "kg-refs");
      list.forEach(function (r) { ul.appendChild(el("li")).appendChild(entityButton(r.id, r.name)); });
      box.appendChild(ul);
    }
    refs("Parent", detail.parents);
    refs("Subsidiaries (" + (detail.subsidiaries || []).length + ")", detail.subsidiaries);
    box.appendChild(el("h3", "Relations in the graph (" + detail.degree + ")"));
    var table = el("table", null, "kg-count-table");
    var inView = {};
    Object.keys(facts).forEach(function (fid) {
      var f = facts[fid];
      if (f.source === detail.entity.id) inView[f.type + ">out"] = (inView[f.type + ">out"] || 0) + 1;
      if (f.target === detail.entity.id) inView[f.type + ">in"] = (inView[f.type + ">in"] || 0) + 1;
    });
    (detail.relationship_counts || []).forEach(function (c) {
      var tr = el("tr");
      tr.dataset.relType = c.type;
      tr.appendChild(el("td", (c.direction === "out" ? "→ " : "← ") + c.type));
      tr.appendChild(el("td", String(c.count), "kg-num"));
      var shown = inView[c.type + ">" + c.direction] || 0;
      var td = el("td", shown + " here", "kg-sub");
      if (shown < c.count && api && api.neighbourhood) {
        var b = el("button", "add", "kg-small-button");
        b.type = "button";
        b.title = "Add this node's " + c.type + " facts to the view";
        b.addEventListener("click", function () { expandNode(detail.entity.id, [c.type]); });
        td.appendChild(el("span", " "));
        td.appendChild(b);
      }
      tr.appendChild(td);
      table.appendChild(tr);
    });
    box.appendChild(table);
    var docs = detail.documents || [];
    box.appendChild(el("h3", "Documents that mention it (" + docs.length + ")"));
    var ol = el("ol", null, "kg-docs");
    docs.forEach(function (doc) {
      var li = el("li");
      var a = readerLink(doc.id);
      a.textContent = doc.title || doc.id;
      li.appendChild(a);
      if (doc.date) li.appendChild(el("span", " · " + doc.date, "kg-sub"));
      ol.appendChild(li);
    });
    box.appendChild(ol);
  }

  function selectNode(id) {
    state.select = id;
    var cid = drawn.clusterOf[id];
    if (cid) { state.open.add(drawn.clusters[cid].key); sync({ fromCluster: drawn.clusters[cid] }); afterGrowth(); }
    if (network && nodes.get(id)) network.selectNodes([id]);
    showNode(id);
    saveState();
  }

  function selectFact(fid) {
    var eid = drawnEdgeOfFact[fid];
    if (!eid) return;
    var e = drawn.edges.filter(function (x) { return x.id === eid; })[0];
    if (e && e.cluster) { openCluster(e.cluster); eid = drawnEdgeOfFact[fid]; }
    if (network) network.selectEdges([eid]);
    showEdge(eid, fid);
  }

  // A click on a node opens its panel a moment later, unless it was the first click of a double-click (the panel
  // lies over the canvas and would catch the second click).
  var clickTimer = null;
  function onClick(params) {
    clearTimeout(clickTimer);
    if (params.nodes.length) {
      var id = params.nodes[0];
      if (drawn.clusters[id]) { openCluster(id); return; }
      clickTimer = setTimeout(function () { selectNode(id); }, 280);
    } else if (params.edges.length) {
      showEdge(params.edges[0]);
    } else {
      panel.hidden = true;
      state.select = null;
      saveState();
    }
  }

  // Hover tooltips, built as elements (vis would otherwise show a string title).
  function tooltipFor(v, isEdge) {
    var box = el("div", null, "kg-tooltip");
    if (isEdge) {
      var e = drawn.edges.filter(function (x) { return x.id === v; })[0];
      if (!e) return null;
      box.appendChild(el("strong", e.cluster ? e.facts.length + " facts with the group" : edgeLabel(e)));
      if (!e.cluster) {
        var f = facts[e.facts[0]];
        var ev = (f.evidence || [])[0];
        if (ev && ev.sentence) box.appendChild(el("div", "“" + ev.sentence.slice(0, 200) + "”"));
      }
    } else if (drawn.clusters[v]) {
      var c = drawn.clusters[v];
      box.appendChild(el("strong", c.members.length + " " + plural(c.type, c.members.length) + " (click to open)"));
      box.appendChild(el("div", c.members.slice(0, 8).map(nameOf).join(", ") + (c.members.length > 8 ? ", …" : "")));
    } else {
      var n = entities[v];
      if (!n) return null;
      box.appendChild(el("strong", n.name));
      box.appendChild(el("div", n.type));
    }
    return box;
  }
  function attachTooltips() {
    nodes.update(nodes.getIds().map(function (id) { return { id: id, title: tooltipFor(id, false) }; })
      .filter(function (x) { return x.title; }));
    edges.update(edges.getIds().map(function (id) { return { id: id, title: tooltipFor(id, true) }; })
      .filter(function (x) { return x.title; }));
  }

  // ------------------------------------------------------------------------------------ merging graphs

  function mergeSubgraph(sub) {
    var addedN = 0, addedE = 0;
    sub.nodes.forEach(function (n) { if (!entities[n.id]) { entities[n.id] = n; addedN++; } });
    sub.edges.forEach(function (e) {
      if (!facts[e.id] && entities[e.source] && entities[e.target]) { facts[e.id] = e; addedE++; }
    });
    return { nodes: addedN, edges: addedE };
  }

  function replaceGraph(sub, centre) {
    entities = {}; facts = {};
    focus = centre ? [centre] : [];
    serverPositions = {};
    panel.hidden = true;
    mergeSubgraph(sub);
    graphChanged();
    buildNetwork();
    showTruncated(sub.has_more, sub.limit);
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
  function filterValue(name) {
    var input = document.querySelector(".kg-form [name=" + name + "]");
    if (input) return input.value;
    return pageQuery.get(name) || (data.params && data.params[name]) || "";
  }
  var DATE_FILTERS = ["as_of", "since", "until"];  // the day the graph is known as of, and the window of days
  function dateQuery() {
    var extra = "";
    DATE_FILTERS.forEach(function (name) {
      var value = filterValue(name);
      if (value) extra += "&" + name + "=" + encodeURIComponent(value);
    });
    return extra;
  }
  function filterQuery() {
    var minConfidence = filterValue("min_confidence");
    var extra = minConfidence && Number(minConfidence) > 0 ? "&min_confidence=" + encodeURIComponent(minConfidence) : "";
    return extra + dateQuery();
  }

  function neighbourhoodUrl(id, depth, relTypes) {
    var url = route(api.neighbourhood, { id: id, depth: depth }) + filterQuery();
    (relTypes || []).forEach(function (t) { url += "&rel_types=" + encodeURIComponent(t); });
    return url;
  }

  function expandNode(id, relTypes, quiet) {
    if (!api || !api.neighbourhood) { setStatus("Expanding needs the app (this is a saved file)."); return Promise.resolve(); }
    if (!quiet) setStatus("Expanding…");
    return fetchJSON(neighbourhoodUrl(id, 1, relTypes)).then(function (sub) {
      var fresh = sub.nodes.filter(function (n) { return !entities[n.id]; }).length;
      var total = Object.keys(entities).length + fresh;
      if (total > limits.maxNodes) {
        setStatus("Not expanded: the view would have " + total + " nodes, more than the " + limits.maxNodes +
          " a view can show. Hide some types with the filters or open a smaller view.");
        return;
      }
      var added = mergeSubgraph(sub);
      if (state.expand.indexOf(id) < 0 && !relTypes) state.expand.push(id);
      var near = drawn.clusterOf[id] ? null : id;
      sync({ near: near });
      afterGrowth();
      graphChanged();
      if (!quiet) setStatus("Added " + added.nodes + " nodes and " + added.edges + " facts.");
      saveState();
    }).catch(function (err) { setStatus("Could not expand: " + err.message); });
  }

  function onDoubleClick(params) {
    clearTimeout(clickTimer);
    if (!params.nodes.length) return;
    var id = params.nodes[0];
    if (drawn.clusters[id]) { openCluster(id); return; }
    expandNode(id);
  }

  // ------------------------------------------------------------------------------------ answer lists

  var listBox = document.getElementById("kg-list");
  function highlight(nodeIds, factIds, rowEl) {
    listBox.querySelectorAll(".kg-current").forEach(function (x) { x.classList.remove("kg-current"); });
    if (rowEl) rowEl.classList.add("kg-current");
    if (!network) return;
    var lines = {};
    factIds.forEach(function (f) { if (drawnEdgeOfFact[f]) lines[drawnEdgeOfFact[f]] = true; });
    network.setSelection({ nodes: nodeIds.filter(function (id) { return nodes.get(id); }), edges: Object.keys(lines) },
                         { unselectAll: true, highlightEdges: false });
  }

  function renderList() {
    var answer = data.answer;
    if (!answer || !listBox) return;
    listBox.hidden = false;
    listBox.textContent = "";
    if (answer.kind === "mineral") {
      listBox.appendChild(el("h2", "Firms touching " + answer.mineral.name + " (" + answer.rows.length + (answer.has_more ? "+" : "") + ")"));
      var table = el("table", null, "kg-rank");
      table.id = "kg-rank";
      var head = el("tr");
      ["#", "Firm", "How it touches " + answer.mineral.name, "Hops", "Sources"].forEach(function (h) { head.appendChild(el("th", h)); });
      table.appendChild(el("thead")).appendChild(head);
      var body = el("tbody");
      answer.rows.forEach(function (r, i) {
        var tr = el("tr");
        tr.dataset.id = r.id;
        tr.appendChild(el("td", String(i + 1), "kg-num"));
        tr.appendChild(el("td", r.name));
        tr.appendChild(el("td", r.kinds.join("; ")));
        tr.appendChild(el("td", String(r.hops), "kg-num"));
        tr.appendChild(el("td", String(r.sources), "kg-num"));
        tr.title = r.paths + (r.paths === 1 ? " path" : " paths") + "; click to show them";
        tr.addEventListener("click", function () {
          highlight(r.nodes, r.edges, tr);
          showNode(r.id);
          state.select = r.id; saveState();
        });
        body.appendChild(tr);
      });
      table.appendChild(body);
      listBox.appendChild(table);
      if (!answer.rows.length) listBox.appendChild(el("p", "No firm found.", "kg-sub"));
    } else if (answer.kind === "path") {
      listBox.appendChild(el("h2", (answer.mode === "all" ? "All paths" : "Shortest paths") + " (" + answer.rows.length + (answer.has_more ? "+" : "") + ")"));
      var ol = el("ol", null, "kg-paths");
      ol.id = "kg-paths";
      answer.rows.forEach(function (r) {
        var li = el("li");
        r.names.forEach(function (name, i) {
          li.appendChild(el("strong", name));
          var hop = r.hops[i];
          if (hop) li.appendChild(el("span", hop.direction === "forward" ? " —" + hop.type + "→ " : " ←" + hop.type + "— ", "kg-rel"));
        });
        li.appendChild(el("div", r.length + (r.length === 1 ? " hop" : " hops") + " · " + r.sources +
          (r.sources === 1 ? " source" : " sources"), "kg-sub"));
        li.addEventListener("click", function () {
          highlight(r.nodes, r.hops.map(function (h) { return h.id; }), li);
        });
        ol.appendChild(li);
      });
      listBox.appendChild(ol);
      if (!answer.rows.length) listBox.appendChild(el("p", "No path that short.", "kg-sub"));
    }
  }

  // ------------------------------------------------------------------------------------ find, fit, export

  function findNode(text) {
    var q = text.trim().toLowerCase();
    if (!q) return null;
    var best = null;
    visibleEntityIds().forEach(function (id) {
      var name = nameOf(id).toLowerCase();
      if (name === q || id.toLowerCase() === q) best = id;
      else if (best === null && name.indexOf(q) >= 0) best = id;
    });
    return best;
  }

  function zoomTo(id) {
    selectNode(id);
    if (network && nodes.get(id)) {
      network.focus(id, { scale: 1.4, animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    }
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

  var layoutSelect = document.getElementById("kg-layout");
  if (layoutSelect) {
    layoutSelect.addEventListener("change", function () {
      state.layout = layoutSelect.value;
      buildNetwork();
      settleCallbacks.push(restoreSelection);
      saveState();
    });
  }

  // ------------------------------------------------------------------------------------ URL state

  var explorerId = data.kind === "explore" ? (pageQuery.get("id") || null) : null;

  function saveState() {
    var q = new URLSearchParams(location.search);
    ["hide", "open", "expand", "select", "layout"].forEach(function (k) { q.delete(k); });
    if (state.hidden.size) q.set("hide", Array.from(state.hidden).sort().join(","));
    Array.from(state.open).sort().forEach(function (k) { q.append("open", k); });
    state.expand.forEach(function (id) { q.append("expand", id); });
    if (state.select) q.set("select", state.select);
    if (state.layout && state.layout !== data.layout) q.set("layout", state.layout);
    else if (pageQuery.get("layout")) q.set("layout", state.layout);
    var s = q.toString();
    history.replaceState(null, "", location.pathname + (s ? "?" + s : ""));
  }

  function restoreSelection() {
    var sel = state.select;
    if (!sel) return;
    if (entities[sel]) selectNode(sel);
    else if (facts[sel]) selectFact(sel);
  }

  function restoreExpansions() {
    var ids = state.expand.slice();
    return ids.reduce(function (p, id) {
      return p.then(function () { return entities[id] ? expandNode(id, null, true) : null; });
    }, Promise.resolve());
  }

  // ------------------------------------------------------------------------------------ entity pickers

  function attachSuggestions(input, list, onPick) {
    if (!api || !api.search) return;
    var timer = null, seq = 0;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (!q.length || (q.length < 2 && !/[^\u0000-\u024f]/.test(q))) { list.textContent = ""; return; }
      timer = setTimeout(function () {
        var mine = ++seq;
        var url = route(api.search, { q: q });
        if (input.dataset.type) url += "&node_types=" + encodeURIComponent(input.dataset.type);
        // the page's day and window: suggest only the entities known then (search takes the dates like the
        // neighbourhood)
        url += dateQuery();
        fetchJSON(url).then(function (body) {
          if (mine !== seq) return;
          var hits = Array.isArray(body) ? body : (body.items || []);
          list.textContent = "";
          hits.slice(0, 10).forEach(function (hit) {
            var li = el("li");
            var b = el("button", null, "kg-suggestion");
            b.type = "button";
            b.dataset.id = hit.id;
            b.appendChild(legendSwatch(hit.type));
            b.appendChild(el("span", " " + hit.name));
            var why = hit.type + (hit.matched && hit.matched !== hit.name ? " · " + hit.matched : "");
            b.appendChild(el("small", " " + why));
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
  function explore(id, push) {
    var depth = document.getElementById("kg-depth").value;
    setStatus("Loading…");
    return fetchJSON(neighbourhoodUrl(id, depth)).then(function (sub) {
      if (push) { state.open = new Set(); state.expand = []; state.select = null; state.hidden = new Set(); }
      replaceGraph(sub, id);
      setStatus("");
      var q = new URLSearchParams();
      q.set("id", id);
      q.set("depth", depth);
      var mc = filterValue("min_confidence");
      if (mc && Number(mc) > 0) q.set("min_confidence", mc);
      DATE_FILTERS.forEach(function (name) { if (filterValue(name)) q.set(name, filterValue(name)); });
      if (pageQuery.get("layout") || state.layout !== data.layout) q.set("layout", state.layout);
      if (push) history.pushState(null, "", location.pathname + "?" + q.toString());
      pageQuery = q;
      saveState();
    }).catch(function (err) { setStatus("Could not load: " + err.message); });
  }
  if (explorerSearch) {
    attachSuggestions(explorerSearch, document.getElementById("kg-search-suggestions"), function (hit) {
      explorerSearch.value = hit.name;
      explore(hit.id, true);
    });
    explorerSearch.form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var first = document.querySelector("#kg-search-suggestions button");
      if (first) first.click();
    });
    window.addEventListener("popstate", function () { location.reload(); });
  }

  // ------------------------------------------------------------------------------------ start

  graphChanged();
  buildNetwork();
  showTruncated(data.hasMore, data.limit);
  if (explorerId && !Object.keys(entities).length) {
    explore(explorerId, false).then(function () {
      if (state.select) settleCallbacks.push(restoreSelection);
      return restoreExpansions();
    });
  } else {
    settleCallbacks.push(function () { restoreExpansions().then(restoreSelection); });
  }

  // A small handle for tests and the benchmark; the UI never depends on it.
  window.kgView = {
    get network() { return network; },
    nodes: nodes,   // what is drawn: entities and cluster nodes
    edges: edges,   // what is drawn: one line per pair of nodes
    entityIds: function () { return Object.keys(entities).sort(); },
    factIds: function () { return Object.keys(facts).sort(); },
    visibleNodeIds: visibleEntityIds,
    visibleEdgeIds: visibleFactIds,
    clusters: function () {
      return Object.keys(drawn.clusters).map(function (id) {
        var c = drawn.clusters[id];
        return { id: id, key: c.key, hub: c.hub, around: c.around.slice(), type: c.type, members: c.members.slice() };
      });
    },
    lineOf: function (factId) { return drawnEdgeOfFact[factId] || null; },
    labels: function () { return placedLabels.map(function (b) { return { id: b.id, lines: b.lines, font: b.font }; }); },
    labelBoxes: function () { return placedLabels.map(function (b) { return { id: b.id, x: b.x, y: b.y, w: b.w, h: b.h }; }); },
    edgeLabels: function () { return placedEdgeLabels.length; },
    lineHeight: LINE_HEIGHT,
    edgePoint: function (id) {
      var lid = drawnEdgeOfFact[id] || id;
      var e = network.body.edges[lid];
      var p = e && e.edgeType && e.edgeType.getPoint ? e.edgeType.getPoint(0.5) : null;
      if (!p) {
        var ed = edges.get(lid), pos = network.getPositions([ed.from, ed.to]);
        p = { x: (pos[ed.from].x + pos[ed.to].x) / 2, y: (pos[ed.from].y + pos[ed.to].y) / 2 };
      }
      return network.canvasToDOM(p);
    },
    nodePoint: function (id) {
      var nid = nodes.get(id) ? id : drawn.clusterOf[id];
      return network.canvasToDOM(network.getPositions([nid])[nid]);
    },
    timings: function () { return { firstDraw: firstDrawAt, stabilized: stabilizedAt }; },
    selectEdge: function (id) { selectFact(id); },
    zoomTo: zoomTo,
    state: function () {
      return { layout: state.layout, select: state.select, open: Array.from(state.open).sort(),
               hide: Array.from(state.hidden).sort(), expand: state.expand.slice() };
    }
  };
})();
