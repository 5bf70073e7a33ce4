/**
 * Native Word charts (src/io/docx/chart.ts): the chart part against dml-chart.xsd, its cached values
 * equal to the model's, the axes (the rank's reversed, on the right), the embedded workbook, the
 * drawing in the body and the package's relationships and content types.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Chart } from '../../src/core/documents/model.js';
import { DataError } from '../../src/core/errors.js';
import { axisScale, chartSpaceXml, chartWorkbook, CHART_CONTENT_TYPE, SHARED_PLOT, XLSX_CONTENT_TYPE } from '../../src/io/docx/chart.js';
import { renderDocx } from '../../src/io/docx/render.js';
import { STYLE } from '../../src/io/docx/styles.js';
import { all, ancestor, kid, kids, openDocx, parseXml, textOf, unzipBytes, type XmlElement } from '../helpers/docx-xml.js';
import { SML_XSD, validateDocx, validatePart, xmllintAvailable } from '../helpers/ooxml-validate.js';
import { baoCaoModel } from './sample-model.js';

beforeAll(() => {
  if (!xmllintAvailable()) throw new Error('xmllint is needed for these tests (Debian package libxml2-utils)');
});

const CHART: Chart = {
  title: 'Điểm số, thứ hạng của tỉnh Đắk Lắk',
  categories: ['Quý IV/2025', 'Quý I/2026', 'Quý II/2026', 'Quý III/2026'],
  series: [
    { name: 'Điểm số', values: [86.14, null, 87.65, 88.72], axis: 'left', axisTitle: 'Điểm', reversed: false, decimals: 2 },
    { name: 'Thứ hạng', values: [22, null, 19, 16], axis: 'right', axisTitle: 'Thứ hạng (1 là cao nhất)', reversed: true, decimals: 0, bounds: { min: 1, max: 34 } },
  ],
};

const val = (el: XmlElement | undefined): string | undefined => el?.attrs.val;
const text = (el: XmlElement | undefined): string => (el ? el.children.filter((c): c is string => typeof c === 'string').join('') : '');

/** The cached points of a c:strCache or c:numCache: ptCount and idx → value. */
function cache(el: XmlElement): { count: number; points: Map<number, string> } {
  return {
    count: Number(val(kid(el, 'c:ptCount'))),
    points: new Map(kids(el, 'c:pt').map((p) => [Number(p.attrs.idx), text(kid(p, 'c:v'))])),
  };
}

