// Colour for command output: chalk instances that follow the terminal and NO_COLOR (its own module so only colouring code loads chalk).
import { Chalk, type ChalkInstance } from 'chalk';
import type { Context } from './context.js';

export function paint(ctx: Context): ChalkInstance {
  return new Chalk({ level: ctx.color ? 1 : 0 });
}

export function paintErr(ctx: Context): ChalkInstance {
  const noColor = ctx.env.NO_COLOR !== undefined && ctx.env.NO_COLOR !== '';
  return new Chalk({ level: ctx.stderrIsTTY && !noColor ? 1 : 0 });
}
