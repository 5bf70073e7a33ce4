/**
 * dakindex batch through the built CLI, as a process, on a year of weekly exports written in a
 * temporary folder: one damaged file in the middle, one week without data; then a re-run that
 * rewrites nothing, then a corrected file that regenerates exactly the reports it feeds.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dakindexProcess, tempDir } from '../helpers/cli.js';
import { fridaysOf, weekFileName, writeWeekFile } from '../helpers/weekly-data.js';

const FRIDAYS = fridaysOf(2025);
/** Tuần 02 tháng 3/2025 (10–16/3): its file has a score cell "9,5x". */
const DAMAGED = FRIDAYS[9]!;
/** Tuần 03 tháng 5/2025 (19–25/5): no file. */
const MISSING = FRIDAYS[19]!;
/** Tuần 04 tháng 7/2025 (28/7–3/8): its file is corrected later. */
const CHANGED = FRIDAYS[29]!;

const BATCH = ['batch', '--year', '2025', '--weeks'];

interface Snapshot {
  mtimeMs: number;
  bytes: Buffer;
}

function snapshot(dir: string): Map<string, Snapshot> {
  return new Map(readdirSync(dir).map((f) => [f, { mtimeMs: statSync(join(dir, f)).mtimeMs, bytes: readFileSync(join(dir, f)) }]));
}

/** The report whose data is the export of `date` (its name starts with the data date). */
function reportOf(dir: string, date: string): string {
  const found = readdirSync(dir).filter((f) => f.startsWith(`${date}_bao-cao-tuan-`) && f.endsWith('.docx'));
  expect(found, date).toHaveLength(1);
  return found[0]!;
}

/** Files whose bytes or modification time differ between two snapshots, and files added. */
function changed(before: Map<string, Snapshot>, after: Map<string, Snapshot>): string[] {
  return [...after].filter(([f, s]) => !before.has(f) || before.get(f)!.mtimeMs !== s.mtimeMs || !before.get(f)!.bytes.equals(s.bytes)).map(([f]) => f).sort();
}

