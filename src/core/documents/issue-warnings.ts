import type { DocumentKindKey, DocumentSettings } from './settings.js';
import { formatShortDate } from '../format-vi.js';
import type { Warning } from '../types.js';
import type { Issue } from './common.js';
import { signerName, usesSignerName } from './recipients.js';
import { optionRef } from '../option-ref.js';

/** What a run is told about how its document will be signed and dated, before anyone signs it. */

/** The date a document may not be issued before: the data's evaluation date, or the announcement. */
export interface IssueReference {
  /** ISO date. */
  date: string;
  /** "ngày đánh giá của dữ liệu", "ngày công bố kết quả (tệp par-sipas-2021.yaml)". */
  what: string;
}

/** The usual reference: the evaluation date of the score data. */
export function evaluationDate(date: string): IssueReference {
  return { date, what: 'ngày đánh giá của dữ liệu' };
}

export function issueWarnings(config: DocumentSettings, key: DocumentKindKey, issue: Omit<Issue, 'fallback'>, reference: IssueReference): Warning[] {
  const out: Warning[] = [];
  const kind = config.documents[key];
  if (!signerName(kind.signer.name, issue.signer)) {
    const title = kind.signer.title[kind.signer.title.length - 1]!;
    const blank = usesSignerName(kind.recipients) ? ', Nơi nhận để trống tên đồng chí' : '';
    out.push({
      message:
        `Chưa có họ tên người ký (khóa documents.${key}.signer.name trong cấu hình để trống): ` +
        `văn bản in "${title}" không có họ tên${blank}. Điền khóa này, hoặc dùng ${optionRef('signer')} "Họ và tên" cho lần chạy này.`,
    });
  }
  if (issue.issued && issue.issued < reference.date) {
    out.push({
      message:
        `${optionRef('issued')}: ngày ban hành ${formatShortDate(issue.issued)} trước ${reference.what} (${formatShortDate(reference.date)}); ` +
        'văn bản vẫn ghi ngày này, kiểm tra lại ngày ban hành.',
    });
  }
  return out;
}
