import { z } from 'zod';
import { isIsoDate, ISO_DATE_FORMAT } from '../core/iso-date.js';
import { RECIPIENT_LEVELS, unknownPlaceholders } from '../core/documents/recipients.js';
import { BAND_KEYS, GROUP_KEYS } from '../core/types.js';
import { BASIS_PLACES, citedDates } from '../core/documents/dated-wording.js';
import { DOCUMENT_KIND_KEYS, type DocumentKindKey } from '../core/documents/settings.js';

const groupSchema = z.strictObject({
  /** Label in sentences and appendix headers ("Công khai, minh bạch"). */
  label: z.string().min(1),
  max: z.number().positive(),
});

const bandSchema = z.strictObject({
  key: z.enum(BAND_KEYS),
  label: z.string().min(1),
  /** Lower bound, inclusive. The lowest band has min 0. */
  min: z.number().min(0).max(100),
});

const signerSchema = z.strictObject({
  /** Quyền hạn, chức vụ lines, e.g. ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]. */
  title: z.array(z.string().min(1)).min(1),
  /** Họ và tên; --signer replaces it for one run. Empty: printed without a name, with a warning. */
  name: z.string(),
});

/** A Nơi nhận item without the leading "- "; {signer.name} and {signer.short} name the signer. */
const recipientText = z
  .string()
  .min(1)
  .superRefine((s, ctx) => {
    for (const p of unknownPlaceholders(s)) {
      ctx.addIssue({ code: 'custom', message: `chỗ điền không rõ "${p}": dùng {signer.name} (họ tên người ký) hoặc {signer.short} (tên, ví dụ "Hùng")` });
    }
  });

/** An item sent always, or only when the document's data hold a level ("UBND các huyện, thị xã, thành phố;"). */
const recipientSchema = z.union([recipientText, z.strictObject({ text: recipientText, level: z.enum(RECIPIENT_LEVELS) })], {
  error: 'cần một dòng chữ, hoặc { "text": "...", "level": "so" | "huyen" | "xa" }',
});

const issuerSchema = z.strictObject({
  /** Cơ quan chủ quản lines (regular); empty when the issuer has none. */
  parent: z.array(z.string()),
  /** Cơ quan ban hành lines (bold). */
  name: z.array(z.string().min(1)).min(1),
  /** The issuer as named in an appendix note: "Văn phòng UBND tỉnh". */
  shortName: z.string().min(1),
});

const documentKindSchema = z.strictObject({
  issuer: issuerSchema,
  /** Ký hiệu after the slash: "BC-VPUBND", "VPUBND-KSTTHC". */
  symbol: z.string().min(1),
  signer: signerSchema,
  /** Nơi nhận items, in order. */
  recipients: z.array(recipientSchema).min(1),
});

const isoDate = z.string().regex(ISO_DATE_FORMAT, 'cần ngày dạng YYYY-MM-DD').refine(isIsoDate, 'ngày không tồn tại');

const legalBasisSchema = z.strictObject({
  /** The basis as cited: "Công văn số 1541/UBND-KSTTHC ngày 27/02/2024 của UBND tỉnh về việc ...". */
  text: z.string().min(1),
  /** First date of a document that cites it: not before any "ngày dd/mm/yyyy" of `text`. */
  from: isoDate,
  /** Last date of a document that cites it (a yearly plan: 31 December of its year). */
  until: isoDate.optional(),
  /** Where the templates cite it (see BASIS_PLACES). */
  in: z.array(z.enum(BASIS_PLACES)).min(1),
});

const datedNameSchema = z.strictObject({
  name: z.string().min(1),
  from: isoDate.optional(),
  until: isoDate.optional(),
});

const mm = (min: number, max: number) => z.number().min(min).max(max);

const trendCount = z
  .number()
  .int('cần số nguyên')
  .min(0, 'cần 0 (không có) hoặc từ 2 đến 24')
  .max(24, 'cần 0 (không có) hoặc từ 2 đến 24')
  .refine((n) => n !== 1, 'cần 0 (không có) hoặc từ 2 đến 24: diễn biến cần ít nhất hai kỳ');

