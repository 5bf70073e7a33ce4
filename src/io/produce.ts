import { join } from 'node:path';
import { appendixMentionProblem } from '../core/documents/common.js';
import { issueWarnings } from '../core/documents/issue-warnings.js';
import type { DocumentInput, DocumentKind } from '../core/documents/kind.js';
import type { DocumentModel } from '../core/documents/model.js';
import { DataError } from '../core/errors.js';
import { sameFileKey, windowsNameProblem } from '../core/file-names.js';
import type { SkippedSheet, Warning } from '../core/types.js';
import { ensureWritable, writeFileAtomic } from './output-file.js';
import { acquireOutputLock } from './output-lock.js';
import type { TemplateSet } from './templates.js';

/** What reading a document's data told: the user's notes and warnings, and its part of --json. */
export interface ReadReport {
  /** Which data was used and why. */
  notes: string[];
  warnings: Warning[];
  /** Sheets of the files read that are not in the documents. */
  skippedSheets: SkippedSheet[];
  /** What --json tells of the inputs, before the document's own summary. */
  summary: object;
}

/** Where and how documents are written. */
export interface WriteTarget {
  /** The folder the documents are written to. */
  dir: string;
  /** Replace existing files. */
  force: boolean;
  /** Files that will be written beside each document (its PDF): refused with it when they exist. */
  beside?: (docx: string) => string[];
  /**
   * How long to wait for another run writing into the same folder (src/io/output-lock.ts); null
   * when the caller already holds the folder's lock (a batch holds it for its whole run).
   */
  lock: LockWait | null;
}

export interface LockWait {
  seconds: number;
  /** Told when the folder is busy and the run starts waiting. */
  tell: (message: string) => void;
}

export interface Output extends WriteTarget {
  templates: TemplateSet;
}

/** What a run made and what the user should be told. */
export interface Produced {
  files: string[];
  notes: string[];
  warnings: Warning[];
  skippedSheets: SkippedSheet[];
  summary: object;
}

export interface RenderedDocument {
  model: DocumentModel;
  /** File name with extension. */
  name: string;
}

/** Fills the kind's template for each of its documents and builds their models; writes nothing. */
export function renderDocuments<I extends DocumentInput>(kind: DocumentKind<I>, input: I, templates: TemplateSet): RenderedDocument[] {
  const names = kind.templates(input);
  return kind.documents(input).map((d) => ({ model: kind.model(input, templates.render(names, d.context)), name: `${d.name}.docx` }));
}

/** A kind's documents, rendered, and what to tell of them: a run but for the writing. */
export interface Prepared extends Omit<Produced, 'files'> {
  docs: RenderedDocument[];
}

/** Renders the kind's documents and gathers what to tell: the reading's notes and warnings, then the kind's. */
export function prepareDocuments<I extends DocumentInput>(kind: DocumentKind<I>, input: I, read: ReadReport, templates: TemplateSet): Prepared {
  return {
    docs: renderDocuments(kind, input, templates),
    notes: [...read.notes, ...kind.notes(input)],
    warnings: [
      ...read.warnings,
      ...kind.warnings(input),
      ...issueWarnings(input.config, kind.configKey, input.issue, kind.issueReference(input)),
    ],
    skippedSheets: read.skippedSheets,
    summary: { ...read.summary, ...kind.summary(input) },
  };
}

/** Every document kind's run: render, write, and gather what to tell. */
export async function produce<I extends DocumentInput>(kind: DocumentKind<I>, input: I, read: ReadReport, out: Output): Promise<Produced> {
  const { docs, ...told } = prepareDocuments(kind, input, read, out.templates);
  const files = await writeDocuments(docs, out);
  return { files, ...told };
}

/**
 * Some documents of a run were not written (one open in Word, say) while the others were: what was
 * written and what was not, each failure with its own message. With one document, its message alone.
 */
export class WriteError extends DataError {
  constructor(
    readonly written: string[],
    readonly failed: { file: string; error: DataError }[],
  ) {
    super(writeErrorMessage(written, failed));
  }
}

function writeErrorMessage(written: string[], failed: { file: string; error: DataError }[]): string {
  if (written.length === 0 && failed.length === 1) return failed[0]!.error.message;
  const total = written.length + failed.length;
  const lines = [`Không ghi được ${failed.length}/${total} văn bản:`, ...failed.map((f) => `  - ${f.error.message}`)];
  lines.push(written.length ? `Đã ghi ${written.length}/${total} văn bản:` : 'Không văn bản nào được ghi.', ...written.map((f) => `  ${f}`));
  return lines.join('\n');
}

/**
 * Writes every document atomically; returns their paths. Existing files are refused before any
 * work, and nothing is written until all are rendered. One run at a time writes into a folder:
 * another run's lock is waited for. A document that cannot be written (its old file open in Word)
 * does not stop the others: they are written, then a WriteError names the written and the failed.
 */
export async function writeDocuments(docs: RenderedDocument[], target: WriteTarget): Promise<string[]> {
  const { dir, force, beside = () => [] } = target;
  for (const d of docs) {
    const problem = windowsNameProblem(d.name);
    if (problem) throw new DataError(`${problem}; không ghi văn bản nào.`);
  }
  const files = docs.map((d) => join(dir, d.name));
  // Names that differ only in case are one file on Windows.
  const keys = docs.map((d) => sameFileKey(d.name));
  const twice = files.find((_, i) => keys.indexOf(keys[i]!) !== i);
  if (twice) throw new DataError(`Hai văn bản trùng tên tệp ${twice}; không ghi văn bản nào.`);
  const refuseExisting = () => {
    for (const f of files) for (const g of [f, ...beside(f)]) ensureWritable(g, force);
  };
  refuseExisting();
  for (const d of docs) {
    const problem = appendixMentionProblem(d.model);
    if (problem) throw new DataError(`${d.name}: ${problem}; không ghi văn bản nào. Sửa mẫu văn bản hoặc dữ liệu.`);
  }
  // Loaded here, not at startup: `dakindex --help` must not pay for the docx library.
  const { renderDocx } = await import('./docx/render.js');
  const buffers = await Promise.all(docs.map((d) => renderDocx(d.model)));
  const release = target.lock ? await acquireOutputLock(dir, { waitMs: target.lock.seconds * 1000, onWait: target.lock.tell }) : () => {};
  try {
    // Checked again under the lock: the run waited for may have written the same files.
    refuseExisting();
    const written: string[] = [];
    const failed: { file: string; error: DataError }[] = [];
    files.forEach((file, i) => {
      try {
        writeFileAtomic(file, buffers[i]!, force);
        written.push(file);
      } catch (e) {
        if (!(e instanceof DataError)) throw e;
        failed.push({ file, error: e });
      }
    });
    if (failed.length) throw new WriteError(written, failed);
  } finally {
    release();
  }
  return files;
}
