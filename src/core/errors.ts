import type { Origin } from './types.js';

/**
 * The few error classes the CLI catches once at the top. Messages are in Vietnamese: they reach
 * the user as they are (options named with optionRef). The `code` says what went wrong; the CLI
 * maps it to an exit status.
 */
/**
 * usage: wrong options; data: bad input, nothing written; pdf: documents written without their
 * PDF; partial: a batch that made some documents and failed others.
 */
export type ErrorCode = 'usage' | 'data' | 'pdf' | 'partial';

export class DakindexError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Wrong options or arguments. */
export class UsageError extends DakindexError {
  constructor(message: string) {
    super(message, 'usage');
  }
}

/** Unreadable or invalid data, configuration or templates. */
export class DataError extends DakindexError {
  constructor(message: string) {
    super(message, 'data');
  }
}

/** One problem in one cell. */
export interface CellProblem {
  origin: Origin;
  message: string;
}

/** All cell problems of one file, reported together. */
export class CellErrors extends DataError {
  constructor(
    readonly file: string,
    readonly problems: CellProblem[],
    readonly more: number,
  ) {
    super(formatCellErrors(file, problems, more));
  }

  /** The problems with their places, for a file whose failure does not stop the document (a trend's period). */
  located(): string {
    return formatCellErrors(this.file, this.problems, this.more, '');
  }
}

export function describeOrigin(o: Origin): string {
  const parts = [o.file];
  if (o.sheet) parts.push(`sheet "${o.sheet}"`);
  parts.push(`dòng ${o.row}`);
  if (o.column) parts.push(`cột ${o.column}`);
  return parts.join(', ');
}

function formatCellErrors(file: string, problems: CellProblem[], more: number, consequence = ', không tạo văn bản'): string {
  const n = problems.length + more;
  const lines = [`${file}: ${n} lỗi dữ liệu${consequence}:`];
  for (const p of problems) lines.push(`  - ${describeOrigin(p.origin)}: ${p.message}`);
  if (more > 0) lines.push(`  ... và ${more} lỗi khác.`);
  return lines.join('\n');
}
