// Loads a `parley export --format cytoscape` file into Cytoscape.js (headless, in Node) and
// prints what it holds: "NODES EDGES" and then each node's label, one a line.
//
// usage: node cytoscape_load.js CYTOSCAPE_MODULE_DIR EXPORT.json
'use strict';
const fs = require('fs');
const cytoscape = require(process.argv[2]);

const json = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const warnings = [];
console.warn = (...args) => warnings.push(args.join(' '));  // Cytoscape warns on bad edges
const cy = cytoscape({ headless: true, styleEnabled: false, elements: json.elements });
if (warnings.length) {
  console.error(warnings.join('\n'));
  process.exit(1);
}
let out = cy.nodes().length + ' ' + cy.edges().length + '\n';
cy.nodes().forEach((n) => { out += n.data('label') + '\n'; });
process.stdout.write(out);
