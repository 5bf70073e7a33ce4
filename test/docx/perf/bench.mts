/**
 * Times renderDocx on a report with one big landscape appendix (run one size per process, so that
 * peak memory is this render's): npx tsx test/docx/perf/bench.mts 3321
 */
import { writeFileSync } from 'node:fs';
import { renderDocx } from '../../../src/io/docx/render.js';
import { appendix, baoCaoModel, rankingTable } from '../sample-model.js';

const rows = Number(process.argv[2] ?? 3321);
const out = process.argv[3];
const table = rankingTable(rows, { change: true });
const model = baoCaoModel({ appendices: [appendix('I', 'KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI UBND CẤP XÃ', true, table)] });
let peak = 0;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
const t0 = performance.now();
const buf = await renderDocx(model);
const ms = performance.now() - t0;
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().rss);
if (out) writeFileSync(out, buf);
console.log(JSON.stringify({ rows, columns: table.columns.length, ms: Math.round(ms), bytes: buf.length, peakRssMB: Math.round(peak / 2 ** 20) }));
