import { statSync } from 'node:fs';
import type { Config } from '../config/schema.js';
import { DakindexError } from '../core/errors.js';
import { DEFAULT_PDF_TIMEOUT_SECONDS, PdfConversionError, PdfConverter } from '../io/pdf/convert.js';
import { findSoffice } from '../io/pdf/find-soffice.js';
import type { CliIO } from './context.js';

/**
 * --pdf: the PDF of each written document. The documents stay written whatever happens here; a
 * missing LibreOffice or a failed conversion ends the run with exit 4, so that a scheduled task
 * that was asked for PDFs shows it did not get them (rather than exit 0 with a line nobody reads).
 */

/** The documents are written; some or all of their PDFs are not (exit 4). */
export class PdfError extends DakindexError {
  constructor(message: string) {
    super(message, 'pdf');
  }
}

export interface PdfOutcome {
  /** The PDFs written. */
  files: string[];
  /** Why some were not, with how to fix it; null when all were written. */
  failure: PdfError | null;
}

export interface PdfDeps {
  platform: NodeJS.Platform;
  exists: (path: string) => boolean;
}

const processDeps: PdfDeps = { platform: process.platform, exists: isFile };

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * One per run: finds soffice once and converts with one LibreOffice profile however many documents
 * the run writes (a batch can keep it for all its documents); close() removes the profile.
 */
export class PdfOutput {
  private converter: PdfConverter | null = null;
  /** Why no PDF can be made (no LibreOffice found), with how to install it; null when soffice was found. */
  readonly missing: string | null;

  constructor(config: Config, io: CliIO, deps: PdfDeps = processDeps) {
    const found = findSoffice({ platform: deps.platform, env: io.env, cwd: io.cwd, configured: config.pdf?.soffice, exists: deps.exists });
    this.missing = found.found ? null : found.message;
    if (found.found) {
      this.converter = new PdfConverter({ soffice: found.path, timeoutMs: (config.pdf?.timeoutSeconds ?? DEFAULT_PDF_TIMEOUT_SECONDS) * 1000 });
    }
  }

  /** Converts each document, one at a time; one failure does not stop the others. */
  async convert(docxFiles: string[], force: boolean): Promise<PdfOutcome> {
    if (!this.converter) {
      return { files: [], failure: new PdfError(`${this.missing}\nVăn bản .docx đã được ghi; chưa có PDF.`) };
    }
    const files: string[] = [];
    const problems: string[] = [];
    for (const docx of docxFiles) {
      try {
        files.push(await this.converter.convert(docx, force));
      } catch (e) {
        if (!(e instanceof PdfConversionError || e instanceof DakindexError)) throw e;
        problems.push(e.message);
      }
    }
    if (!problems.length) return { files, failure: null };
    const head = problems.length === 1 ? 'Không tạo được PDF:' : `Không tạo được ${problems.length}/${docxFiles.length} PDF:`;
    return { files, failure: new PdfError(`${head}\n${problems.map((p) => `  - ${p}`).join('\n')}\nVăn bản .docx đã được ghi.`) };
  }

  async close(): Promise<void> {
    await this.converter?.close();
  }
}

/** Converts the documents of one command with a PdfOutput of its own. */
export async function convertToPdf(docxFiles: string[], force: boolean, config: Config, io: CliIO): Promise<PdfOutcome> {
  const out = new PdfOutput(config, io);
  try {
    return await out.convert(docxFiles, force);
  } finally {
    await out.close();
  }
}
