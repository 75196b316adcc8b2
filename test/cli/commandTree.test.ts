// Start-up defines only the command being run: which command that is, and that a command defined alone is the same
// command (same help, same behaviour) as in the whole tree.
import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { allCommands, buildProgram, commandOf, COMMAND_NAMES } from '../../src/cli/program.js';
import type { Context } from '../../src/cli/context.js';
import { runInProcess, quietContext } from '../helpers.js';

function fakeCtx(lang: 'zh' | 'en'): Context {
  return quietContext(lang);
}

function helpOf(c: Command): string {
  let help = '';
  c.configureOutput({ writeOut: (s) => (help += s), writeErr: (s) => (help += s) });
  c.outputHelp();
  return help;
}

describe('commandOf', () => {
  it.each([
    [['report', 'weekly', '--week', '2026-W47'], 'report'],
    [['info'], 'info'],
    [['--db', 'team.db', 'place', 'list'], 'place'],
    [['--db=team.db', '--lang', 'zh', '--ascii', '--no-color', '--debug', 'merge', 'a.fvb'], 'merge'],
    [['--lang=en', 'restore', 'b.db'], 'restore'],
    // A --db value that is also a command's name is the value, not the command.
    [['--db', 'info', 'export', '--out', 'x.fvb'], 'export'],
  ] as const)('%j runs %s', (args, name) => expect(commandOf(args)).toBe(name));

  it.each([[[]], [['--help']], [['-h']], [['--version']], [['-V']], [['help', 'report']], [['reprot', 'weekly']], [['--', 'info']], [['--bogus', 'info']], [['--db']]] as const)(
    '%j is not certain: the whole tree is built',
    (args) => expect(commandOf(args)).toBeUndefined(),
  );
});

describe.each(['en', 'zh'] as const)('the tree (%s)', (lang) => {
  const full = buildProgram(fakeCtx(lang));

  it('lists every top-level command, in order', () => {
    expect(full.commands.map((c) => c.name())).toEqual(COMMAND_NAMES);
  });

  it.each(COMMAND_NAMES.map((n) => [n]))('%s defined alone is the command of the whole tree: the same help, every subcommand', (name) => {
    const alone = buildProgram(fakeCtx(lang), [name]);
    expect(alone.commands.map((c) => c.name())).toEqual([name]);
    const a = [alone.commands[0]!, ...allCommands(alone.commands[0]!)];
    const f = full.commands.find((c) => c.name() === name)!;
    const b = [f, ...allCommands(f)];
    expect(a.map((c) => c.name())).toEqual(b.map((c) => c.name()));
    a.forEach((c, i) => expect(helpOf(c)).toBe(helpOf(b[i]!)));
  });
});

describe('errors before and after the command word read the same with one command defined', () => {
  it('an unknown subcommand names the command’s own subcommands (exit 2)', async () => {
    const r = await runInProcess(['report', 'weeky']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/weeky/);
  });
  it('an unknown top-level command is found in the whole tree (exit 2), with a suggestion', async () => {
    const r = await runInProcess(['reprot', 'weekly']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/reprot/);
    expect(r.stderr).toMatch(/report/);
  });
  it('an invalid --lang before the command is still refused (exit 2)', async () => {
    const r = await runInProcess(['--lang', 'fr', 'info']);
    expect(r.code).toBe(2);
  });
});
