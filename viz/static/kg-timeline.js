/* Timeline and country pages of the Korea–Central Asia graph. Data arrives as JSON in #kg-data; every text is set
   with textContent, timeline items get DOM elements as content (never HTML strings). */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var api = data.api || {};
  var state = { ready: false, items: 0, selected: null };
  window.kgTimeline = state;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function route(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, k) { return encodeURIComponent(values[k]); });
  }
  function isoDay(d) { return (d + "-01-01").slice(0, 10); }
  function usd(m) {
    if (!m) return "";
    var v = m.usd !== null && m.usd !== undefined ? m.usd : null;
    var own = m.text || (m.value + " " + m.currency);
    return v === null ? own : own + (m.currency === "USD" ? "" : " (US$" + (v / 1e6).toFixed(1) + " million)");
  }
  function millions(x) { return (x / 1e6).toLocaleString("en", { maximumFractionDigits: 1 }); }
  function stageName(s) { return s ? s.replace(/_/g, " ") : "other facts"; }

  // ------------------------------------------------------------------------------------------ panel
  var panel = document.getElementById("kg-panel");
  var panelBody = document.getElementById("kg-panel-body");
  document.getElementById("kg-panel-close").addEventListener("click", function () { panel.hidden = true; });

  function docLink(docId, factId) {
    // the document reader, scrolled to the fact's sentence; the JSON document where there is no reader
    var template = api.reader || api.document;
    if (template) {
      var a = el("a", docId);
      a.href = route(template, { doc_id: docId }) + (api.reader && factId ? "&fact=" + encodeURIComponent(factId) : "");
      a.target = "_blank";
      a.rel = "noopener";
      return a;
    }
    return el("span", docId);
  }
  function evidenceList(evidence) {
    var ol = el("ol", null, "kg-evidence");
    (evidence || []).forEach(function (ev) {
      var li = el("li");
      li.appendChild(el("blockquote", ev.sentence === null || ev.sentence === undefined ? "(no sentence)" : ev.sentence));
      var meta = el("p", null, "kg-evidence-meta");
      meta.appendChild(docLink(ev.doc_id, ev.edge));
      var bits = [ev.date ? "dated " + ev.date + (ev.date_source ? " (" + ev.date_source + ")" : "") : "undated"];
      if (ev.modality) bits.push((ev.modality.indexOf("relations_") === 0 ? "milestone " : "stage ") + ev.modality.replace(/_/g, " "));
      if (ev.edge) bits.push(ev.edge);
      if (ev.rule) bits.push("rule " + ev.rule + (ev.confidence !== null && ev.confidence !== undefined ? " · " + ev.confidence : ""));
      meta.appendChild(document.createTextNode(" · " + bits.join(" · ")));
      li.appendChild(meta);
      ol.appendChild(li);
    });
    return ol;
  }
  function participantsList(participants) {
    var ul = el("ul", null, "kg-participants");
    (participants || []).forEach(function (p) {
      var li = el("li");
      li.appendChild(el("strong", p.entity ? p.entity.name : p.name));
      li.appendChild(document.createTextNode(" — " + (p.roles || []).join(", ")));
      ul.appendChild(li);
    });
    return ul;
  }
  function showEvent(ev) {
    state.selected = ev.id;
    panelBody.textContent = "";
    panelBody.appendChild(el("h2", ev.title));
    var sub = ev.date + (ev.planned ? " (expected)" : "") + " · " + ev.sources + (ev.sources === 1 ? " document" : " documents");
    panelBody.appendChild(el("p", sub, "kg-sub"));
    if (ev.amount) panelBody.appendChild(el("p", "Amount: " + usd(ev.amount), "kg-amount"));
    if (ev.about) panelBody.appendChild(el("p", "About: " + ev.about.name, "kg-sub"));
    panelBody.appendChild(el("h3", "Who"));
    panelBody.appendChild(participantsList(ev.participants));
    panelBody.appendChild(el("h3", "Evidence"));
    panelBody.appendChild(evidenceList(ev.evidence));
    panel.hidden = false;
  }
  function showAmounts(title, amounts) {
    panelBody.textContent = "";
    panelBody.appendChild(el("h2", title));
    if (!amounts.length) panelBody.appendChild(el("p", "No amounts.", "kg-sub"));
    amounts.forEach(function (a) {
      panelBody.appendChild(el("h3", a.kind + " · " + usd(a.money) + " · " + a.bucket + (a.stage ? " (" + stageName(a.stage) + ")" : "")));
      var who = (a.attached_to ? a.attached_to.name + " — " : "") + a.parties.map(function (p) { return p.name; }).join(", ");
      panelBody.appendChild(el("p", who + " · " + a.sources + (a.sources === 1 ? " document" : " documents"), "kg-sub"));
      panelBody.appendChild(evidenceList(a.evidence));
    });
    panel.hidden = false;
  }

  function legend(stages) {
    var ul = document.getElementById("kg-stage-legend");
    if (!ul) return;
    Object.keys(stages).forEach(function (s) {
      var li = el("li", stageName(s), "kg-stage kg-stage-" + s);
      ul.appendChild(li);
    });
    ul.appendChild(el("li", "other facts", "kg-stage kg-stage-none"));
    ul.appendChild(el("li", "expected", "kg-stage kg-planned"));
    ul.appendChild(el("li", "milestone of relations", "kg-stage kg-milestone"));
  }

  // ------------------------------------------------------------------------------------------ timeline
  function drawTimeline() {
    var events = data.events || [];
    var byId = {};
    var items = events.map(function (ev) {
      byId[ev.id] = ev;
      var content = el("span", ev.title);
      if (ev.amount) content.appendChild(el("small", " " + usd(ev.amount)));
      var cls = "kg-stage-" + (ev.stage || "none") + (ev.planned ? " kg-planned" : "") + (ev.milestone ? " kg-milestone" : "");
      return { id: ev.id, start: isoDay(ev.date), content: content, className: cls, type: "box",
               group: data.kind === "project" ? (ev.stage || "zz-other") : undefined };
    });
    var counts = document.getElementById("kg-counts");
    counts.textContent = events.length + (events.length === 1 ? " event" : " events") +
      (data.undated ? " · " + data.undated + " undated left out" : "");
    var summary = document.getElementById("kg-summary");
    if (data.kind === "project" && data.project) {
      document.getElementById("kg-title").textContent = data.project.name;
      summary.textContent = "current stage: " + (data.current_stage ? stageName(data.current_stage) + " (" + data.stage_date + ")" : "none stated") +
        (data.value ? " · value " + usd(data.value.money) : "");
    } else if (data.source && data.target) {
      document.getElementById("kg-title").textContent = data.source.name + " – " + data.target.name;
      if (data.has_more) summary.textContent = "more events than shown: narrow the dates";
    }
    legend(data.stageColours || {});
    var container = document.getElementById("kg-timeline");
    if (!items.length) {
      container.appendChild(el("p", data.message ? "" : "No dated events for these filters.", "kg-hint"));
      state.ready = true;
      return;
    }
    var options = { stack: true, zoomable: true, orientation: "top", selectable: true, showCurrentTime: false,
                    margin: { item: 8 }, tooltip: { followMouse: false }, xss: { disabled: false } };
    var timeline;
    if (data.kind === "project") {
      var seen = {};
      events.forEach(function (ev) { seen[ev.stage || "zz-other"] = true; });
      var order = Object.keys(data.stageColours || {}).concat(["zz-other"]);
      var groups = order.filter(function (g) { return seen[g]; }).map(function (g, i) {
        return { id: g, content: el("span", g === "zz-other" ? "other facts" : stageName(g)), order: i };
      });
      options.groupOrder = "order";
      timeline = new vis.Timeline(container, new vis.DataSet(items), new vis.DataSet(groups), options);
    } else {
      timeline = new vis.Timeline(container, new vis.DataSet(items), options);
    }
    timeline.on("select", function (props) {
      if (props.items && props.items.length) showEvent(byId[props.items[0]]);
    });
    document.getElementById("kg-fit").addEventListener("click", function () { timeline.fit(); });
    state.items = items.length;
    state.select = function (id) { timeline.setSelection([id]); showEvent(byId[id]); };
    // ready once every item is drawn (vis draws in passes), or after five seconds whatever happened
    timeline.on("changed", function () {
      if (container.querySelectorAll(".vis-item.vis-box").length >= items.length) state.ready = true;
    });
    setTimeout(function () { state.ready = true; }, 5000);
  }

  // ------------------------------------------------------------------------------------------ country
  function drawCountry() {
    var totals = data.totals;
    var projects = data.projects || [];
    var counts = document.getElementById("kg-counts");
    if (!totals) { state.ready = true; return; }
    var name = totals.country ? totals.country.name : "every country";
    document.getElementById("kg-title").textContent = name + ": pledged and delivered";
    var t = totals.total;
    counts.textContent = totals.amounts.length + (totals.amounts.length === 1 ? " amount" : " amounts") +
      " · pledged US$" + millions(t.pledged.usd) + "m · contracted US$" + millions(t.contracted.usd) +
      "m · completed US$" + millions(t.completed.usd) + "m · other US$" + millions(t.other.usd) + "m";
    if (totals.country && api.pair_timeline) {
      var link = document.getElementById("kg-pair-link");
      link.href = route(api.pair_timeline, { source: "country:south-korea", target: totals.country.id });
      link.hidden = totals.country.id === "country:south-korea";
    }
    var buckets = ["pledged", "contracted", "completed", "other"];
    var bucketNames = { pledged: "pledged", contracted: "contracted", completed: "completed", other: "other (no stage stated)" };
    var items = [];
    var years = totals.by_year.filter(function (y) { return y.year !== null; }).map(function (y) { return y.year; });
    totals.by_year.forEach(function (y) {
      if (y.year === null) return;
      buckets.forEach(function (b) {
        if (y[b].usd) items.push({ x: y.year + "-07-01", y: y[b].usd / 1e6, group: b });
      });
    });
    var container = document.getElementById("kg-chart");
    if (items.length) {
      var groups = new vis.DataSet(buckets.map(function (b) {
        return { id: b, content: bucketNames[b], className: "kg-bucket-" + b };
      }));
      var graph = new vis.Graph2d(container, new vis.DataSet(items), groups, {
        style: "bar", stack: false, barChart: { width: 60, align: "center", sideBySide: true }, drawPoints: false,
        legend: { enabled: true, left: { position: "top-left" } }, dataAxis: { left: { range: { min: 0 } } },
        zoomable: true, orientation: "bottom", height: "260px",
        start: (years[0] - 1) + "-01-01", end: (years[years.length - 1] + 1) + "-12-31",
        timeAxis: { scale: "year", step: 1 }
      });
      graph.on("click", function (props) {
        if (!props || props.time === undefined) return;
        var year = new Date(props.time).getFullYear();
        showAmounts(name + " · " + year, totals.amounts.filter(function (a) { return a.year === year; }));
      });
      state.chartItems = items.length;
    } else {
      container.appendChild(el("p", "No amounts with a US-dollar value for these filters.", "kg-hint"));
      state.chartItems = 0;
    }
    var tbody = document.querySelector("#kg-years tbody");
    totals.by_year.forEach(function (y) {
      var tr = el("tr");
      var yearCell = el("td");
      var button = el("button", y.year === null ? "undated" : y.year, "kg-link-button");
      button.type = "button";
      button.addEventListener("click", function () {
        showAmounts(name + " · " + (y.year === null ? "undated" : y.year),
                    totals.amounts.filter(function (a) { return a.year === y.year; }));
      });
      yearCell.appendChild(button);
      tr.appendChild(yearCell);
      ["pledged", "contracted", "completed", "other"].forEach(function (b) {
        tr.appendChild(el("td", y[b].amounts ? millions(y[b].usd) + " (" + y[b].amounts + ")" : "–"));
      });
      tbody.appendChild(tr);
    });
    var ptbody = document.querySelector("#kg-projects tbody");
    projects.forEach(function (p) {
      var tr = el("tr");
      var cell = el("td");
      if (api.project_timeline) {
        var a = el("a", p.name);
        a.href = route(api.project_timeline, { id: p.id });
        cell.appendChild(a);
      } else {
        cell.textContent = p.name;
      }
      tr.appendChild(cell);
      var stage = el("td", p.current_stage ? stageName(p.current_stage) : "–", "kg-stage-" + (p.current_stage || "none"));
      tr.appendChild(stage);
      tr.appendChild(el("td", p.stage_date || "–"));
      tr.appendChild(el("td", p.value ? usd(p.value) : "–"));
      tr.appendChild(el("td", p.participants.map(function (x) { return x.name + " (" + x.roles.join(", ") + ")"; }).join("; ")));
      ptbody.appendChild(tr);
    });
    document.getElementById("kg-projects-more").hidden = !data.projectsHasMore;
    state.items = projects.length;
    state.ready = true;
  }

  if (data.kind === "country") drawCountry(); else drawTimeline();
})();
