/** The pure parts of a batch: its periods, and what it does with each document given what was recorded. */
import { describe, expect, it } from 'vitest';
import { batchPeriods, startedBy } from '../../src/core/batch-periods.js';
import { checkWrite, planDocument, PLAN_REASONS, type RecordedDocument } from '../../src/core/batch-plan.js';
import { periodLabel, periodRange } from '../../src/core/periods.js';

describe('batchPeriods', () => {
  it('a year of weeks: every Monday-started week by the month of its Monday, in date order', () => {
    const weeks = batchPeriods('week', 2025);
    expect(weeks).toHaveLength(52);
    expect(periodLabel(weeks[0]!)).toBe('tuần 01 tháng 1/2025');
    expect(periodRange(weeks[0]!).start).toBe('2025-01-06');
    expect(periodLabel(weeks.at(-1)!)).toBe('tuần 05 tháng 12/2025');
    expect(periodRange(weeks.at(-1)!).end).toBe('2026-01-04');
    const starts = weeks.map((w) => periodRange(w).start);
    expect(starts).toEqual([...starts].sort());
    // Consecutive: each week starts 7 days after the one before.
    for (let i = 1; i < starts.length; i++) expect(Date.parse(starts[i]!) - Date.parse(starts[i - 1]!)).toBe(7 * 86400000);
    // A year that starts on a Monday has 53 Mondays, so 53 weeks.
    expect(batchPeriods('week', 2026)).toHaveLength(52);
    expect(batchPeriods('week', 2024)).toHaveLength(53);
    expect(periodLabel(batchPeriods('week', 2024).at(-1)!)).toBe('tuần 05 tháng 12/2024');
  });

  it('months and quarters', () => {
    expect(batchPeriods('month', 2024).map(periodLabel)).toEqual([...Array(12).keys()].map((i) => `tháng ${i + 1}/2024`));
    expect(batchPeriods('quarter', 2024).map(periodLabel)).toEqual(['Quý I năm 2024', 'Quý II năm 2024', 'Quý III năm 2024', 'Quý IV năm 2024']);
  });

  it('keeps the periods whose first day is between from and to, both included', () => {
    expect(batchPeriods('month', 2024, { from: '2024-03-01', to: '2024-05-31' }).map(periodLabel)).toEqual(['tháng 3/2024', 'tháng 4/2024', 'tháng 5/2024']);
    expect(batchPeriods('month', 2024, { from: '2024-03-02' }).map(periodLabel)[0]).toBe('tháng 4/2024');
    expect(batchPeriods('quarter', 2024, { to: '2024-04-01' })).toHaveLength(2);
    // Tuần 04 tháng 11/2025 starts on Monday 24/11 and ends in the same month; tuần 01 tháng 12 starts 01/12.
    expect(batchPeriods('week', 2025, { from: '2025-11-24', to: '2025-12-01' }).map(periodLabel)).toEqual(['tuần 04 tháng 11/2025', 'tuần 01 tháng 12/2025']);
    expect(batchPeriods('week', 2025, { from: '2025-11-25', to: '2025-11-30' })).toEqual([]);
  });
});

const RECORDED: RecordedDocument = { inputs: 'in-1', docx: { file: 'a.docx', sha256: 'docx-1' }, pdf: { file: 'a.pdf', sha256: 'pdf-1' } };
const disk = (files: Record<string, string>) => (f: string) => files[f] ?? null;

describe('startedBy', () => {
  it('keeps the periods whose first day is today or before, and returns the rest in order', () => {
    const weeks = batchPeriods('week', 2025, { from: '2025-11-01', to: '2025-11-30' });
    const { started, notYet } = startedBy(weeks, '2025-11-10');
    expect(started.map(periodLabel)).toEqual(['tuần 01 tháng 11/2025', 'tuần 02 tháng 11/2025']);
    expect(notYet.map(periodLabel)).toEqual(['tuần 03 tháng 11/2025', 'tuần 04 tháng 11/2025']);
    expect(startedBy(weeks, '2025-11-09').started).toHaveLength(1);
  });
});

