/** How a batch shows its progress: a bar on a terminal, plain lines otherwise, nothing under --json. */
import { describe, expect, it } from 'vitest';
import { barLine } from '../../src/cli/batch/progress.js';
import { run } from '../../src/cli/main.js';
import { REPO, tempDir } from '../helpers/cli.js';

const BATCH = ['batch', '--year', '2025', '--weeks', '--from', '2025-10-27', '--to', '2025-11-16', '--data', 'fixtures/daklak'];

/** Runs the CLI in-process with stdout and stderr a terminal of `columns` columns. */
async function onTerminal(args: string[], columns = 60) {
  let stdout = '';
  let stderr = '';
  const code = await run(['node', 'dakindex', ...args], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: REPO,
    env: {},
    terminal: { columns: () => columns },
  });
  return { code, stdout, stderr };
}

describe('barLine', () => {
  it('fills in proportion to the documents done and names the one under way', () => {
    expect(barLine(0, 52, 'báo cáo tuần 01 tháng 1/2025', 80)).toBe(`[${'░'.repeat(20)}] 0/52 báo cáo tuần 01 tháng 1/2025`);
    expect(barLine(13, 52, 'x', 80)).toBe(`[${'█'.repeat(5)}${'░'.repeat(15)}] 13/52 x`);
    expect(barLine(52, 52, '', 80)).toBe(`[${'█'.repeat(20)}] 52/52`);
  });

  it('is cut one column short of the terminal, counting Vietnamese letters as one column each', () => {
    const line = barLine(3, 52, 'báo cáo tuần 02 tháng 11/2025', 40);
    expect([...line]).toHaveLength(39);
    expect(line.startsWith('[█░')).toBe(true);
  });
});

describe('progress of dakindex batch', () => {
  it('on a terminal: a bar on stderr redrawn in place and cleared, warnings above it; stdout has the summary only', async () => {
    const r = await onTerminal([...BATCH, '--out', tempDir()]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('Tổng kết: 3 văn bản: 2 đã ghi, 0 không đổi, 1 bỏ qua, 0 lỗi.\n')).toBe(true);
    expect(r.stdout).not.toContain('\r');
    expect(r.stdout).not.toMatch(/^\[\d/m);
    const frames = r.stderr.split('\r\x1b[K').filter(Boolean);
    expect(frames).toContain(`[${'░'.repeat(20)}] 0/3`);
    expect(frames).toContain(`[${'█'.repeat(7)}${'░'.repeat(13)}] 1/3 báo cáo tuần 01 tháng 11/2025`);
    expect(frames).toContain(`[${'█'.repeat(20)}] 3/3 báo cáo tuần 02 tháng 11/2025`);
    // The skipped week's warning is a line of its own above the bar, and the bar is cleared at the end.
    expect(r.stderr).toContain('\r\x1b[KBỏ qua báo cáo tuần 04 tháng 10/2025: không có tệp dữ liệu');
    expect(r.stderr.endsWith('\r\x1b[K')).toBe(true);
    for (const f of frames.filter((f) => f.startsWith('['))) expect([...f].length).toBeLessThan(60);
  });

  it('not on a terminal: one line per document on stdout, no control characters', async () => {
    const { dakindex } = await import('../helpers/cli.js');
    const out = tempDir();
    const r = await dakindex([...BATCH, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('['))).toEqual([
      `[2/3] Đã ghi báo cáo tuần 01 tháng 11/2025: ${out}/2025-11-07_bao-cao-tuan-01-thang-11-2025.docx`,
      `[3/3] Đã ghi báo cáo tuần 02 tháng 11/2025: ${out}/2025-11-14_bao-cao-tuan-02-thang-11-2025.docx`,
    ]);
    expect(r.stdout + r.stderr).not.toMatch(/[\r\x1b]/);
  });

  it('--json on a terminal: stdout is the JSON object alone, and no bar is drawn', async () => {
    const r = await onTerminal([...BATCH, '--out', tempDir(), '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).counts).toEqual({ made: 2, unchanged: 0, skipped: 1, failed: 0 });
    expect(r.stderr).toBe('');
  });
});
