import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFileAtomic } from '../output-file.js';

export const DEFAULT_PDF_TIMEOUT_SECONDS = 120;

/** The PDF beside a document: same folder, same base name. */
export function pdfPathOf(docx: string): string {
  return join(dirname(docx), `${basename(docx, extname(docx))}.pdf`);
}

/** A conversion that did not give a PDF; the message (Vietnamese) names the document. */
export class PdfConversionError extends Error {}

export interface PdfConverterOptions {
  /** The soffice executable (see find-soffice.ts). */
  soffice: string;
  timeoutMs: number;
  /** Where the session's temporary folder goes (default: the system's). */
  tmpRoot?: string;
}

/**
 * Converts .docx files to PDF with `soffice --headless --convert-to pdf`, one at a time, all with
 * one LibreOffice profile in a temporary folder: the profile is made once (the slow part of a
 * first start) and a LibreOffice the user has open is not disturbed. close() removes the folder.
 */
export class PdfConverter {
  private dir: string | null = null;
  private profileNumber = 1;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly opts: PdfConverterOptions) {}

  /** Converts `docx` and writes its PDF beside it atomically (refused if it exists, unless `force`); the PDF's path. */
  convert(docx: string, force: boolean): Promise<string> {
    const run = this.queue.then(() => this.convertNow(docx, force));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Waits for the conversion under way, then removes the temporary folder and profile. */
  async close(): Promise<void> {
    await this.queue;
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }

  private workDir(): string {
    this.dir ??= mkdtempSync(join(this.opts.tmpRoot ?? tmpdir(), 'dakindex-soffice-'));
    return this.dir;
  }

  private async convertNow(docx: string, force: boolean): Promise<string> {
    const work = this.workDir();
    const profile = pathToFileURL(join(work, `profile-${this.profileNumber}`)).href;
    const outDir = mkdtempSync(join(work, 'out-'));
    try {
      const args = [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, docx];
      const r = await runBounded(this.opts.soffice, args, this.opts.timeoutMs);
      if (r.timedOut) {
        // The killed instance may have left its profile half-written: the next document gets a new one.
        this.profileNumber++;
        throw new PdfConversionError(
          `LibreOffice chưa chuyển xong ${docx} sang PDF sau ${Math.round(this.opts.timeoutMs / 1000)} giây nên đã bị dừng (máy chậm hoặc LibreOffice bị treo; tăng pdf.timeoutSeconds trong tệp cấu hình nếu cần).`,
        );
      }
      if (r.spawnError) throw new PdfConversionError(`Không chạy được ${this.opts.soffice} để chuyển ${docx} sang PDF: ${r.spawnError}`);
      const produced = join(outDir, `${basename(docx, extname(docx))}.pdf`);
      const data = existsSync(produced) ? readFileSync(produced) : null;
      if (!data || data.subarray(0, 5).toString('latin1') !== '%PDF-') {
        const said = r.output.trim().split('\n').slice(-3).join(' ').trim();
        throw new PdfConversionError(
          `LibreOffice không tạo được PDF của ${docx} (${this.opts.soffice}, mã thoát ${r.code ?? '?'}${said ? `: ${said}` : ''}).`,
        );
      }
      const target = pdfPathOf(docx);
      writeFileAtomic(target, data, force);
      return target;
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }
}

interface Finished {
  code: number | null;
  timedOut: boolean;
  spawnError: string | null;
  /** stdout and stderr, the last few kilobytes. */
  output: string;
}

const OUTPUT_KEPT = 8 * 1024;

/** Runs a program with an argument array (no shell) and kills it, with its children, past `timeoutMs`. */
function runBounded(file: string, args: string[], timeoutMs: number): Promise<Finished> {
  return new Promise((done) => {
    let output = '';
    let timedOut = false;
    let settled = false;
    const finish = (f: Omit<Finished, 'output' | 'timedOut'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      done({ ...f, timedOut, output });
    };
    // Its own process group on POSIX, so a timeout also stops soffice.bin, which the soffice launcher starts.
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32', windowsHide: true });
    const keep = (b: Buffer) => {
      output = (output + b.toString('utf8')).slice(-OUTPUT_KEPT);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child.pid);
      child.stdout.destroy();
      child.stderr.destroy();
      finish({ code: null, spawnError: null });
    }, timeoutMs);
    child.on('error', (e) => finish({ code: null, spawnError: e.message }));
    child.on('close', (code) => finish({ code, spawnError: null }));
  });
}

function killTree(pid: number | undefined): void {
  if (pid === undefined) return;
  if (process.platform === 'win32') {
    spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true }).on('error', () => undefined);
    return;
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
