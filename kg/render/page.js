(function () {
  "use strict";
  var kg = /* kg-data */ {};
  var t0 = performance.now();
  window.kgTimings = {scriptStart: t0};
  nodes.update(kg.titles.map(function (t) { return {id: t[0], title: t[1]}; }));
  var panel = document.getElementById("kg-panel");
  var status = document.getElementById("kg-status");
  var colourMode = "type";
  var hiddenTypes = {};

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function colourOf(info) {
    return colourMode === "type" ? kg.typeColours[info.type] : (kg.communityColours[String(info.community)] || kg.otherColour);
  }
  function recolour() {
    nodes.update(nodes.getIds().map(function (id) {
      var c = colourOf(kg.nodes[id]);
      return {id: id, color: {background: c, border: "#0000004d", highlight: {background: c, border: "#222"},
                              hover: {background: c, border: "#222"}}};
    }));
    document.getElementById("kg-legend-type").hidden = colourMode !== "type";
    document.getElementById("kg-legend-community").hidden = colourMode !== "community";
  }
  function section(title, items, render) {
    if (!items.length) { return; }
    panel.appendChild(el("h3", title + " (" + items.length + ")"));
    var ul = el("ul");
    items.forEach(function (item) { ul.appendChild(render(item)); });
    panel.appendChild(ul);
  }
  function source(li, sentence) {
    if (sentence) { li.appendChild(el("span", "Source: " + sentence, "kg-src")); }
  }
  function showPanel(id) {
    var info = kg.nodes[id];
    panel.textContent = "";
    if (!info) {
      panel.appendChild(el("p", "Click a node to see its aliases, affiliations and statements.", "kg-hint"));
      return;
    }
    var close = el("button", "\u00d7");
    close.title = "Close";
    close.addEventListener("click", function () { network.unselectAll(); showPanel(null); });
    panel.appendChild(close);
    panel.appendChild(el("h2", info.name));
    panel.appendChild(el("div", info.type + " \u00b7 PageRank " + info.pagerank.toFixed(4) + " \u00b7 betweenness "
      + info.betweenness.toFixed(4) + " \u00b7 community " + info.community + " \u00b7 " + info.degree
      + (info.degree === 1 ? " fact" : " facts"), "kg-meta"));
    if (info.aliases.length) {
      panel.appendChild(el("h3", "Also called"));
      panel.appendChild(el("div", info.aliases.join("; ")));
    }
    section("Affiliations", info.affiliations, function (a) {
      var li = el("li");
      li.appendChild(el("span", a.person + (a.role ? ", " + a.role + "," : "") + " \u2192 " + a.organization));
      source(li, a.sentence);
      return li;
    });
    section("Actions", info.actions, function (a) {
      var li = el("li");
      li.appendChild(el("span", a.agent + " " + a.verb + " " + a.object));
      source(li, a.sentence);
      return li;
    });
    section("Statements made", info.said, function (s) {
      var li = el("li");
      li.appendChild(el("q", s.text));
      li.appendChild(el("span", " \u2014 " + s.cue + (s.act ? " (" + s.act + ")" : "") + (s.quoteType ? ", " + s.quoteType : ""), "kg-meta"));
      source(li, s.sentence);
      return li;
    });
    section("Mentioned in", info.mentioned, function (s) {
      var li = el("li");
      li.appendChild(el("b", s.speaker + " " + s.cue + ": "));
      li.appendChild(el("q", s.text));
      source(li, s.sentence);
      return li;
    });
    if (!info.said.length && !info.mentioned.length && !info.affiliations.length && !info.actions.length) {
      panel.appendChild(el("p", "No statements, affiliations or actions.", "kg-hint"));
    }
    panel.scrollTop = 0;
  }
  function visibleIds() {
    return nodes.getIds().filter(function (id) { return !hiddenTypes[kg.nodes[id].type]; });
  }
  function applyFilter() {
    nodes.update(nodes.getIds().map(function (id) { return {id: id, hidden: !!hiddenTypes[kg.nodes[id].type]}; }));
    edges.update(edges.get().map(function (e) {
      return {id: e.id, hidden: !!(hiddenTypes[kg.nodes[e.from].type] || hiddenTypes[kg.nodes[e.to].type])};
    }));
    status.textContent = visibleIds().length + " of " + nodes.length + " entities shown";
  }
  function search(query) {
    var q = query.trim().toLowerCase();
    if (!q) { network.unselectAll(); status.textContent = ""; return []; }
    var found = visibleIds().filter(function (id) {
      var info = kg.nodes[id];
      return [info.name].concat(info.aliases).some(function (n) { return n.toLowerCase().indexOf(q) !== -1; });
    });
    found.sort(function (a, b) { return kg.nodes[b].pagerank - kg.nodes[a].pagerank; });
    network.selectNodes(found, false);
    status.textContent = found.length ? found.length + (found.length === 1 ? " match" : " matches") : "no match";
    if (found.length === 1) {
      network.focus(found[0], {scale: Math.max(network.getScale(), 1.0), animation: false});
    } else if (found.length > 1) {
      network.fit({nodes: found, animation: false});
    }
    if (found.length) { showPanel(found[0]); }
    return found;
  }
  window.kgSearch = search;
  window.kgShowPanel = showPanel;

  network.on("click", function (params) {
    if (params.nodes.length) { showPanel(params.nodes[0]); }
    else if (!params.edges.length) { showPanel(null); }
  });
  document.getElementById("kg-search").addEventListener("input", function (e) { search(e.target.value); });
  document.getElementById("kg-colour").addEventListener("change", function (e) { colourMode = e.target.value; recolour(); });
  Array.prototype.forEach.call(document.querySelectorAll("input[data-type]"), function (box) {
    box.addEventListener("change", function () { hiddenTypes[box.getAttribute("data-type")] = !box.checked; applyFilter(); });
  });
  showPanel(null);
  network.once("afterDrawing", function () {
    window.kgTimings.firstDraw = performance.now();
    requestAnimationFrame(function () {
      window.kgTimings.ready = performance.now();
      window.kgReady = true;
    });
  });
  network.fit({animation: false});
})();
