import type { SkippedSheet, Warning } from '../core/types.js';
import type { Produced } from '../io/produce.js';
import { describeWarning, type CliIO } from './context.js';
import type { PdfOutcome } from './pdf-output.js';

/**
 * Prints what was written: one JSON object with --json; else the notes and the files on stdout,
 * the warnings and the sheets passed over on stderr. `noun` names the documents ("công văn").
 * Then throws the --pdf failure, if any, so that the run ends with its message and exit code after
 * the documents written are told.
 */
export function printResult(io: CliIO, json: boolean, noun: string, run: Produced, pdf: PdfOutcome | null = null): void {
  const { files } = run;
  if (json) {
    const out = {
      files,
      ...(pdf ? { pdf: pdf.files } : {}),
      ...run.summary,
      notes: run.notes,
      warnings: run.warnings.map(describeWarning),
      skippedSheets: run.skippedSheets,
    };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    io.stdout(`${[...run.notes, written(noun, files), ...(pdf?.files.length ? [written('PDF', pdf.files)] : [])].join('\n')}\n`);
    printWarnings(run.warnings, io);
    printSkippedSheets(run.skippedSheets, io);
  }
  if (pdf?.failure) throw pdf.failure;
}

/** "Đã ghi báo cáo: FILE", or "Đã ghi 7 công văn:" and one file a line. */
function written(noun: string, files: string[]): string {
  return files.length === 1 ? `Đã ghi ${noun}: ${files[0]}` : `Đã ghi ${files.length} ${noun}:\n${files.map((f) => `  ${f}`).join('\n')}`;
}

export function printWarnings(warnings: Warning[], io: CliIO): void {
  if (!warnings.length) return;
  io.stderr(`Cảnh báo (${warnings.length}):\n${warnings.map((w) => `  - ${describeWarning(w)}`).join('\n')}\n`);
}

export function printSkippedSheets(skipped: SkippedSheet[], io: CliIO): void {
  if (!skipped.length) return;
  io.stderr(`Sheet bỏ qua (${skipped.length}):\n${skipped.map((k) => `  - ${k.file}, sheet "${k.sheet}": ${k.reason}`).join('\n')}\n`);
}
