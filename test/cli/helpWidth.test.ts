// Help fits the terminal by display width (a Chinese character is two columns) and the Chinese help speaks Chinese.
import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { buildProgram, allCommands } from '../../src/cli/program.js';
import { stringWidth } from '../../src/format/table.js';
import type { Context } from '../../src/cli/context.js';
import { cli, quietContext } from '../helpers.js';
import { STANCES } from '../../src/domain/stance.js';
import { NOTICE_TYPES, DEFAULT_NOTICE_SERIES } from '../../src/domain/notice.js';
import { BORROWER_STATUSES, NOT_SIGNED_REASONS, OUTCOME_KINDS, SIGNED_BY } from '../../src/domain/outcomes.js';
import { SETTINGS } from '../../src/cli/commands/config/settings.js';

function fakeCtx(lang: 'zh' | 'en', width: number | undefined): Context {
  return quietContext(lang, width);
}

function helpOf(c: Command): string {
  let help = '';
  c.configureOutput({ writeOut: (s) => (help += s), writeErr: (s) => (help += s) });
  c.outputHelp();
  return help;
}

function pathOf(c: Command): string {
  const names: string[] = [];
  for (let x: Command | null = c; x; x = x.parent) names.unshift(x.name());
  return names.join(' ');
}

function tooWide(help: string, width: number): string[] {
  return help.split('\n').filter((l) => stringWidth(l) > width);
}

// Latin words allowed in the Chinese help outside flags, placeholders and examples: names of products and formats the
// officer sees on screen anyway, and values typed on the command line (an option's argument, a config key).
const NAMES = ['fieldvisit', 'SQLite', 'Excel', 'WPS', 'Windows', 'Markdown', 'WeChat', 'md', 'json', 'csv', 'html', 'text', 'xlsx', 'zh', 'en', 'U'];

/**
 * The Latin words of a Chinese help screen that are not a command name, a flag, a placeholder, an example, an
 * acronym or environment variable (all capitals), a choice of some option, or one of NAMES: i.e. English prose.
 */
function strayEnglish(help: string, allowed: Set<string>): string[] {
  const [body] = help.split(/\n(?:示例：|Examples:)\n/);
  const s = body!
    .replace(/(?<![\w])--?[A-Za-z][\w-]*(?:=\S*)?/g, ' ') // flags
    .replace(/<[^>]*>|\[[^\]]*\]/g, ' ') // placeholders
    .replace(/\.[a-z]{2,4}\b/g, ' '); // file extensions
  const words = s.match(/[A-Za-z][A-Za-z_]*(?:-[A-Za-z]+)*/g) ?? [];
  return [...new Set(words.filter((w) => !allowed.has(w) && !/^[A-Z][A-Z0-9_]*$/.test(w)))];
}

function allowedWords(program: Command): Set<string> {
  const set = new Set([...NAMES, 'help']);
  for (const c of [program, ...allCommands(program)]) {
    set.add(c.name());
    for (const a of c.aliases()) set.add(a);
    // Argument names: the placeholders of the usage line, listed bare under 参数.
    for (const a of c.registeredArguments) set.add(a.name());
    for (const o of c.options) for (const v of (o as { argChoices?: string[] }).argChoices ?? []) for (const w of v.split('-')) set.add(v).add(w);
  }
  return set;
}

// Values named in descriptions that are not declared as commander choices: typed after their flag (outcomes, reasons,
// stances, notice types, encodings), config keys and the notice-number pattern, and names of files the tool writes.
const VALUES = [
  ...OUTCOME_KINDS, ...NOT_SIGNED_REASONS, ...SIGNED_BY, ...BORROWER_STATUSES, ...STANCES, ...NOTICE_TYPES, ...Object.keys(SETTINGS),
  ...(DEFAULT_NOTICE_SERIES.match(/[a-z]+/g) ?? []), 'auto', 'utf', 'gbk', 'last', 'backups', 'replaced', 'visit_id' /* a column of the visits file */,
];

describe.each([80, 120])('help at %i columns', (width) => {
  describe.each(['zh', 'en'] as const)('%s', (lang) => {
    const program = buildProgram(fakeCtx(lang, width));
    const commands = [program, ...allCommands(program)];
    it.each(commands.map((c) => [pathOf(c), c] as const))('%s: no line is wider than the terminal', (_n, c) => {
      const help = helpOf(c);
      expect(help.length).toBeGreaterThan(50);
      expect(tooWide(help, width)).toEqual([]);
    });
  });
});

describe('Chinese help is Chinese', () => {
  const program = buildProgram(fakeCtx('zh', 80));
  const allowed = allowedWords(program);
  for (const v of VALUES) for (const w of [v, ...v.split('-')]) allowed.add(w);
  it.each([program, ...allCommands(program)].map((c) => [pathOf(c), c] as const))('%s has no English words', (_n, c) => {
    const help = helpOf(c);
    expect(strayEnglish(help, allowed)).toEqual([]);
    for (const fragment of ['(choices:', '(default:', 'Usage:', 'Options:', 'Examples:', 'display help', '[options]', '[command]']) expect(help).not.toContain(fragment);
  });

  it('the check finds English: commander’s own fragments, and the English help', () => {
    expect(strayEnglish('  --week <week>  ISO 周 (default: this week)', allowed)).toEqual(['default', 'this', 'week']);
    expect(strayEnglish('用法：fieldvisit report weekly [选项]\n\n  -h, --help  display help for command', allowed)).toEqual(['display', 'for', 'command']);
    const en = helpOf(buildProgram(fakeCtx('en', 80)).commands.find((c) => c.name() === 'report')!.commands.find((c) => c.name() === 'weekly')!);
    expect(strayEnglish(en, allowed).length).toBeGreaterThan(10);
  });

  it('choices and defaults are in Chinese', () => {
    const help = helpOf(program);
    expect(help).toContain('（可选：zh、en）');
  });

  it('wraps a long Chinese description at the width, aligned under the description column', () => {
    const agenda = helpOf(program.commands.find((c) => c.name() === 'agenda')!);
    const lines = agenda.split('\n');
    // The description runs over several lines, each filling the line (not one line of 150 columns).
    const desc = lines.slice(2, lines.indexOf('', 2));
    expect(desc.length).toBeGreaterThan(1);
    for (const l of desc.slice(0, -1)) expect(stringWidth(l)).toBeGreaterThan(70);
  });
});

// On the binary on purpose: COLUMNS is read by the real entry point (createProcessContext), and a help screen at 80
// columns is answered by the build-time shortcut in bin/fieldvisit.js, which no in-process run goes through.
describe('the binary', () => {
  it('wraps help at COLUMNS, and at 80 when nothing is known (a pipe)', () => {
    const at60 = cli(['--lang', 'zh', 'visit', 'log', '--help'], { env: { COLUMNS: '60' } });
    expect(at60.code).toBe(0);
    expect(tooWide(at60.stdout, 60)).toEqual([]);
    expect(at60.stdout.split('\n').some((l) => stringWidth(l) > 55)).toBe(true);
    const piped = cli(['--lang', 'zh', 'agenda', '--help']);
    expect(tooWide(piped.stdout, 80)).toEqual([]);
    expect(piped.stdout.split('\n').some((l) => stringWidth(l) > 75)).toBe(true);
  });
});