describe('dakindex batch: a year of weekly reports', () => {
  const data = tempDir('dakindex-batch-data-');
  const out = join(tempDir('dakindex-batch-out-'), 'văn bản');
  const args = [...BATCH, '--data', data, '--out', out];

  beforeAll(async () => {
    expect(FRIDAYS).toHaveLength(52);
    for (const date of FRIDAYS) if (date !== MISSING) await writeWeekFile(data, date, { damaged: date === DAMAGED });
  }, 60_000);

  it('makes every report in date order, skips the week without data with one warning line, fails the two reports the damaged file feeds, exits 3', async () => {
    const r = await dakindexProcess(args);
    expect(r.code, r.stderr).toBe(3);

    // Plain lines (stdout is not a terminal), one per document, in date order.
    const lines = r.stdout.split('\n').filter((l) => /^\[\d+\/52\] /.test(l));
    expect(lines).toHaveLength(51);
    expect(lines[0]).toBe(`[1/52] Đã ghi báo cáo tuần 01 tháng 1/2025: ${join(out, `${FRIDAYS[0]}_bao-cao-tuan-01-thang-01-2025.docx`)}`);
    expect(lines.at(-1)).toBe(`[52/52] Đã ghi báo cáo tuần 05 tháng 12/2025: ${join(out, `${FRIDAYS[51]}_bao-cao-tuan-05-thang-12-2025.docx`)}`);
    const numbers = lines.map((l) => Number(/^\[(\d+)/.exec(l)![1]));
    expect(numbers).toEqual([...Array(52).keys()].map((i) => i + 1).filter((n) => n !== 20));
    expect(lines[9]).toMatch(/^\[10\/52\] Lỗi báo cáo tuần 02 tháng 3\/2025: .*diem-766-2025-03-14\.xlsx: 1 lỗi dữ liệu/);
    expect(lines[10]).toMatch(/^\[11\/52\] Lỗi báo cáo tuần 03 tháng 3\/2025: .*diem-766-2025-03-14\.xlsx: 1 lỗi dữ liệu/);

    const skipLines = r.stderr.split('\n').filter((l) => l.startsWith('Bỏ qua'));
    expect(skipLines).toEqual([`Bỏ qua báo cáo tuần 03 tháng 5/2025: không có tệp dữ liệu trong ${data} (cần tệp có ngày trong kỳ).`]);

    expect(r.stdout).toContain('Tổng kết: 52 văn bản: 49 đã ghi, 0 không đổi, 1 bỏ qua, 2 lỗi.');
    // The failures give the located message of the reader: file, sheet, row, column and value.
    const failures = r.stdout.slice(r.stdout.indexOf('\nLỗi:\n'));
    for (const week of ['tuần 02 tháng 3/2025', 'tuần 03 tháng 3/2025']) {
      expect(failures).toContain(`  - báo cáo ${week}: ${join(data, weekFileName(DAMAGED))}: 1 lỗi dữ liệu, không tạo văn bản:`);
    }
    expect(failures).toMatch(/sheet "Du lieu", dòng 7, cột D: .*9,5x/);
    // The week after the missing one has no comparison, as a single report would say.
    expect(r.stderr).toContain('Cảnh báo (báo cáo tuần 04 tháng 5/2025): Không có dữ liệu kỳ trước (tuần 03 tháng 5/2025): báo cáo không có phần so sánh.');
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(
      'Tạo hàng loạt chưa trọn: 52 văn bản: 49 đã ghi, 0 không đổi, 1 bỏ qua, 2 lỗi. Văn bản lỗi và lý do ở phần Tổng kết; sửa rồi chạy lại lệnh này.',
    );

    const files = readdirSync(out);
    expect(files.filter((f) => f.endsWith('.docx'))).toHaveLength(49);
    expect(files.filter((f) => !f.endsWith('.docx'))).toEqual(['dakindex-manifest.json']);
    expect(files.some((f) => f.startsWith(`${DAMAGED}_`) || f.startsWith(`${FRIDAYS[10]}_`))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(out, 'dakindex-manifest.json'), 'utf8'));
    expect(Object.keys(manifest.documents)).toHaveLength(49);
    const entry = manifest.documents['weekly-report tuan-02-thang-01-2025'];
    expect(entry).toEqual({
      inputs: expect.stringMatching(/^[0-9a-f]{64}$/),
      docx: { file: `${FRIDAYS[1]}_bao-cao-tuan-02-thang-01-2025.docx`, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      data: [join(data, weekFileName(FRIDAYS[1]!)), join(data, weekFileName(FRIDAYS[0]!))],
    });
  }, 120_000);

  it('re-run: rewrites nothing, says each report is unchanged, --json is the one JSON object, still exits 3', async () => {
    const before = snapshot(out);
    const r = await dakindexProcess([...args, '--json']);
    expect(r.code, r.stderr).toBe(3);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['year', 'unit', 'from', 'to', 'letters', 'dataDir', 'outDir', 'manifest', 'counts', 'documents', 'warnings']);
    expect(j).toMatchObject({ year: 2025, unit: 'week', from: null, to: null, letters: [], dataDir: data, outDir: out, manifest: join(out, 'dakindex-manifest.json') });
    expect(j.counts).toEqual({ made: 0, unchanged: 49, skipped: 1, failed: 2 });
    expect(j.documents).toHaveLength(52);
    expect(j.documents[0]).toEqual({
      kind: 'weekly-report',
      period: { kind: 'week', week: 1, month: 1, year: 2025, label: 'tuần 01 tháng 1/2025' },
      label: 'báo cáo tuần 01 tháng 1/2025',
      status: 'unchanged',
      reason: 'dữ liệu, cấu hình và mẫu văn bản không đổi',
      files: [join(out, `${FRIDAYS[0]}_bao-cao-tuan-01-thang-01-2025.docx`)],
      data: { current: [join(data, weekFileName(FRIDAYS[0]!))], previous: null },
      warnings: [],
    });
    expect(j.documents[19]).toMatchObject({ status: 'skipped', label: 'báo cáo tuần 03 tháng 5/2025', files: [], data: null });
    expect(j.documents[9]).toMatchObject({ status: 'failed', reason: expect.stringContaining('9,5x') });
    expect(j.documents.map((d: { status: string }) => d.status).filter((s: string) => s === 'unchanged')).toHaveLength(49);
    expect(j.warnings).toEqual([]);
    // Nothing written: same bytes, same modification times, the manifest included.
    expect(changed(before, snapshot(out))).toEqual([]);
    expect([...snapshot(out).keys()].sort()).toEqual([...before.keys()].sort());
  }, 120_000);

  it('a corrected file regenerates exactly the two reports it feeds (its week and the next), and nothing else', async () => {
    await writeWeekFile(data, DAMAGED);
    await writeWeekFile(data, CHANGED, { variant: 1 });
    const before = snapshot(out);
    const changedBefore = readFileSync(join(out, reportOf(out, CHANGED)));
    const r = await dakindexProcess(args);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Tổng kết: 52 văn bản: 4 đã ghi, 47 không đổi, 1 bỏ qua, 0 lỗi.');
    const fed = [reportOf(out, DAMAGED), reportOf(out, FRIDAYS[10]!), reportOf(out, CHANGED), reportOf(out, FRIDAYS[30]!)];
    expect(changed(before, snapshot(out))).toEqual([...fed, 'dakindex-manifest.json'].sort());
    expect(readFileSync(join(out, reportOf(out, CHANGED))).equals(changedBefore)).toBe(false);
    expect(r.stdout).toContain(`  - báo cáo tuần 04 tháng 7/2025 (dữ liệu, cấu hình hoặc mẫu văn bản đã thay đổi): ${join(out, reportOf(out, CHANGED))}`);
    expect(r.stdout).toContain(`  - báo cáo tuần 01 tháng 8/2025 (dữ liệu, cấu hình hoặc mẫu văn bản đã thay đổi): ${join(out, reportOf(out, FRIDAYS[30]!))}`);
    expect(r.stdout).toContain(`  - báo cáo tuần 02 tháng 3/2025 (văn bản mới): ${join(out, reportOf(out, DAMAGED))}`);
    expect(r.stdout).toContain('  - 47 văn bản: dữ liệu, cấu hình và mẫu văn bản không đổi');
    expect(r.stderr).not.toContain('Tạo hàng loạt chưa trọn');
  }, 120_000);
});
