import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DataError, UsageError } from '../../src/core/errors.js';
import {
  attributeOf,
  describeOrigins,
  envVariableOf,
  mergeOptionSources,
  unknownDefaults,
  unknownVariables,
  type OptionSpec,
} from '../../src/cli/option-sources.js';

/** A command's options as a table would give them: no commander involved. */
const OPTIONS: OptionSpec[] = [
  { name: 'data', type: 'string' },
  { name: 'out', type: 'string' },
  { name: 'force', type: 'boolean' },
  { name: 'json', type: 'boolean' },
  { name: 'sheet', type: 'list' },
  { name: 'lock-wait', type: 'string', schema: z.coerce.number({ message: 'số giây chờ phải là số' }).min(0) },
  { name: 'config', type: 'string' },
  { name: 'week', type: 'string', schema: z.union([z.enum(['current', 'previous']), z.coerce.number().int()], { error: 'tuần phải là số, current hoặc previous' }) },
  { name: 'month', type: 'string' },
  { name: 'year', type: 'string' },
];
const GROUPS = [['week', 'month', 'quarter', 'year']];
const FILE = 'dakindex.config.yaml';

const merge = (flags: Record<string, unknown>, env: Record<string, string>, defaults: Record<string, unknown> | null) =>
  mergeOptionSources({ options: OPTIONS, flags, env, file: defaults ? { path: FILE, defaults } : null, groups: GROUPS });

describe('names', () => {
  it('the environment variable is the long name upper-cased, dashes to underscores', () => {
    expect(envVariableOf('data')).toBe('DAKINDEX_DATA');
    expect(envVariableOf('lock-wait')).toBe('DAKINDEX_LOCK_WAIT');
    expect(attributeOf('lock-wait')).toBe('lockWait');
  });
});

describe('precedence: flag > environment > file > default', () => {
  it('takes each option from the highest source that gives it', () => {
    const m = merge(
      { data: 'flag-data' },
      { DAKINDEX_DATA: 'env-data', DAKINDEX_OUT: 'env-out' },
      { data: 'file-data', out: 'file-out', 'lock-wait': 90 },
    );
    expect(m.values).toEqual({ data: 'flag-data', out: 'env-out', lockWait: '90' });
    expect(m.origins).toEqual({ out: { source: 'env', variable: 'DAKINDEX_OUT' }, lockWait: { source: 'file', file: FILE } });
  });

  it('leaves an option no source gives to its default (absent)', () => {
    const m = merge({}, {}, {});
    expect(m.values).toEqual({});
    expect(m.origins).toEqual({});
  });

  it('an empty variable counts as not set', () => {
    expect(merge({}, { DAKINDEX_OUT: '' }, { out: 'file-out' }).values).toEqual({ out: 'file-out' });
  });

  it('keeps values that are not options (a command argument) as they are', () => {
    expect(merge({ files: ['a.xlsx'] }, {}, { json: true }).values).toEqual({ files: ['a.xlsx'], json: true });
  });

  it('never takes --config from the file', () => {
    expect(merge({}, {}, { config: 'other.yaml' }).values).toEqual({});
    expect(merge({}, { DAKINDEX_CONFIG: 'c.yaml' }, null).values).toEqual({ config: 'c.yaml' });
  });
});

describe('values as the command line would give them', () => {
  it('booleans: 1/0, true/false, yes/no, on/off from the environment; true/false in the file', () => {
    expect(merge({}, { DAKINDEX_FORCE: '1', DAKINDEX_JSON: 'off' }, null).values).toEqual({ force: true, json: false });
    expect(merge({}, { DAKINDEX_FORCE: 'Yes' }, null).values).toEqual({ force: true });
    expect(merge({}, {}, { force: true }).values).toEqual({ force: true });
    expect(() => merge({}, { DAKINDEX_FORCE: 'maybe' }, null)).toThrow(new UsageError('DAKINDEX_FORCE=maybe: cần 1 hoặc 0 (true/false, yes/no, on/off)'));
    expect(() => merge({}, {}, { force: 'yes' })).toThrow(new DataError(`${FILE}, defaults.force: cần true hoặc false`));
  });

  it('lists: one value per line in the environment; a value or a list in the file', () => {
    expect(merge({}, { DAKINDEX_SHEET: 'Điểm tháng\nSở, ban; ngành\n' }, null).values).toEqual({ sheet: ['Điểm tháng', 'Sở, ban; ngành'] });
    expect(merge({}, {}, { sheet: 'Điểm tháng' }).values).toEqual({ sheet: ['Điểm tháng'] });
    expect(merge({}, {}, { sheet: ['A', 'B'] }).values).toEqual({ sheet: ['A', 'B'] });
    expect(() => merge({}, {}, { sheet: [{ a: 1 }] })).toThrow(`${FILE}, defaults.sheet: cần một giá trị hoặc một danh sách giá trị`);
  });

  it('numbers in the file become strings, as typed; other values are refused naming the key', () => {
    expect(merge({}, {}, { month: 11, year: 2025 }).values).toEqual({ month: '11', year: '2025' });
    expect(() => merge({}, {}, { data: null })).toThrow(new DataError(`${FILE}, defaults.data: cần một giá trị (chuỗi hoặc số)`));
    expect(() => merge({}, {}, { out: ['a'] })).toThrow(DataError);
  });

  it('checks values with the option schema, naming the variable (usage error) or the key (configuration error)', () => {
    expect(() => merge({}, { DAKINDEX_WEEK: 'hom-nay' }, null)).toThrow(new UsageError('DAKINDEX_WEEK=hom-nay: tuần phải là số, current hoặc previous'));
    expect(() => merge({}, {}, { 'lock-wait': 'lâu' })).toThrow(new DataError(`${FILE}, defaults.lock-wait: số giây chờ phải là số`));
    // A value typed on the command line is left to the command's own validation.
    expect(merge({ week: 'hom-nay' }, {}, null).values).toEqual({ week: 'hom-nay' });
  });
});

