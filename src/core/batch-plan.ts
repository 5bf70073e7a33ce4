import { optionRef } from './option-ref.js';

/**
 * What a batch does with each document, from what an earlier batch recorded of it (the manifest
 * of the output folder) and what is on disk now: keep it, or make it; and whether a file may be
 * written where one already is. A document dakindex did not write, or that was edited since it
 * was written, is never replaced without the force option.
 */

/** A file a batch wrote: its name in the output folder and the sha256 of the bytes written. */
export interface RecordedOutput {
  file: string;
  sha256: string;
}

/** What the manifest holds of one document. */
export interface RecordedDocument {
  /** sha256 of everything the document was made from (data, configuration, templates, options, version). */
  inputs: string;
  docx: RecordedOutput;
  /** Its PDF, when a batch with PDFs made it. */
  pdf?: RecordedOutput | undefined;
}

/** The sha256 of a file of the output folder as it is now; null when there is none. */
export type OnDisk = (file: string) => string | null;

export type DocumentPlan = { action: 'keep'; reason: string } | { action: 'make'; reason: string };

export const PLAN_REASONS = {
  forced: `ghi lại theo ${optionRef('force')}`,
  new: 'văn bản mới',
  changed: 'dữ liệu, cấu hình hoặc mẫu văn bản đã thay đổi',
  deleted: 'tệp đã bị xóa, ghi lại',
  pdfWanted: 'cần thêm bản PDF',
  unchanged: 'dữ liệu, cấu hình và mẫu văn bản không đổi',
  edited: 'tệp đã được sửa sau lần ghi trước; dữ liệu không đổi nên giữ nguyên bản sửa',
} as const;

export interface PlanInput {
  recorded: RecordedDocument | null;
  /** sha256 of what the document would be made from now. */
  inputs: string;
  onDisk: OnDisk;
  /** The batch writes PDFs. */
  pdf: boolean;
  force: boolean;
}

/**
 * Keep a document when its inputs are those recorded and its files are there (a file edited by
 * hand since is kept too: nothing it was made from changed); make it otherwise.
 */
export function planDocument(o: PlanInput): DocumentPlan {
  const make = (reason: string): DocumentPlan => ({ action: 'make', reason });
  if (o.force) return make(PLAN_REASONS.forced);
  const r = o.recorded;
  if (!r) return make(PLAN_REASONS.new);
  if (r.inputs !== o.inputs) return make(PLAN_REASONS.changed);
  const docx = o.onDisk(r.docx.file);
  if (docx === null) return make(PLAN_REASONS.deleted);
  const pdf = o.pdf && r.pdf ? o.onDisk(r.pdf.file) : null;
  if (o.pdf && pdf === null) return make(PLAN_REASONS.pdfWanted);
  const edited = docx !== r.docx.sha256 || (o.pdf && pdf !== r.pdf?.sha256);
  return { action: 'keep', reason: edited ? PLAN_REASONS.edited : PLAN_REASONS.unchanged };
}

export type WriteCheck = { allowed: true; replace: boolean } | { allowed: false; reason: string };

/**
 * May a batch write `file`? Yes when there is none, or when it is the file a batch wrote (its
 * bytes are the ones recorded); otherwise only with the force option.
 */
export function checkWrite(o: { file: string; onDisk: string | null; recorded: string | null; force: boolean }): WriteCheck {
  if (o.onDisk === null) return { allowed: true, replace: false };
  if (o.force || o.onDisk === o.recorded) return { allowed: true, replace: true };
  const force = optionRef('force');
  return {
    allowed: false,
    reason:
      o.recorded === null
        ? `Tệp ${o.file} đã có nhưng không do một lần tạo hàng loạt ghi ra; không ghi đè. Dùng ${force} để ghi đè.`
        : `Tệp ${o.file} đã được sửa sau khi dakindex ghi; không ghi đè để giữ bản sửa. Dùng ${force} để ghi đè (bản sửa sẽ mất) hoặc chuyển tệp đã sửa sang chỗ khác.`,
  };
}
