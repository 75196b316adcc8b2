// The Prompter backed by @inquirer/prompts, writing to stderr so stdout stays clean; loaded only when needed.
import { CancelledError } from '../domain/errors.js';
import type { Prompter } from './prompter.js';

function wrapCancel<T>(p: Promise<T>): Promise<T> {
  return p.catch((e: unknown) => {
    if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError')) throw new CancelledError();
    throw e;
  });
}

export function createInquirerPrompter(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Prompter {
  const ctx = { input, output } as never;
  const lib = () => import('@inquirer/prompts');
  return {
    async input(o) {
      const { input: ask } = await lib();
      return wrapCancel(ask({ message: o.message, default: o.default, validate: o.validate }, ctx));
    },
    async select(o) {
      const { select } = await lib();
      return wrapCancel(select({ message: o.message, choices: o.choices, default: o.default, pageSize: 12 } as never, ctx)) as never;
    },
    async checkbox(o) {
      const { checkbox } = await lib();
      return wrapCancel(checkbox({ message: o.message, choices: o.choices, required: o.required, pageSize: 12 } as never, ctx)) as never;
    },
    async confirm(o) {
      const { confirm } = await lib();
      return wrapCancel(confirm({ message: o.message, default: o.default }, ctx));
    },
    async search(o) {
      const { search } = await lib();
      return wrapCancel(search({ message: o.message, source: o.source, pageSize: 12 } as never, ctx)) as never;
    },
  };
}