describe('planDocument', () => {
  const base = { recorded: RECORDED, inputs: 'in-1', onDisk: disk({ 'a.docx': 'docx-1', 'a.pdf': 'pdf-1' }), pdf: false, force: false };

  it('keeps a document whose inputs and file are those recorded', () => {
    expect(planDocument(base)).toEqual({ action: 'keep', reason: PLAN_REASONS.unchanged });
    expect(planDocument({ ...base, pdf: true })).toEqual({ action: 'keep', reason: PLAN_REASONS.unchanged });
  });

  it('makes it when new, when its inputs changed, when its file was deleted, when a PDF is wanted and missing, and when forced', () => {
    expect(planDocument({ ...base, recorded: null })).toEqual({ action: 'make', reason: PLAN_REASONS.new });
    expect(planDocument({ ...base, inputs: 'in-2' })).toEqual({ action: 'make', reason: PLAN_REASONS.changed });
    expect(planDocument({ ...base, onDisk: disk({ 'a.pdf': 'pdf-1' }) })).toEqual({ action: 'make', reason: PLAN_REASONS.deleted });
    expect(planDocument({ ...base, pdf: true, onDisk: disk({ 'a.docx': 'docx-1' }) })).toEqual({ action: 'make', reason: PLAN_REASONS.pdfWanted });
    expect(planDocument({ ...base, pdf: true, recorded: { ...RECORDED, pdf: undefined } })).toEqual({ action: 'make', reason: PLAN_REASONS.pdfWanted });
    expect(planDocument({ ...base, force: true })).toEqual({ action: 'make', reason: PLAN_REASONS.forced });
    // A missing PDF matters only when PDFs are asked for.
    expect(planDocument({ ...base, onDisk: disk({ 'a.docx': 'docx-1' }) }).action).toBe('keep');
  });

  it('keeps a file edited by hand while nothing it was made from changed, and says so', () => {
    expect(planDocument({ ...base, onDisk: disk({ 'a.docx': 'edited', 'a.pdf': 'pdf-1' }) })).toEqual({ action: 'keep', reason: PLAN_REASONS.edited });
    expect(planDocument({ ...base, pdf: true, onDisk: disk({ 'a.docx': 'docx-1', 'a.pdf': 'edited' }) })).toEqual({ action: 'keep', reason: PLAN_REASONS.edited });
  });
});

describe('checkWrite', () => {
  it('writes where there is no file, and replaces the bytes a batch wrote', () => {
    expect(checkWrite({ file: '/o/a.docx', onDisk: null, recorded: null, force: false })).toEqual({ allowed: true, replace: false });
    expect(checkWrite({ file: '/o/a.docx', onDisk: 'x', recorded: 'x', force: false })).toEqual({ allowed: true, replace: true });
  });

  it('refuses a file no batch wrote, or one edited since, unless forced; each says why and names the option', () => {
    const unknown = checkWrite({ file: '/o/a.docx', onDisk: 'x', recorded: null, force: false });
    expect(unknown).toEqual({ allowed: false, reason: expect.stringContaining('/o/a.docx đã có nhưng không do một lần tạo hàng loạt ghi ra') });
    const edited = checkWrite({ file: '/o/a.docx', onDisk: 'y', recorded: 'x', force: false });
    expect(edited).toEqual({ allowed: false, reason: expect.stringContaining('/o/a.docx đã được sửa sau khi dakindex ghi') });
    for (const c of [unknown, edited]) expect(!c.allowed && c.reason).toContain('\u27E6force\u27E7');
    expect(checkWrite({ file: '/o/a.docx', onDisk: 'y', recorded: 'x', force: true })).toEqual({ allowed: true, replace: true });
    expect(checkWrite({ file: '/o/a.docx', onDisk: 'y', recorded: null, force: true })).toEqual({ allowed: true, replace: true });
  });
});