export const configSchema = z
  .strictObject({
    province: z.strictObject({
      /** "Đắk Lắk" */
      name: z.string().min(1),
      /** Place name in the date line. */
      place: z.string().min(1),
    }),
    groups: z.strictObject(Object.fromEntries(GROUP_KEYS.map((k) => [k, groupSchema])) as Record<
      (typeof GROUP_KEYS)[number],
      typeof groupSchema
    >),
    bands: z.array(bandSchema).length(5),
    layout: z.strictObject({
      margins: z.strictObject({
        top: mm(20, 25),
        bottom: mm(20, 25),
        left: mm(30, 35),
        right: mm(15, 20),
      }),
      bodySize: z.union([z.literal(13), z.literal(14)]),
    }),
    input: z.strictObject({
      /** Refuse a workbook whose parts inflate past this many bytes. */
      maxInflatedBytes: z.number().int().positive(),
      /** Refuse a sheet with more rows than this. */
      maxRows: z.number().int().positive(),
      /** How many cell errors of a file are listed before the rest are counted. */
      maxErrors: z.number().int().positive(),
    }),
    comparison: z.strictObject({
      /**
       * Bands whose count line names the change since the previous period. The office names it for
       * Xuất sắc only (seed 001: "giảm 05 địa phương" on Xuất sắc, none on Tốt).
       */
      countChangeBands: z.array(z.enum(BAND_KEYS)),
    }),
    /**
     * How many periods of its kind the "Diễn biến" passage, chart and appendix of a report cover,
     * the report's own included: 0 for none, else 2 to 24. Weekly reports have it only when asked.
     */
    trend: z.strictObject({ weeks: trendCount, months: trendCount, quarters: trendCount, years: trendCount }),
    dataDir: z.string().min(1),
    outDir: z.string().min(1),
    /** --pdf: LibreOffice's soffice (else DAKINDEX_SOFFICE, PATH, the install folders) and the time allowed per document. */
    pdf: z
      .strictObject({
        soffice: z.string().min(1).optional(),
        timeoutSeconds: z.number().int().min(1).max(3600).optional(),
      })
      .optional(),
    /** One entry per document kind (DOCUMENT_KIND_KEYS): its issuer, symbol, signer and Nơi nhận. */
    documents: z.strictObject(
      Object.fromEntries(DOCUMENT_KIND_KEYS.map((k) => [k, documentKindSchema])) as Record<DocumentKindKey, typeof documentKindSchema>,
    ),
    /** Legal bases cited by date (src/core/documents/dated-wording.ts). */
    legalBases: z.array(legalBasisSchema),
    /** Names of bodies and systems by date: `names.digitalAgency` ... in the templates. */
    names: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'tên khóa chỉ gồm chữ cái, chữ số'), z.array(datedNameSchema).min(1)),
    /**
     * Option values used when neither the command line nor a DAKINDEX_* variable gives them, keyed
     * by the option's long name (`data`, `out`, `lock-wait`); checked in src/cli/option-sources.ts.
     */
    defaults: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((cfg, ctx) => {
    const keys = cfg.bands.map((b) => b.key);
    keys.forEach((k, i) => {
      if (keys.indexOf(k) !== i) ctx.addIssue({ code: 'custom', path: ['bands', i, 'key'], message: `loại "${k}" đã có ở trên; mỗi loại một lần` });
    });
    const mins = cfg.bands.map((b) => b.min);
    for (let i = 1; i < mins.length; i++) {
      if (!(mins[i]! < mins[i - 1]!)) {
        ctx.addIssue({
          code: 'custom',
          path: ['bands', i, 'min'],
          message: 'ngưỡng các loại phải giảm dần (Xuất sắc cao nhất)',
        });
      }
    }
    cfg.legalBases.forEach((b, i) => {
      if (b.until !== undefined && b.until < b.from) {
        ctx.addIssue({ code: 'custom', path: ['legalBases', i, 'until'], message: `until (${b.until}) trước from (${b.from})` });
      }
      const latest = citedDates(b.text).sort().at(-1);
      if (latest !== undefined && latest > b.from) {
        ctx.addIssue({
          code: 'custom',
          path: ['legalBases', i, 'from'],
          message: `văn bản ghi ngày ${latest}: chỉ được trích dẫn từ ngày đó, from phải từ ${latest} trở đi (đang là ${b.from})`,
        });
      }
    });
    for (const [key, entries] of Object.entries(cfg.names)) {
      entries.forEach((e, i) => {
        if (e.from !== undefined && e.until !== undefined && e.until < e.from) {
          ctx.addIssue({ code: 'custom', path: ['names', key, i, 'until'], message: `until (${e.until}) trước from (${e.from})` });
        }
        for (let j = 0; j < i; j++) {
          const o = entries[j]!;
          const overlap = (e.from ?? '') <= (o.until ?? '9999') && (o.from ?? '') <= (e.until ?? '9999');
          if (overlap) {
            ctx.addIssue({ code: 'custom', path: ['names', key, i], message: `khoảng ngày trùng với names.${key}.${j}: mỗi ngày chỉ một tên` });
          }
        }
      });
    }
    if (mins[mins.length - 1] !== 0) {
      ctx.addIssue({ code: 'custom', path: ['bands', 4, 'min'], message: 'loại thấp nhất phải có ngưỡng 0' });
    }
  });

export type Config = z.infer<typeof configSchema>;
export type { DocumentKindKey };
export type DocumentKindConfig = Config['documents'][DocumentKindKey];
