import type { CliIO } from '../context.js';
import type { BatchOutcome } from './outcome.js';

/**
 * What a batch shows while it runs: on a terminal a bar on stderr, redrawn in place, with
 * warnings and failures printed above it; else one plain line per document on stdout and the
 * warnings on stderr; under --json nothing (all goes in the JSON at the end).
 */
export interface BatchProgress {
  start(total: number): void;
  /** The document now being made (its label shows on the bar). */
  working(label: string): void;
  /** A document is done; `index` counts from 1. */
  done(outcome: BatchOutcome, index: number): void;
  /** One warning line. */
  warn(line: string): void;
  /** Clears the bar before the summary. */
  stop(): void;
}

export function batchProgress(io: CliIO, json: boolean): BatchProgress {
  if (json) return SILENT;
  return io.terminal ? new BarProgress(io, io.terminal.columns) : new LineProgress(io);
}

const SILENT: BatchProgress = { start() {}, working() {}, done() {}, warn() {}, stop() {} };

export const STATUS_WORDS = { made: 'Đã ghi', unchanged: 'Không đổi', skipped: 'Bỏ qua', failed: 'Lỗi' } as const;

/** "Lỗi báo cáo tuần 10 tháng 3/2025: the first line of the error" */
function failureLine(o: BatchOutcome): string {
  return `${STATUS_WORDS.failed} ${o.label}: ${o.reason.split('\n', 1)[0]}`;
}

class LineProgress implements BatchProgress {
  private total = 0;

  constructor(private readonly io: CliIO) {}

  start(total: number): void {
    this.total = total;
  }

  working(): void {}

  done(o: BatchOutcome, index: number): void {
    // A skipped period has its one warning line already.
    if (o.status === 'skipped') return;
    const where = o.status === 'failed' ? failureLine(o) : `${STATUS_WORDS[o.status]} ${o.label}: ${o.files[0] ?? ''}`;
    this.io.stdout(`[${index}/${this.total}] ${where}\n`);
  }

  warn(line: string): void {
    this.io.stderr(`${line}\n`);
  }

  stop(): void {}
}

const CLEAR_LINE = '\r\x1b[K';

class BarProgress implements BatchProgress {
  private total = 0;
  private count = 0;
  private label = '';

  constructor(
    private readonly io: CliIO,
    private readonly columns: () => number,
  ) {}

  start(total: number): void {
    this.total = total;
    this.draw();
  }

  working(label: string): void {
    this.label = label;
    this.draw();
  }

  done(o: BatchOutcome, index: number): void {
    this.count = index;
    if (o.status === 'failed') this.above(failureLine(o));
    else this.draw();
  }

  warn(line: string): void {
    this.above(line);
  }

  stop(): void {
    this.io.stderr(CLEAR_LINE);
  }

  private above(line: string): void {
    this.io.stderr(`${CLEAR_LINE}${line}\n`);
    this.draw();
  }

  private draw(): void {
    this.io.stderr(`${CLEAR_LINE}${barLine(this.count, this.total, this.label, this.columns())}`);
  }
}

/** "[████████░░░░░░░░░░░░] 12/52 báo cáo tuần 03 tháng 3/2025", cut to fit `columns`. */
export function barLine(done: number, total: number, label: string, columns: number): string {
  const width = 20;
  const filled = total > 0 ? Math.round((done / total) * width) : 0;
  const line = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} ${label}`.trimEnd();
  const chars = [...line];
  // One column short of the width: a line that fills it makes some terminals wrap.
  return chars.length < columns ? line : chars.slice(0, Math.max(0, columns - 1)).join('');
}
