// The live side of the graph view, in the page only when `parley serve` answers GET / with it:
// what is drawn is fetched from that server (GET /export) rather than embedded; Enter in the
// search box draws the named actor's neighbourhood; a Cypher box runs a query (POST /query),
// lists its rows and can draw what it returns; with nothing chosen the panel lists the store's
// demands (GET /demands), each actor a link to its neighbourhood.
//
// URL parameters choose what the page shows as it opens: ?around=NAME&hops=N draws a
// neighbourhood, ?query=CYPHER runs a query (&draw=1: and draws what it returns).
// body[data-live-ready] is "true" once every request the page made has been answered. Everything
// shown comes from the store and is untrusted: it reaches the page through textContent only, never
// as markup.
(function() {
'use strict';

var view = window.parleyView;
var pending = 0;
function begin() {
  pending++;
  document.body.setAttribute('data-live-ready', 'false');
}
function end() {
  if (--pending === 0) document.body.setAttribute('data-live-ready', 'true');
}

function el(tag, attrs, text) {
  var e = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function(k) { e.setAttribute(k, attrs[k]); });
  if (text != null) e.textContent = String(text);
  return e;
}

// The JSON answer of a request; an error answer ({"error": "..."}) rejects with its message.
function request(url, options) {
  return fetch(url, options).then(function(r) {
    return r.text().then(function(text) {
      var j;
      try {
        j = JSON.parse(text);
      } catch (e) {
        throw new Error(url + ': HTTP ' + r.status + ', not JSON');
      }
      if (!r.ok) throw new Error(j && j.error ? j.error : 'HTTP ' + r.status);
      return j;
    });
  });
}

// ---- the controls the live page adds

var status = el('span', {id: 'live-status', role: 'status'});
var hops = el('input', {
  id: 'hops',
  type: 'number',
  min: '0',
  max: '5',
  value: '1',
  title: 'Relationships from the actor',
  'aria-label': 'Hops'
});
hops.style.width = '3.5em';
var search = document.getElementById('search');
search.placeholder = 'Name, then Enter: its neighbourhood';
search.parentNode.insertBefore(hops, search.nextSibling);
search.parentNode.insertBefore(status, hops.nextSibling);

var box = el('section', {id: 'cypher'});
box.appendChild(el('h2', null, 'Cypher'));
var text = el('textarea', {
  id: 'cypher-text',
  rows: '4',
  'aria-label': 'Cypher query',
  placeholder: 'MATCH (a:Actor) RETURN a.name LIMIT 10'
});
text.style.width = '100%';
var run = el('button', {id: 'cypher-run', type: 'button'}, 'Run');
var draw =
    el('button',
       {id: 'cypher-draw', type: 'button', title: 'Draw the nodes and relationships it returns'},
       'Draw');
var result = el('div', {id: 'cypher-result'});
result.style.overflowX = 'auto';
box.appendChild(text);
box.appendChild(run);
box.appendChild(document.createTextNode(' '));
box.appendChild(draw);
box.appendChild(result);
var panel = document.getElementById('panel');
panel.insertBefore(box, panel.firstChild);

function say(message, isError) {
  status.textContent = message;
  status.style.color = isError ? '#b00' : '#555';
  if (isError)
    document.body.setAttribute('data-live-error', message);
  else
    document.body.removeAttribute('data-live-error');
}

// ---- a neighbourhood

function around(name, n) {
  name = String(name).trim();
  if (!name) return;
  begin();
  say('Fetching ' + name + '\u2026');
  request(
      '/export?format=cytoscape&around=' + encodeURIComponent(name) +
      '&hops=' + encodeURIComponent(n))
      .then(function(g) {
        view.load(g.elements);
        document.body.setAttribute('data-live-around', name);
        say(name + ': ' + n + (n === '1' ? ' hop' : ' hops'));
      })
      .catch(function(e) { say(e.message, true); })
      .then(end);
}
search.addEventListener('keydown', function(evt) {
  if (evt.key === 'Enter') around(search.value, hops.value || '1');
});

// ---- a Cypher query

// A value of a row as text: a node by its name, a relationship by its type.
function cell(v) {
  if (v == null) return '';
  if (Array.isArray(v)) return '[' + v.map(cell).join(', ') + ']';
  if (typeof v !== 'object') return String(v);
  var p = v.properties || {};
  if (v.$type === 'node')
    return (v.labels || []).join(':') + ' ' + (p.name || p.text || p.title || p.id || '');
  if (v.$type === 'relationship') return ':' + v.type;
  return JSON.stringify(v);
}

function table(answer) {
  var t = el('table', {id: 'cypher-table'});
  var head = el('tr');
  answer.columns.forEach(function(c) { head.appendChild(el('th', null, c)); });
  t.appendChild(head);
  answer.rows.forEach(function(row) {
    var tr = el('tr');
    row.forEach(function(v) { tr.appendChild(el('td', null, cell(v))); });
    t.appendChild(tr);
  });
  return t;
}

function runQuery() {
  var q = text.value;
  if (!q.trim()) return;
  begin();
  result.textContent = '';
  document.body.removeAttribute('data-query-error');
  request('/query', {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({query: q})
  })
      .then(function(answer) {
        result.appendChild(
            el('p', null, answer.rows.length + (answer.rows.length === 1 ? ' row' : ' rows')));
        result.appendChild(table(answer));
        document.body.setAttribute('data-query-rows', String(answer.rows.length));
      })
      .catch(function(e) {
        result.appendChild(el('p', {'class': 'empty'}, e.message));
        document.body.setAttribute('data-query-error', e.message);
      })
      .then(end);
}
run.addEventListener('click', runQuery);
text.addEventListener('keydown', function(evt) {
  if (evt.key === 'Enter' && (evt.ctrlKey || evt.metaKey)) runQuery();
});
// Draws the nodes and relationships the query returns (GET /export?query=).
function drawQuery() {
  if (!text.value.trim()) return;
  begin();
  request('/export?format=cytoscape&query=' + encodeURIComponent(text.value))
      .then(function(g) {
        view.load(g.elements);
        document.body.setAttribute('data-live-drawn', 'query');
        say('Drawn: what the query returns');
      })
      .catch(function(e) { say(e.message, true); })
      .then(end);
}
draw.addEventListener('click', drawQuery);

// ---- the store's demands

function demands() {
  begin();
  request('/demands')
      .then(function(answer) {
        var col = {};
        answer.columns.forEach(function(c, i) { col[c] = i; });
        var body = view.details('Demands in the store');
        if (!answer.rows.length)
          body.appendChild(el('p', {'class': 'empty'}, 'No demands stored.'));
        answer.rows.forEach(function(row) {
          var fact = el('div', {'class': 'fact'});
          var what = el('div', {'class': 'what'});
          function actor(name) {
            var a = el('a', {href: '?around=' + encodeURIComponent(name), 'class': 'actor'}, name);
            a.addEventListener('click', function(evt) {
              evt.preventDefault();
              around(name, hops.value || '1');
            });
            return a;
          }
          what.appendChild(actor(row[col.source]));
          what.appendChild(
              document.createTextNode(' demands \u201c' + row[col.demand] + '\u201d of '));
          what.appendChild(actor(row[col.target]));
          fact.appendChild(what);
          if (row[col.quote]) fact.appendChild(el('blockquote', null, row[col.quote]));
          if (row[col.date]) fact.appendChild(el('div', {'class': 'source'}, row[col.date]));
          body.appendChild(fact);
        });
        document.body.setAttribute('data-live-demands', String(answer.rows.length));
      })
      .catch(function(e) { say(e.message, true); })
      .then(end);
}

// ---- what the address asks for

begin();
var params = new URLSearchParams(window.location.search);
if (params.get('hops')) hops.value = params.get('hops');
if (params.get('around')) {
  search.value = params.get('around');
  around(params.get('around'), hops.value || '1');
} else {
  demands();
}
if (params.get('query')) {
  text.value = params.get('query');
  runQuery();
  if (params.get('draw')) drawQuery();
}
document.body.setAttribute('data-live', 'true');
end();
})();
