// npm run bench: end-to-end timings and peak memory of real CLI runs on generated inputs.
// Budgets (issues 2 and 3, on the 2-core machine): reading 20,000 units < 300 MB; weekly report
// < 0.6 s; 34 provinces + 3,321 communes < 2 s and 250 MB; 20,000 units < 6 s and 600 MB.
// Issue 9: `dakindex batch` of a year's 52 weekly reports < 10 × one weekly report. Issue 10:
// history of 52 weekly files < 8 s without its cache, < 1.5 s with it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';

const repo = resolve(import.meta.dirname, '..');
const bin = join(repo, 'bin/dakindex.cjs');
const work = mkdtempSync(join(tmpdir(), 'dakindex-bench-'));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

let seed = 766;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const r2 = (n) => Math.round(n * 100) / 100;

/** An API-code workbook (the portal's layout) with provinces and `communes` communes. */
async function workbook(file, { provinces, agencies, communes }) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Du lieu');
  ws.addRow(['TEN', 'MA_COQUAN', 'LOAI_COQUAN', 'CKMB', 'TDGQ', 'CLGQ', 'TTTT', 'MDHL', 'MDSH', 'TONG_SCORE']);
  const row = (name, code, level) => {
    const g = [18, 20, 12, 10, 18, 22].map((max) => r2(max * (0.55 + 0.45 * rand())));
    ws.addRow([name, code, level, ...g, r2(g.reduce((a, b) => a + b, 0))]);
  };
  for (let i = 0; i < provinces; i++) row(i === 15 ? 'Đắk Lắk' : `Tỉnh số ${i + 1}`, `H${i}`, 1);
  for (let i = 0; i < agencies; i++) row(`Sở số ${i + 1}`, `S${i}`, 2);
  for (let i = 0; i < communes; i++) row(`UBND xã Số ${i + 1}`, `X${i}`, 3);
  mkdirSync(join(file, '..'), { recursive: true });
  await wb.xlsx.writeFile(file);
}

function measure(args, before = () => {}) {
  return measureRuns(args, RUNS, before);
}

