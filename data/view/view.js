// The behaviour of the graph view that `parley export --format html` writes: draws the graph
// embedded in the page with Cytoscape.js, colours actors by kind, lists demands as
// "A demands X of B", shows a clicked node's facts with their source sentences, searches by
// name and filters by relationship type; where events have places with coordinates, a map
// below the graph shows them (map.js) and a click on a place lists its events. Served live by
// `parley serve`, live.js replaces what is drawn through window.parleyView.load.
//
// Every text shown comes from articles and is untrusted: it reaches the page only through
// textContent and Cytoscape's canvas labels, never as markup.
(function () {
  'use strict';

  var graph = JSON.parse(document.getElementById('parley-graph').textContent);

  var KIND_COLOURS = {
    person: '#1f77b4', country: '#d62728', organization: '#2ca02c', group: '#9467bd'
  };
  var LABEL_COLOURS = { Demand: '#ff7f0e', Event: '#e377c2', Policy: '#17becf', Article: '#8c8c3c' };
  var OTHER_COLOUR = '#7f7f7f';

  function has(list, x) { return Array.isArray(list) && list.indexOf(x) >= 0; }

  function colourOf(d) {
    if (has(d.labels, 'Actor')) return KIND_COLOURS[d.kind] || OTHER_COLOUR;
    for (var label in LABEL_COLOURS) if (has(d.labels, label)) return LABEL_COLOURS[label];
    return OTHER_COLOUR;
  }

  function shorten(s, n) {
    s = String(s == null ? '' : s);
    return s.length > n ? s.slice(0, n - 1) + '\u2026' : s;
  }

  function prepare(elements) {
    elements.nodes.forEach(function(n) {
      n.data.colour = colourOf(n.data);
      n.data.caption = shorten(n.data.label, 40);
      n.data.isDemand = has(n.data.labels, 'Demand');
      n.data.isEvent = n.data.isDemand || has(n.data.labels, 'Event');
    });
  }

  var mapBox = document.getElementById('map');
  var cy = cytoscape({
    container: document.getElementById('graph'),
    wheelSensitivity: 0.3,
    style: [
      {
        selector: 'node',
        style: {
          'background-color': 'data(colour)',
          'label': 'data(caption)',
          'font-size': 9,
          'text-valign': 'bottom',
          'text-margin-y': 3,
          'width': 22,
          'height': 22,
          'text-wrap': 'ellipsis',
          'text-max-width': '140px',
          'color': '#333'
        }
      },
      {selector: 'node[?isEvent]', style: {'shape': 'round-rectangle', 'width': 16, 'height': 16}},
      {
        selector: 'edge',
        style: {
          'width': 1.5,
          'line-color': '#b8b8c4',
          'target-arrow-color': '#b8b8c4',
          'target-arrow-shape': 'triangle',
          'curve-style': 'bezier',
          'arrow-scale': 0.8,
          'label': 'data(type)',
          'font-size': 7,
          'color': '#777',
          'text-rotation': 'autorotate'
        }
      },
      {
        selector: 'edge[type = "DEMANDS"], edge[type = "OF"]',
        style: {'line-color': '#ff7f0e', 'target-arrow-color': '#ff7f0e'}
      },
      {selector: '.hidden', style: {'display': 'none'}},
      {selector: '.faded', style: {'opacity': 0.15}},
      {selector: '.match', style: {'border-width': 3, 'border-color': '#000'}},
      {selector: ':selected', style: {'border-width': 3, 'border-color': '#e6007e'}}
    ]
  });

  // ---- reading facts as sentences

  function name(node) { return node.data('label') || node.id(); }
  function verb(type) { return String(type).toLowerCase().replace(/_/g, ' '); }
  function actorsVia(node, type, out) {
    var edges = out ? node.outgoers('edge[type = "' + type + '"]') : node.incomers('edge[type = "' + type + '"]');
    return edges.map(function (e) { return out ? e.target() : e.source(); });
  }
  function names(nodes) {
    return nodes.length ? nodes.map(name).join(' and ') : 'someone';
  }
  // "A demands X of B" for a Demand node.
  function demandSentence(d) {
    var by = actorsVia(d, 'DEMANDS', false), of = actorsVia(d, 'OF', true);
    var s = names(by) + ' demands \u201c' + (d.data('text') || name(d)) + '\u201d';
    if (of.length) s += ' of ' + names(of);
    if (d.data('negated') === true) s += ' (negated)';
    return s;
  }
  function sources(d) {
    return d.outgoers('edge[type = "REPORTED_IN"]').map(function (e) {
      return { quote: e.data('quote'), article: name(e.target()), date: e.target().data('date') };
    });
  }

  // ---- the side panel

  var title = document.getElementById('details-title');
  var body = document.getElementById('details-body');

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = String(text);
    return e;
  }
  function fact(what, quote, source, onClick) {
    var box = el('div', 'fact' + (onClick ? ' clickable' : ''));
    box.appendChild(el('div', 'what', what));
    if (quote) box.appendChild(el('blockquote', null, quote));
    if (source) box.appendChild(el('div', 'source', source));
    if (onClick) box.addEventListener('click', onClick);
    return box;
  }
  function sourceLine(article, date) {
    if (!article) return null;
    return 'in ' + article + (date ? ', ' + date : '');
  }
  function focus(node) {
    cy.elements().unselect();
    node.select();
    cy.animate({ center: { eles: node }, duration: 200 });
    showNode(node);
  }
  function demandFact(d) {
    var src = sources(d);
    var first = src[0] || {};
    var more = src.length > 1 ? ' (+' + (src.length - 1) + ' more sources)' : '';
    return fact(demandSentence(d), first.quote, (sourceLine(first.article, first.date || d.data('date')) || '') + more,
                function () { focus(d); });
  }

  function showDemands() {
    title.textContent = 'Demands';
    body.textContent = '';
    var demands = cy.nodes('[?isDemand]');
    if (!demands.length) body.appendChild(el('p', 'empty', 'No demands in this graph.'));
    demands.forEach(function (d) { body.appendChild(demandFact(d)); });
  }

  function showNode(node) {
    body.textContent = '';
    title.textContent = name(node);
    var d = node.data();
    var kind = (d.labels || []).join(', ') + (d.kind ? ' \u00b7 ' + d.kind : '');
    body.appendChild(el('p', null, kind));
    if (Array.isArray(d.aliases) && d.aliases.length) body.appendChild(el('p', null, 'Also: ' + d.aliases.join('; ')));
    if (d.isDemand) {
      body.appendChild(el('div', 'what', demandSentence(node)));
      node.outgoers('edge[type = "ABOUT"]').forEach(function (e) {
        body.appendChild(el('p', null, 'About: ' + name(e.target())));
      });
      sources(node).forEach(function (s) { body.appendChild(fact('Source', s.quote, sourceLine(s.article, s.date))); });
      return;
    }
    var shown = 0;
    node.connectedEdges().forEach(function (e) {
      if (e.hasClass('hidden')) return;
      var t = e.data('type');
      var other = e.source().same(node) ? e.target() : e.source();
      if (other.data('isDemand') && (t === 'DEMANDS' || t === 'OF' || t === 'ABOUT')) {
        body.appendChild(demandFact(other));
      } else if (t === 'REPORTED_IN') {
        body.appendChild(fact('Reported in ' + name(e.target()), e.data('quote'), null));
      } else {
        var what = name(e.source()) + ' ' + verb(t) + ' ' + name(e.target());
        if (e.data('negated') === true) what += ' (negated)';
        if (e.data('role')) what += ' (' + e.data('role') + ')';
        body.appendChild(fact(what, e.data('quote'), sourceLine(e.data('article'), e.data('date')),
                              function () { focus(other); }));
      }
      shown++;
    });
    if (!shown) body.appendChild(el('p', 'empty', 'No facts shown for this node.'));
  }

  // The events of a place on the map.
  function showPlace(place) {
    body.textContent = '';
    title.textContent = place.name;
    body.appendChild(el('p', null, place.events.length + (place.events.length === 1 ? ' event' : ' events') +
                        ' (' + place.lat.toFixed(2) + ', ' + place.lon.toFixed(2) + ')'));
    place.events.forEach(function (id) {
      var ele = cy.getElementById(id);
      if (!ele.length) return;
      if (ele.isNode()) {
        if (ele.data('isDemand')) body.appendChild(demandFact(ele));
        else body.appendChild(fact(name(ele), null, null, function () { focus(ele); }));
        return;
      }
      var what = name(ele.source()) + ' ' + verb(ele.data('type')) + ' ' + name(ele.target());
      if (ele.data('negated') === true) what += ' (negated)';
      body.appendChild(fact(what, ele.data('quote'), sourceLine(ele.data('article'), ele.data('date')),
                            function () { focus(ele.source()); }));
    });
  }

  // The map takes part of the drawing area only when some event has a place to show.
  function drawMap(elements) {
    var placed = window.parleyMap ? window.parleyMap.placed(elements) : {places: [], events: 0};
    var mapCountries = 0;
    mapBox.textContent = '';
    mapBox.hidden = !placed.places.length;
    if (placed.places.length)
      mapCountries = window.parleyMap.draw(mapBox, placed.places, showPlace);
    document.body.setAttribute('data-map-places', String(placed.places.length));
    document.body.setAttribute('data-map-events', String(placed.events));
    document.body.setAttribute('data-map-countries', String(mapCountries));
  }

  cy.on('tap', 'node', function (evt) { showNode(evt.target); });
  cy.on('tap', function (evt) { if (evt.target === cy) showDemands(); });

  // ---- relationship-type filters

  var filters = document.getElementById('type-filters');
  function buildFilters() {
    var types = {};
    cy.edges().forEach(function(e) { types[e.data('type')] = (types[e.data('type')] || 0) + 1; });
    filters.textContent = '';
    Object.keys(types).sort().forEach(function(t) {
      var label = el('label');
      var box = el('input');
      box.type = 'checkbox';
      box.checked = true;
      box.setAttribute('data-type', t);
      box.addEventListener('change', function() {
        var edges = cy.edges().filter(function(e) { return e.data('type') === t; });
        if (box.checked)
          edges.removeClass('hidden');
        else
          edges.addClass('hidden');
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(' ' + t + ' (' + types[t] + ')'));
      filters.appendChild(label);
    });
  }

  // ---- legend and counts

  var legend = document.getElementById('legend-items');
  function legendItem(colour, text) {
    var item = el('span', 'item');
    var sw = el('span', 'swatch');
    sw.style.background = colour;
    item.appendChild(sw);
    item.appendChild(document.createTextNode(text));
    legend.appendChild(item);
  }
  Object.keys(KIND_COLOURS).forEach(function (k) { legendItem(KIND_COLOURS[k], k); });
  Object.keys(LABEL_COLOURS).forEach(function(k) { legendItem(LABEL_COLOURS[k], k); });

  // ---- search by name

  var search = document.getElementById('search');
  function matches(n, q) {
    var d = n.data();
    var texts = [d.label, d.name, d.text].concat(Array.isArray(d.aliases) ? d.aliases : []);
    return texts.some(function (t) { return t != null && String(t).toLowerCase().indexOf(q) >= 0; });
  }
  search.addEventListener('input', function () {
    var q = search.value.trim().toLowerCase();
    cy.elements().removeClass('faded match');
    if (!q) return;
    var hits = cy.nodes().filter(function (n) { return matches(n, q); });
    cy.elements().addClass('faded');
    hits.removeClass('faded').addClass('match');
    hits.connectedEdges().removeClass('faded');
  });
  search.addEventListener('keydown', function (evt) {
    if (evt.key !== 'Enter') return;
    var hits = cy.nodes('.match');
    if (hits.length) {
      cy.fit(hits, 60);
      focus(hits[0]);
    }
  });

  // ---- what is drawn: the page's own graph, or one live.js fetched

  // Draws `elements` (Cytoscape.js JSON: {nodes: [...], edges: [...]}) in place of what was.
  function load(elements) {
    prepare(elements);
    document.body.setAttribute('data-node-count', String(elements.nodes.length));
    document.body.setAttribute('data-edge-count', String(elements.edges.length));
    drawMap(elements);
    cy.resize();
    cy.elements().remove();
    cy.add(elements);
    var many = elements.nodes.length > 1500;
    cy.layout(
          many ? {name: 'grid'} :
                 {name: 'cose', animate: false, randomize: false, nodeRepulsion: 8000})
        .run();
    document.body.setAttribute('data-rendered-nodes', String(cy.nodes().length));
    document.body.setAttribute('data-rendered-edges', String(cy.edges().length));
    window.parleyView.nodes = elements.nodes.length;
    window.parleyView.edges = elements.edges.length;
    buildFilters();
    document.getElementById('counts').textContent =
        elements.nodes.length + ' nodes \u00b7 ' + elements.edges.length + ' relationships';
    search.value = '';
    showDemands();
  }

  window.parleyView = {
    cy: cy,
    load: load,
    nodes: 0,
    edges: 0,
    details: function(heading) {
      title.textContent = heading;
      body.textContent = '';
      return body;
    }
  };
  load(graph.elements);
  document.body.setAttribute('data-ready', 'true');
})();
