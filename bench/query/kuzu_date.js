#!/usr/bin/env node
// Kuzu's side of QD, the date-range query of bench/query (a month of Demand.date), on the
// database ../shared/bench/graph/kuzu_bench.js loaded (Demand.date is a DATE there), timed the
// way kuzu_bench.js times its queries: 2 warm-up runs, then RUNS timed runs, median and min.
// Usage: NODE_PATH=<dir>/node_modules node kuzu_date.js DB_PATH [RUNS=20]
// Prints one JSON object on stdout: {"queries": {"QD": {median_ms, min_ms, rows, first_row}}}.
const kuzu = require('kuzu');

const [dbPath, runsArg] = process.argv.slice(2);
const RUNS = parseInt(runsArg || '20', 10);
const now = () => Number(process.hrtime.bigint()) / 1e6;  // ms
const QD =
    'MATCH (d:Demand) WHERE d.date >= date(\'2020-03-01\') AND d.date < date(\'2020-04-01\') ' +
    'RETURN count(*) AS n';

(async () => {
  const db = new kuzu.Database(dbPath);
  const conn = new kuzu.Connection(db);
  conn.setQueryTimeout(parseInt(process.env.QUERY_TIMEOUT_MS || '60000', 10));
  const res = {queries: {}};
  const times = [];
  let rows = null, sample = null;
  try {
    for (let i = 0; i < RUNS + 2; i++) {
      const t = now();
      const all = await (await conn.query(QD)).getAll();
      const dt = now() - t;
      if (i >= 2) times.push(dt);
      rows = all.length;
      sample = all[0];
    }
  } catch (e) {
    res.queries.QD = {error: String(e.message || e)};
    console.log(JSON.stringify(res));
    process.exit(0);
  }
  times.sort((a, b) => a - b);
  console.error(`QD: median ${times[times.length >> 1].toFixed(1)} ms, rows ${rows}`);
  res.queries.QD = {
    runs: RUNS,
    median_ms: +times[times.length >> 1].toFixed(2),
    min_ms: +times[0].toFixed(2),
    rows,
    first_row: sample
  };
  // The kuzu 0.11.3 binding crashes after Database.close(): exit without it, as kuzu_bench.js.
  console.log(JSON.stringify(res));
  process.exit(0);
})().catch(e => {
  console.error(e);
  process.exit(1);
});
