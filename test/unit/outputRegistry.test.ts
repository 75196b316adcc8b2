// The output registry: each command's renderers match its formats, format choice from flags and file names, and the errors for what a command cannot write.
import { dossierRenderers } from '../../src/format/dossier.js';
import { describe, expect, it } from 'vitest';
import { FORMATS, OUTPUTS, resolveOutputFormat, type OutputKind } from '../../src/format/registry.js';
import { weeklyRenderers } from '../../src/format/weeklyReport.js';
import { limitationRenderers } from '../../src/format/limitation.js';
import { agingRenderers } from '../../src/format/aging.js';
import { officersRenderers } from '../../src/format/officers.js';
import { agendaRenderers } from '../../src/format/agenda.js';
import { placeListRenderers } from '../../src/format/places.js';
import { borrowerFindRenderers } from '../../src/format/borrowers.js';
import { visitListRenderers } from '../../src/format/visits.js';
import { promiseListRenderers } from '../../src/format/promises.js';
import { noticeListRenderers } from '../../src/format/notices.js';
import { reconcileRenderers } from '../../src/format/reconcile.js';
import { costListRenderers, costReportRenderers } from '../../src/format/costs.js';
import { legalReportRenderers } from '../../src/format/legal.js';
import { UsageError } from '../../src/domain/errors.js';
import { wrapForWechat } from '../../src/format/weeklyReportAsWechat.js';
import { displayWidth } from '../../src/format/displayWidth.js';

const RENDERERS: Record<OutputKind, object> = {
  'report weekly': weeklyRenderers,
  'report limitation': limitationRenderers,
  'report aging': agingRenderers,
  'report officers': officersRenderers,
  agenda: agendaRenderers,
  'place list': placeListRenderers,
  'borrower find': borrowerFindRenderers,
  'visit list': visitListRenderers,
  'promise list': promiseListRenderers,
  'notice list': noticeListRenderers,
  reconcile: reconcileRenderers,
  'loan dossier': dossierRenderers,
  'report costs': costReportRenderers,
  'report legal': legalReportRenderers,
  'cost list': costListRenderers,
};

function usage(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as UsageError).text.en;
  }
  throw new Error('expected a usage error');
}

describe('the registry', () => {
  it('every report and list has exactly one renderer per format it offers', () => {
    for (const kind of Object.keys(OUTPUTS) as OutputKind[]) expect(Object.keys(RENDERERS[kind]).sort(), kind).toEqual([...OUTPUTS[kind]].sort());
  });

  it('every report and list writes Excel, and no two formats share an extension', () => {
    for (const kind of Object.keys(OUTPUTS) as OutputKind[]) expect(OUTPUTS[kind], kind).toContain('xlsx');
    const exts = Object.values(FORMATS).flatMap((f) => [...f.extensions]);
    expect(new Set(exts).size).toBe(exts.length);
  });

  it('picks the format from --format or its shortcut, else the --out extension, else text', () => {
    expect(resolveOutputFormat('report aging', {})).toBe('text');
    expect(resolveOutputFormat('report aging', { json: true })).toBe('json');
    expect(resolveOutputFormat('report aging', { csv: true, format: 'csv' })).toBe('csv');
    expect(resolveOutputFormat('report aging', { out: 'A.XLSX' })).toBe('xlsx');
    expect(resolveOutputFormat('report weekly', { out: 'w.htm' })).toBe('html');
    expect(resolveOutputFormat('report weekly', { out: 'w.markdown' })).toBe('md');
    expect(resolveOutputFormat('report weekly', { plain: true })).toBe('wechat');
    expect(resolveOutputFormat('report weekly', { format: 'wechat', out: 'w.txt' })).toBe('wechat');
    // An explicit format wins over the name.
    expect(resolveOutputFormat('place list', { format: 'csv', out: 'p.json' })).toBe('csv');
  });

  it('refuses what a command cannot write, naming the format and the choices', () => {
    expect(usage(() => resolveOutputFormat('report aging', { out: 'a.html' }))).toBe(
      'report aging cannot write the html format (--out a.html): it writes text, md, json, csv, xlsx; use a .txt, .md, .json, .csv, .xlsx name or say it with --format.',
    );
    expect(usage(() => resolveOutputFormat('visit list', { format: 'md' }))).toContain('text, json, csv, xlsx');
    expect(usage(() => resolveOutputFormat('report weekly', { out: 'report.docx' }))).toMatch(/^Cannot tell the format from "report.docx": say it with --format/);
    expect(usage(() => resolveOutputFormat('place list', { out: 'places' }))).toMatch(/Cannot tell the format/);
    expect(usage(() => resolveOutputFormat('report weekly', { json: true, csv: true }))).toBe('Use --json or --csv, not both.');
    expect(usage(() => resolveOutputFormat('report weekly', { json: true, format: 'md' }))).toBe('Choose one of --json, --csv, --plain and --format.');
  });

  it('never sends a workbook to the terminal', () => {
    expect(usage(() => resolveOutputFormat('notice list', { format: 'xlsx' }))).toBe('xlsx is a binary file and is never printed to the terminal: write it with --out FILE.xlsx.');
  });
});

describe('WeChat line wrapping', () => {
  it('keeps lines within 60 columns, figures and words whole, no line starting with closing punctuation', () => {
    const s = '现金收回3户3笔（房伟利、房军海、房志勇），金额共1,550.00元，其中本金1,250.00元，利息300.00元。达成还款意向1户，是内田村委内新村的房石头。';
    const lines = wrapForWechat(s.repeat(3));
    for (const l of lines) {
      expect(displayWidth(l)).toBeLessThanOrEqual(60);
      expect(l).not.toMatch(/^[，。、）]/);
    }
    expect(lines.join('')).toBe(s.repeat(3));
    const en = wrapForWechat('2 households paid cash in 2 payments (房水生, 盘贵才, 房买些社二企): 1,100.00 in all, principal 600.00 and interest 500.00.', 40, '', true);
    expect(en.some((l) => l.includes('房买些社二企'))).toBe(true);
    expect(en.every((l) => displayWidth(l) <= 40 && !l.startsWith(' '))).toBe(true);
    expect(en.join(' ')).toContain('1,100.00 in all');
  });
});