describe('the chart part', () => {
  const xml = chartSpaceXml(CHART, 'rId1');
  const root = parseXml(xml);

  it('validates against dml-chart.xsd', () => {
    const v = validatePart('word/charts/chart1.xml', xml);
    expect(v.ok, v.errors).toBe(true);
  });

  it('the validation can fail: a chart part with its elements out of order does not validate', () => {
    const bad = xml.replace('<c:autoTitleDeleted val="0"/>', '').replace('<c:plotVisOnly val="1"/>', '<c:plotVisOnly val="1"/><c:autoTitleDeleted val="0"/>');
    expect(validatePart('word/charts/chart1.xml', bad).ok).toBe(false);
  });

  it('caches the categories and every value of each series, a missing value as no point (a gap), not a zero', () => {
    const series = all(root, 'c:ser');
    expect(series).toHaveLength(2);
    series.forEach((ser, i) => {
      const model = CHART.series[i]!;
      expect(text(first(ser, 'c:v'))).toBe(model.name);
      const cats = cache(first(kid(ser, 'c:cat')!, 'c:strCache')!);
      expect(cats.count).toBe(4);
      expect([...cats.points.values()]).toEqual(CHART.categories);
      const values = cache(first(kid(ser, 'c:val')!, 'c:numCache')!);
      expect(values.count).toBe(4);
      expect([...values.points.keys()]).toEqual([0, 2, 3]);
      expect([...values.points.values()].map(Number)).toEqual(model.values.filter((v) => v !== null));
    });
    expect(val(first(root, 'c:dispBlanksAs'))).toBe('gap');
  });

  it('draws the score on the left axis and the rank on a reversed axis at the right, each line chart on its own pair of axes', () => {
    const charts = all(root, 'c:lineChart');
    expect(charts).toHaveLength(2);
    const axisIds = charts.map((c) => kids(c, 'c:axId').map((a) => val(a)));
    const valAxes = all(root, 'c:valAx');
    const catAxes = all(root, 'c:catAx');
    const byId = (list: XmlElement[], id: string | undefined) => list.find((a) => val(kid(a, 'c:axId')) === id)!;
    const [scoreCat, scoreVal] = [byId(catAxes, axisIds[0]![0]), byId(valAxes, axisIds[0]![1])];
    const [rankCat, rankVal] = [byId(catAxes, axisIds[1]![0]), byId(valAxes, axisIds[1]![1])];
    expect(val(first(scoreVal, 'c:orientation'))).toBe('minMax');
    expect(val(kid(scoreVal, 'c:axPos'))).toBe('l');
    expect(val(first(rankVal, 'c:orientation'))).toBe('maxMin');
    expect(val(kid(rankVal, 'c:axPos'))).toBe('r');
    expect(val(kid(rankVal, 'c:crosses'))).toBe('max');
    expect(val(kid(scoreCat, 'c:delete'))).toBe('0');
    expect(val(kid(rankCat, 'c:delete'))).toBe('1');
    // The rank axis starts at 1 at most and never goes past the 34 ranked.
    const rankMin = Number(val(first(rankVal, 'c:min')));
    const rankMax = Number(val(first(rankVal, 'c:max')));
    expect(rankMin).toBeGreaterThanOrEqual(1);
    expect(rankMin).toBeLessThanOrEqual(16);
    expect(rankMax).toBeLessThanOrEqual(34);
    expect(rankMax).toBeGreaterThanOrEqual(22);
    expect(textOfRich(kid(scoreVal, 'c:title')!)).toBe('Điểm');
    expect(textOfRich(kid(rankVal, 'c:title')!)).toBe('Thứ hạng (1 là cao nhất)');
  });

  it('writes its text in Times New Roman, 11 pt, the title 12 pt bold, labels with a decimal comma', () => {
    const fonts = new Set(all(root, 'a:latin').map((l) => l.attrs.typeface));
    expect(fonts).toEqual(new Set(['Times New Roman']));
    const sizes = new Set(all(root, 'a:defRPr').map((r) => r.attrs.sz));
    expect(sizes).toEqual(new Set(['1100', '1200']));
    const title = kid(first(root, 'c:chart')!, 'c:title')!;
    expect(textOfRich(title)).toBe(CHART.title);
    expect(first(title, 'a:rPr')!.attrs).toMatchObject({ sz: '1200', b: '1' });
    const labelFormats = all(root, 'c:dLbls').map((d) => kid(d, 'c:numFmt')!.attrs.formatCode);
    expect(labelFormats).toEqual(['[$-42A]0.00', '[$-42A]0']);
  });

  it('refers to its workbook when it has one, and only then', () => {
    expect(first(root, 'c:externalData')!.attrs['r:id']).toBe('rId1');
    expect(first(parseXml(chartSpaceXml(CHART)), 'c:externalData')).toBeUndefined();
  });

  it('is never empty: a series without any value, or with a value count other than the categories\', is refused', () => {
    const none = { ...CHART, series: [{ ...CHART.series[0]!, values: [null, null, null, null] }] };
    expect(() => chartSpaceXml(none)).toThrow(DataError);
    expect(() => chartSpaceXml({ ...CHART, categories: ['A'] })).toThrow(DataError);
    expect(() => chartSpaceXml({ ...CHART, series: [] })).toThrow(DataError);
  });
});

function first(el: XmlElement, name: string): XmlElement | undefined {
  return all(el, name)[0];
}

function textOfRich(title: XmlElement): string {
  return all(title, 'a:t').map(text).join('');
}

