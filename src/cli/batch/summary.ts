import { periodLabel, type Period } from '../../core/periods.js';
import type { CliIO } from '../context.js';
import { BATCH_STATUSES, countOutcomes, type BatchOutcome, type BatchStatus } from './outcome.js';
import { STATUS_WORDS } from './progress.js';

/** What a batch was asked for, as its summary and --json tell it. */
export interface BatchRequest {
  year: number;
  unit: 'week' | 'month' | 'quarter';
  from: string | null;
  to: string | null;
  letters: string[];
  dataDir: string;
  outDir: string;
  manifest: string;
}

const COUNT_WORDS: Record<BatchStatus, string> = { made: 'đã ghi', unchanged: 'không đổi', skipped: 'bỏ qua', failed: 'lỗi' };

/** "52 văn bản: 3 đã ghi, 47 không đổi, 1 bỏ qua, 1 lỗi." */
export function countLine(outcomes: readonly BatchOutcome[]): string {
  const counts = countOutcomes(outcomes);
  return `${outcomes.length} văn bản: ${BATCH_STATUSES.map((s) => `${counts[s]} ${COUNT_WORDS[s]}`).join(', ')}.`;
}

/**
 * The summary at the end, on stdout: the counts, then each status with its documents and why.
 * Documents unchanged or skipped for the same reason are counted on one line (a year of them is
 * the rule; each skipped period had its warning line).
 */
export function printSummary(io: CliIO, outcomes: readonly BatchOutcome[], warnings: readonly string[]): void {
  const lines = [`Tổng kết: ${countLine(outcomes)}`];
  for (const status of BATCH_STATUSES) {
    const of = outcomes.filter((o) => o.status === status);
    if (!of.length) continue;
    lines.push(`${STATUS_WORDS[status]}:`);
    if (status === 'unchanged' || status === 'skipped') {
      for (const [reason, group] of groupBy(of, (o) => o.reason)) {
        lines.push(`  - ${group.length} văn bản: ${reason}${group.length <= 3 ? ` (${group.map((o) => o.label).join('; ')})` : ''}`);
      }
      continue;
    }
    for (const o of of) {
      const reason = o.reason.replace(/\n/g, '\n    ');
      lines.push(status === 'made' ? `  - ${o.label} (${reason}): ${o.files.join(', ')}` : `  - ${o.label}: ${reason}`);
    }
  }
  if (warnings.length) lines.push(`Cảnh báo chung (${warnings.length}):`, ...warnings.map((w) => `  - ${w}`));
  io.stdout(`${lines.join('\n')}\n`);
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const t of items) groups.set(key(t), [...(groups.get(key(t)) ?? []), t]);
  return groups;
}

function periodJson(p: Period): object {
  return { ...p, label: periodLabel(p) };
}

/** The one JSON object of --json. */
export function batchJson(request: BatchRequest, outcomes: readonly BatchOutcome[], warnings: readonly string[]): object {
  return {
    ...request,
    counts: countOutcomes(outcomes),
    documents: outcomes.map((o) => ({
      kind: o.kind,
      period: periodJson(o.period),
      label: o.label,
      status: o.status,
      reason: o.reason,
      files: o.files,
      data: o.data,
      warnings: o.warnings,
    })),
    warnings,
  };
}
