#!/usr/bin/env node
// The export baseline: Kuzu writes every node and relationship of the synthetic news graph
// (loaded by bench/query/run.sh from ../shared/bench/graph) as CSV files with COPY ... TO,
// one file per node and relationship table, as Parley's neo4j-csv writes one per kind.
// Usage: NODE_PATH=<dir>/node_modules node kuzu_export.js DB_PATH OUT_DIR
// Prints {"ms": ..., "bytes": ...} on stdout. Exits without Database.close(): the Kuzu 0.11.3
// Node binding crashes after it.
const kuzu = require('kuzu');
const fs = require('fs');
const path = require('path');

const [dbPath, outDir] = process.argv.slice(2);
const EXPORTS = {
  Actor: 'MATCH (n:Actor) RETURN n.id, n.name, n.kind',
  Demand: 'MATCH (n:Demand) RETURN n.id, n.text, n.date',
  Policy: 'MATCH (n:Policy) RETURN n.id, n.name, n.area',
  Article: 'MATCH (n:Article) RETURN n.id, n.url, n.date',
  MAKES: 'MATCH (a)-[:MAKES]->(b) RETURN a.id, b.id',
  TARGETS: 'MATCH (a)-[:TARGETS]->(b) RETURN a.id, b.id',
  CONCERNS: 'MATCH (a)-[:CONCERNS]->(b) RETURN a.id, b.id',
  REPORTED_IN: 'MATCH (a)-[:REPORTED_IN]->(b) RETURN a.id, b.id',
};

(async () => {
  fs.mkdirSync(outDir, { recursive: true });
  const db = new kuzu.Database(dbPath, 0, true, true);  // default buffer pool, compression, read-only
  const conn = new kuzu.Connection(db);
  const start = process.hrtime.bigint();
  let bytes = 0;
  for (const [name, query] of Object.entries(EXPORTS)) {
    const file = path.resolve(outDir, name + '.csv');
    await conn.query(`COPY (${query}) TO '${file}' (HEADER=true)`);
    bytes += fs.statSync(file).size;
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(JSON.stringify({ ms, bytes }) + '\n');
  process.exit(0);
})().catch((e) => {
  console.error('kuzu_export.js: ' + (e && e.message ? e.message : e));
  process.exit(1);
});