describe('value labels', () => {
  /** The province low in score and low in rank at first (its points meet), then up in both. */
  const MEETING: Chart = {
    ...CHART,
    categories: ['Quý IV/2025', 'Quý I/2026'],
    series: [
      { ...CHART.series[0]!, values: [83.86, 93.79] },
      { ...CHART.series[1]!, values: [33, 21] },
    ],
  };
  const sidesOf = (xml: string) =>
    all(parseXml(xml), 'c:ser').map((ser) => kids(kid(ser, 'c:dLbls')!, 'c:dLbl').map((d) => [Number(val(kid(d, 'c:idx'))), val(kid(d, 'c:dLblPos'))]));

  it('stand over the higher point and under the lower one at each category, so two labels never meet', () => {
    const xml = chartSpaceXml(MEETING);
    expect(validatePart('word/charts/chart1.xml', xml).ok).toBe(true);
    const [score, rank] = sidesOf(xml);
    // Rank 33 of 34 on the reversed axis is drawn under the score 83,86: the score's label goes over it.
    expect(score).toEqual([[0, 't'], [1, 'b']]);
    expect(rank).toEqual([[0, 'b'], [1, 't']]);
  });

  it('keep the series’ number format on every point (a decimal comma, not the point of "General")', () => {
    const ser = all(parseXml(chartSpaceXml(MEETING)), 'c:ser')[0]!;
    for (const d of kids(kid(ser, 'c:dLbls')!, 'c:dLbl')) expect(kid(d, 'c:numFmt')!.attrs.formatCode).toBe('[$-42A]0.00');
  });

  it('give a missing value no label', () => {
    const [score] = sidesOf(chartSpaceXml(CHART));
    expect(score!.map(([k]) => k)).toEqual([0, 2, 3]);
  });
});