describe('groups come whole from one source', () => {
  it('a period typed on the command line is not joined by the environment or the file', () => {
    const m = merge({ month: '10', year: '2025' }, { DAKINDEX_WEEK: 'current' }, { week: 'previous' });
    expect(m.values).toEqual({ month: '10', year: '2025' });
  });

  it('a period from the environment is not joined by the file', () => {
    const m = merge({}, { DAKINDEX_MONTH: 'previous' }, { week: 'current', year: 2024 });
    expect(m.values).toEqual({ month: 'previous' });
    expect(m.origins).toEqual({ month: { source: 'env', variable: 'DAKINDEX_MONTH' } });
  });

  it('tells the values of the group it left unused, and where they came from', () => {
    const typed = merge({ month: '10', year: '2025' }, { DAKINDEX_WEEK: 'current' }, { week: 'previous' });
    expect(typed.ignored).toEqual([{ name: 'week', value: 'current', origin: { source: 'env', variable: 'DAKINDEX_WEEK' } }]);
    const fromEnv = merge({}, { DAKINDEX_MONTH: 'previous' }, { week: 'current', year: 2024 });
    expect(fromEnv.ignored.map((i) => [i.name, i.value])).toEqual([['week', 'current'], ['year', '2024']]);
    expect(describeOrigins(fromEnv, OPTIONS)).toBe(
      'Tùy chọn không gõ trên dòng lệnh: --month previous (DAKINDEX_MONTH)\n' +
        `Không dùng: --week current (${FILE}, defaults); --year 2024 (${FILE}, defaults), vì các tùy chọn cùng nhóm (kỳ báo cáo; --bottom, --below; --weeks, --months, --quarters) đã có ở nguồn ưu tiên hơn.`,
    );
    // An option outside any group given by a higher source is plain precedence: nothing to tell.
    expect(merge({ data: 'a' }, { DAKINDEX_DATA: 'b' }, { data: 'c' }).ignored).toEqual([]);
  });

  it('else the file gives the whole group', () => {
    expect(merge({}, {}, { month: 5, year: 2024 }).values).toEqual({ month: '5', year: '2024' });
  });

  it('options outside the group are not affected', () => {
    expect(merge({ week: 'current' }, { DAKINDEX_DATA: 'd' }, { out: 'o' }).values).toEqual({ week: 'current', data: 'd', out: 'o' });
  });
});

describe('what the user is told', () => {
  it('lists the options that were not typed and where they came from', () => {
    const m = merge({ week: 'current' }, { DAKINDEX_FORCE: '1', DAKINDEX_OUT: '/srv/bao cao' }, { data: 'D:/Du lieu', sheet: ['A', 'B'] });
    expect(describeOrigins(m, OPTIONS)).toBe(
      `Tùy chọn không gõ trên dòng lệnh: --data D:/Du lieu (${FILE}, defaults); --out /srv/bao cao (DAKINDEX_OUT); --force (DAKINDEX_FORCE); --sheet A, B (${FILE}, defaults)`,
    );
    expect(describeOrigins(merge({ data: 'x' }, {}, null), OPTIONS)).toBeNull();
  });

  it('finds defaults keys and DAKINDEX_* variables that are no option', () => {
    const all = ['data', 'out', 'lock-wait', 'config', 'bottom'];
    expect(unknownDefaults({ data: 1, dataDir: 'x', lockWait: 3, config: 'c', bottom: 7 }, all)).toEqual(['dataDir', 'lockWait', 'config']);
    expect(unknownVariables({ DAKINDEX_DATA: 'x', DAKINDEX_LOCKWAIT: '1', DAKINDEX_TODAY: '2025-11-14', PATH: '/bin', DEBUG: 'dakindex' }, all, ['DAKINDEX_TODAY'])).toEqual([
      'DAKINDEX_LOCKWAIT',
    ]);
  });
});