function measureRuns(args, runs, before = () => {}) {
  const times = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    before();
    const rssFile = join(work, 'rss.txt');
    const t0 = process.hrtime.bigint();
    // --import takes a URL: a Windows path (C:\...) would be read as a URL of scheme "c:".
    const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(repo, 'bench/maxrss.mjs')).href, bin, ...args], {
      cwd: work,
      env: { ...process.env, DAKINDEX_BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      // check --json lists every unit: megabytes for 20,000 units.
      maxBuffer: 256 * 1024 * 1024,
    });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`dakindex ${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
    times.push(ms);
    rss = Math.max(rss, Number(readFileSync(rssFile, 'utf8')));
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], rss };
}

const cases = [];
async function bench(name, budget, files, args, before) {
  for (const f of files) await workbook(f.path, f.shape);
  const m = measure(args, before);
  cases.push({ name, ...m, budget });
}

const week = ['--week', '2', '--month', '11', '--year', '2025', '--force', '--out', join(work, 'out')];
await bench('check: đọc 20.000 đơn vị', { mb: 300 }, [{ path: join(work, 'c20k/d-2025-11-14.xlsx'), shape: { provinces: 34, agencies: 14, communes: 20000 - 48 } }], [
  'check', join(work, 'c20k/d-2025-11-14.xlsx'), '--json',
]);
await bench('report tuần (14 sở + 102 xã, mẫu đi kèm)', { s: 0.6 }, [], ['report', ...week, '--data', join(repo, 'fixtures/daklak')]);
await bench('report 34 tỉnh + 3.321 xã', { s: 2, mb: 250 }, [{ path: join(work, 'nat/d-2025-11-14.xlsx'), shape: { provinces: 34, agencies: 0, communes: 3321 } }], [
  'report', ...week, '--data', join(work, 'nat'),
]);
await bench('report 20.000 đơn vị', { s: 6, mb: 600 }, [{ path: join(work, 'r20k/d-2025-11-14.xlsx'), shape: { provinces: 34, agencies: 14, communes: 20000 - 48 } }], [
  'report', ...week, '--data', join(work, 'r20k'),
]);

// Issue 9: a year of weekly exports (one per Friday, 34 provinces + 14 agencies + 102 communes, and
// the export before the first week); one report from a folder holding only its week and the week
// before, against `dakindex batch` of the 52 weeks (--force: every report made again each run).
const weeks = join(work, 'weeks');
const pair = join(work, 'pair');
const shape = { provinces: 34, agencies: 14, communes: 102 };
for (let d = new Date(Date.UTC(2025, 0, 3)); d <= new Date(Date.UTC(2026, 0, 2)); d.setUTCDate(d.getUTCDate() + 7)) {
  const date = d.toISOString().slice(0, 10);
  await workbook(join(weeks, `d-${date}.xlsx`), shape);
  if (date === '2025-11-07' || date === '2025-11-14') await workbook(join(pair, `d-${date}.xlsx`), shape);
}
const BATCH_RUNS = Number(process.env.BENCH_BATCH_RUNS ?? 3);
const oneReport = measure(['report', ...week, '--data', pair]);
const batchOut = join(work, 'batch-out');
const batchArgs = ['batch', '--year', '2025', '--weeks', '--data', weeks, '--out', batchOut];
const batchRun = measureRuns([...batchArgs, '--force'], BATCH_RUNS);
const unchangedRun = measureRuns(batchArgs, BATCH_RUNS);
const reportsMade = readdirSync(batchOut).filter((f) => f.endsWith('.docx')).length;
if (reportsMade !== 52) throw new Error(`dakindex batch wrote ${reportsMade} reports, not 52`);

// Issue 10: `history` on a year of weekly exports (52 Fridays, 34 provinces + 14 agencies + 102
// communes each), without its cache (deleted before each run: every file read, the cache written)
// and with it (the cache of the run before).
const weekly = join(work, 'weekly');
const fridays = Array.from({ length: 52 }, (_, i) => new Date(Date.UTC(2025, 0, 3 + 7 * i)).toISOString().slice(0, 10));
const weeklyFiles = fridays.map((d) => ({ path: join(weekly, `diem-766-${d}.xlsx`), shape: { provinces: 34, agencies: 14, communes: 102 } }));
const cacheDir = join(weekly, '.dakindex-cache');
await bench('history 52 tệp tuần, không cache', { s: 8 }, weeklyFiles, ['history', '--data', weekly], () => rmSync(cacheDir, { recursive: true, force: true }));
await bench('history 52 tệp tuần, có cache', { s: 1.5 }, [], ['history', '--data', weekly]);

/** Median wall time (ms) of a bare Node command, no memory probe: what starting costs. */
function startup(args, runs = 15) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}
// Issue 9: `dakindex --help` within 2 × a bare `node -e 0` (it loads neither docx nor Handlebars).
startup([bin, '--help'], 1); // writes the code cache, as the first run after install does
const bare = startup(['-e', '0']);
const help = startup([bin, '--help']);

console.log(`dakindex bench (${RUNS} lần mỗi trường hợp, Node ${process.version})`);
const helpOk = help <= 2 * bare;
if (!helpOk) process.exitCode = 1;
console.log(
  `${helpOk ? 'OK  ' : 'VƯỢT'} ${'dakindex --help so với node -e 0'.padEnd(42)} ${help.toFixed(0)} ms / ${bare.toFixed(0)} ms = ${(help / bare).toFixed(2)} ×   [ngân sách ≤ 2 ×]`,
);
let failed = 0;
for (const c of cases) {
  const okT = c.budget.s === undefined || c.median / 1000 <= c.budget.s;
  const okM = c.budget.mb === undefined || c.rss <= c.budget.mb;
  if (!okT || !okM) failed++;
  const budget = [c.budget.s !== undefined ? `< ${c.budget.s} s` : '', c.budget.mb !== undefined ? `< ${c.budget.mb} MB` : ''].filter(Boolean).join(', ');
  console.log(
    `${okT && okM ? 'OK  ' : 'VƯỢT'} ${c.name.padEnd(42)} trung vị ${(c.median / 1000).toFixed(3)} s (nhanh nhất ${(c.min / 1000).toFixed(3)} s), RSS tối đa ${c.rss.toFixed(0)} MB   [ngân sách ${budget}]`,
  );
}
const ratio = batchRun.median / oneReport.median;
const batchOk = ratio < 10;
if (!batchOk) failed++;
console.log(
  `${batchOk ? 'OK  ' : 'VƯỢT'} ${'batch 52 báo cáo tuần so với 1 báo cáo'.padEnd(42)} ${(batchRun.median / 1000).toFixed(2)} s / ${(oneReport.median / 1000).toFixed(3)} s = ${ratio.toFixed(1)} ×, RSS tối đa ${batchRun.rss.toFixed(0)} MB   [ngân sách < 10 ×]`,
);
console.log(
  `     ${'batch chạy lại, 52 báo cáo không đổi'.padEnd(42)} ${(unchangedRun.median / 1000).toFixed(2)} s (${(unchangedRun.median / oneReport.median).toFixed(1)} × 1 báo cáo)`,
);
rmSync(work, { recursive: true, force: true });
process.exitCode = failed || !helpOk ? 1 : 0;