describe('the embedded workbook', () => {
  const parts = unzipBytes(chartWorkbook(CHART));

  it('is a SpreadsheetML package whose workbook and sheet validate against sml.xsd', () => {
    expect([...parts.keys()].sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    for (const part of ['xl/workbook.xml', 'xl/worksheets/sheet1.xml']) {
      const v = validatePart(part, parts.get(part)!.toString('utf8'), SML_XSD);
      expect(v.ok, `${part}: ${v.errors}`).toBe(true);
    }
  });

  it('holds the chart\'s figures where the chart refers to them, as Excel reads them', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(chartWorkbook(CHART) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Sheet1')!;
    const row = (r: number) => [1, 2, 3].map((c) => ws.getCell(r, c).value ?? null);
    expect(row(1)).toEqual([null, 'Điểm số', 'Thứ hạng']);
    expect(row(2)).toEqual(['Quý IV/2025', 86.14, 22]);
    expect(row(3)).toEqual(['Quý I/2026', null, null]);
    expect(row(5)).toEqual(['Quý III/2026', 88.72, 16]);
    // The chart's references: categories A2:A5, series in B and C with their names in row 1.
    const root = parseXml(chartSpaceXml(CHART));
    expect(all(root, 'c:f').map(text)).toEqual(['Sheet1!$B$1', 'Sheet1!$A$2:$A$5', 'Sheet1!$B$2:$B$5', 'Sheet1!$C$1', 'Sheet1!$A$2:$A$5', 'Sheet1!$C$2:$C$5']);
  });
});

describe('axis scales', () => {
  it('gives the score about four round steps, room under the lowest value, the values in the lower part', () => {
    expect(axisScale([86.14, 86.9, 87.65, 88.72], 2, {}, SHARED_PLOT)).toEqual({ min: 85, max: 94, step: 1 });
    expect(axisScale([88.45, 88.72], 2, {}, SHARED_PLOT)).toEqual({ min: 88.2, max: 89.4, step: 0.2 });
  });

  it('keeps scores within 100 and ranks between 1 and the number ranked', () => {
    expect(axisScale([70.12, 73.73, 86.14], 2, { min: 0, max: 100 }, SHARED_PLOT).max).toBe(100);
    expect(axisScale([1, 3], 0, { min: 1, max: 34 }, SHARED_PLOT).min).toBe(1);
    expect(axisScale([30, 34], 0, { min: 1, max: 34 }, SHARED_PLOT).max).toBe(34);
  });

  it('on any values: they lie inside, in the share asked, with room for labels under them, in whole steps', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1000, max: 10000 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(SHARED_PLOT, 0.8),
        (cents, share) => {
          const values = cents.map((c) => c / 100);
          const { min, max, step } = axisScale(values, 2, {}, share);
          const lo = Math.min(...values);
          const hi = Math.max(...values);
          expect(min).toBeLessThanOrEqual(lo);
          expect(max).toBeGreaterThanOrEqual(hi);
          expect((hi - min) / (max - min)).toBeLessThanOrEqual(share + 1e-9);
          expect(lo - min).toBeGreaterThanOrEqual(0.1 * (max - min) - 1e-9);
          expect(Math.abs(min / step - Math.round(min / step))).toBeLessThan(1e-6);
          expect((max - min) / step).toBeLessThanOrEqual(16);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a chart in a document', () => {
  const withChart = (charts: Chart[]) => {
    const base = baoCaoModel();
    return {
      ...base,
      body: [
        base.body[0]!,
        ...charts.map((chart) => ({ type: 'chart' as const, chart })),
        { type: 'paragraph' as const, runs: [{ text: 'Sau biểu đồ.' }] },
        ...base.body.slice(1),
      ],
    };
  };
  let buffer: Buffer;
  beforeAll(async () => {
    buffer = await renderDocx(withChart([CHART, { ...CHART, title: 'Biểu đồ hai', series: [CHART.series[0]!] }]));
  });

  it('validates: document.xml with its drawings (wml.xsd), the chart parts (dml-chart.xsd)', () => {
    expect(validateDocx(buffer)).toEqual([]);
  });

  it('stands in a centred paragraph of its own where the model puts it, as an inline drawing of the chart part', () => {
    const docx = openDocx(buffer);
    const drawings = all(docx.body, 'w:drawing');
    expect(drawings).toHaveLength(2);
    const p = ancestor(drawings[0]!, 'w:p')!;
    expect(kid(kid(p, 'w:pPr'), 'w:pStyle')!.attrs['w:val']).toBe(STYLE.chart);
    const paragraphs = all(docx.body, 'w:p');
    const at = paragraphs.indexOf(p);
    expect(textOf(paragraphs[at + 2]!)).toBe('Sau biểu đồ.');
    const inline = first(drawings[0]!, 'wp:inline')!;
    expect(first(inline, 'a:graphicData')!.attrs.uri).toBe('http://schemas.openxmlformats.org/drawingml/2006/chart');
    // Inline ids are unique in the document; the extent is the text width (9355 twips) by 8,5 cm.
    expect(all(docx.body, 'wp:docPr').map((d) => d.attrs.id)).toEqual(['1', '2']);
    expect(kid(inline, 'wp:extent')!.attrs).toEqual({ cx: String(9355 * 635), cy: String(4820 * 635) });
    // Each drawing reaches its own chart part.
    const rels = parseXml(docx.files.get('word/_rels/document.xml.rels')!);
    const target = (id: string) => kids(rels, 'Relationship').find((r) => r.attrs.Id === id)!.attrs.Target;
    expect(drawings.map((d) => target(first(d, 'c:chart')!.attrs['r:id']!))).toEqual(['charts/chart1.xml', 'charts/chart2.xml']);
    expect(textOfRich(kid(first(parseXml(docx.files.get('word/charts/chart2.xml')!), 'c:chart')!, 'c:title')!)).toBe('Biểu đồ hai');
  });

  it('declares the chart parts and their workbooks, and relates each chart to its workbook', () => {
    const docx = openDocx(buffer);
    const types = parseXml(docx.files.get('[Content_Types].xml')!);
    const override = (part: string) => kids(types, 'Override').find((o) => o.attrs.PartName === part)?.attrs.ContentType;
    expect(override('/word/charts/chart1.xml')).toBe(CHART_CONTENT_TYPE);
    expect(override('/word/embeddings/Microsoft_Excel_Worksheet1.xlsx')).toBe(XLSX_CONTENT_TYPE);
    const rels = parseXml(docx.files.get('word/charts/_rels/chart1.xml.rels')!);
    expect(kids(rels, 'Relationship').map((r) => r.attrs)).toEqual([
      { Id: 'rId1', Type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/package', Target: '../embeddings/Microsoft_Excel_Worksheet1.xlsx' },
    ]);
    expect(unzipBytes(buffer).get('word/embeddings/Microsoft_Excel_Worksheet1.xlsx')!.equals(chartWorkbook(CHART))).toBe(true);
  });

  it('leaves a document without charts as it was: no chart part, no drawing', async () => {
    const docx = openDocx(await renderDocx(baoCaoModel()));
    expect([...docx.files.keys()].some((n) => n.includes('chart'))).toBe(false);
    expect(all(docx.body, 'w:drawing')).toHaveLength(0);
  });
});
