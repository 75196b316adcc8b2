// Every command, including those added later, has a description and examples in its help, in English and Chinese.
import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { buildProgram, allCommands } from '../../src/cli/program.js';
import { reportError } from '../../src/cli/errors.js';
import { runInProcess, quietContext } from '../helpers.js';
import type { Context } from '../../src/cli/context.js';

function fakeCtx(lang: 'zh' | 'en'): Context {
  return quietContext(lang);
}

function path(c: Command): string {
  const names: string[] = [];
  for (let x: Command | null = c; x; x = x.parent) names.unshift(x.name());
  return names.join(' ');
}

describe.each(['en', 'zh'] as const)('help (%s)', (lang) => {
  const program = buildProgram(fakeCtx(lang));
  const commands = [program, ...allCommands(program)];
  it('walks the whole tree', () => expect(commands.length).toBeGreaterThan(10));
  it.each(commands.map((c) => [path(c), c] as const))('%s has a description and examples', (_name, c) => {
    expect(c.description().trim().length).toBeGreaterThan(5);
    let help = '';
    c.configureOutput({ writeOut: (s) => (help += s), writeErr: (s) => (help += s) });
    c.outputHelp();
    expect(help).toContain(lang === 'zh' ? '示例：' : 'Examples:');
    expect(help).toMatch(/\$ fieldvisit /);
  });
});

describe('errors', () => {
  it('an unexpected error says it is a bug, with the stack only under --debug', () => {
    const e = new TypeError('boom');
    const plain = reportError(e, 'en', false);
    expect(plain.code).toBe(1);
    expect(plain.message).toMatch(/^Internal error in fieldvisit \(this is a bug; please report it\): boom\nRun again with --debug/);
    expect(plain.message).not.toContain(' at ');
    const debug = reportError(e, 'en', true);
    expect(debug.message).toContain('TypeError: boom\n    at ');
    expect(reportError(e, 'zh', false).message).toMatch(/^fieldvisit 内部错误/);
  });
  it('--help exits 0 in process', async () => {
    const r = await runInProcess(['import', 'roster', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
  });
});
