/**
 * A programming error while making one document of a batch is not swallowed: that document fails
 * with the error's message, the others are made, exit 3, and DEBUG=dakindex shows the stack.
 */
import { describe, expect, it, vi } from 'vitest';
import { dakindex, tempDir } from '../helpers/cli.js';

vi.mock('../../src/io/produce.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/io/produce.js')>();
  return {
    ...actual,
    prepareDocuments: ((...args: Parameters<typeof actual.prepareDocuments>) => {
      const input = args[1] as unknown as { period: { kind: string; week?: number; month?: number } };
      if (input.period.kind === 'week' && input.period.week === 1 && input.period.month === 11) throw new TypeError('boom: x is undefined');
      return actual.prepareDocuments(...args);
    }) as typeof actual.prepareDocuments,
  };
});

const BATCH = ['batch', '--year', '2025', '--weeks', '--from', '2025-11-03', '--to', '2025-11-10', '--data', 'fixtures/daklak'];

describe('dakindex batch: an unexpected error in one document', () => {
  it('fails that document with the message, makes the others, exits 3; the stack only under DEBUG=dakindex', async () => {
    const quiet = await dakindex([...BATCH, '--out', tempDir()]);
    expect(quiet.code).toBe(3);
    expect(quiet.stdout).toContain('Tổng kết: 2 văn bản: 1 đã ghi, 0 không đổi, 0 bỏ qua, 1 lỗi.');
    expect(quiet.stdout).toContain('  - báo cáo tuần 01 tháng 11/2025: Lỗi không mong đợi: boom: x is undefined');
    expect(quiet.stderr).not.toMatch(/\n\s+at /);

    const debug = await dakindex([...BATCH, '--out', tempDir()], undefined, { DEBUG: 'dakindex' });
    expect(debug.code).toBe(3);
    expect(debug.stderr).toMatch(/TypeError: boom: x is undefined\n\s+at /);
    expect(debug.stdout).toContain('1 đã ghi');
  });
});
