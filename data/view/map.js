// The map layer of the graph view: the events that have a place with coordinates, drawn as
// dots over the country outlines of Natural Earth (world-atlas, read with topojson-client and
// projected with d3-geo, all inlined in the page: no tile server, no request). An event has a
// place through an IN relationship from its event node to a Place node, or, for a stance
// relationship, through its `place` property naming the Place's id. A dot is one place, its
// size grows with its number of events, and a click on it lists them.
(function () {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';

  function has(list, x) { return Array.isArray(list) && list.indexOf(x) >= 0; }
  function isNumber(v) { return typeof v === 'number' && isFinite(v); }

  // The places with coordinates and the ids of the events in each, from the graph's elements.
  function placed(elements) {
    var byNode = {}, byKey = {}, places = [];
    elements.nodes.forEach(function (n) {
      var d = n.data;
      if (!has(d.labels, 'Place') || !isNumber(d.lat) || !isNumber(d.lon)) return;
      var p = { node: d.id, name: d.name || d.label || d.id, lat: d.lat, lon: d.lon, events: [] };
      byNode[d.id] = p;
      // The Place's own `id` property is exported as property_id (Cytoscape keeps `id`).
      if (d.property_id != null) byKey[String(d.property_id)] = p;
      places.push(p);
    });
    var count = 0;
    elements.edges.forEach(function (e) {
      var d = e.data, p = null, event = null;
      if (d.type === 'IN' && byNode[d.target]) {
        p = byNode[d.target];
        event = d.source;
      } else if (d.place != null && byKey[String(d.place)]) {
        p = byKey[String(d.place)];
        event = d.id;
      }
      if (!p || p.events.indexOf(event) >= 0) return;
      p.events.push(event);
      count++;
    });
    places = places.filter(function (p) { return p.events.length > 0; });
    return { places: places, events: count };
  }

  function svgEl(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  }

  // Draws the outlines and the places into `box`; `onPlace(place)` on a click. Returns the
  // number of country outlines drawn.
  function draw(box, places, onPlace) {
    var world = JSON.parse(document.getElementById('parley-world').textContent);
    var countries = topojson.feature(world, world.objects.countries);
    var width = box.clientWidth || 600, height = box.clientHeight || 300;
    var projection = d3.geoNaturalEarth1().fitExtent([[8, 8], [width - 8, height - 8]], { type: 'Sphere' });
    var path = d3.geoPath(projection);
    var svg = svgEl('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img' });
    var drawn = 0;
    countries.features.forEach(function (f) {
      var d = path(f);
      if (!d) return;
      var shape = svgEl('path', { d: d, 'class': 'country' });
      var title = svgEl('title', {});
      title.textContent = (f.properties && f.properties.name) || '';
      shape.appendChild(title);
      svg.appendChild(shape);
      drawn++;
    });
    places.slice().sort(function (a, b) { return b.events.length - a.events.length; }).forEach(function (p) {
      var xy = projection([p.lon, p.lat]);
      if (!xy) return;
      var dot = svgEl('circle', {
        cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: (4 + 2 * Math.sqrt(p.events.length)).toFixed(1),
        'class': 'place'
      });
      var title = svgEl('title', {});
      title.textContent = p.name + ' \u00b7 ' + p.events.length + (p.events.length === 1 ? ' event' : ' events');
      dot.appendChild(title);
      dot.addEventListener('click', function () { onPlace(p); });
      svg.appendChild(dot);
    });
    var caption = document.createElement('div');
    caption.className = 'caption';
    caption.textContent = 'Events by place (' + places.length + (places.length === 1 ? ' place)' : ' places)');
    box.textContent = '';
    box.appendChild(svg);
    box.appendChild(caption);
    return drawn;
  }

  window.parleyMap = { placed: placed, draw: draw };
})();
