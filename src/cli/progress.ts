// A progress indicator on stderr, shown only when stderr is a terminal (never in pipes, logs or JSON output).
// cli-progress is imported statically: this module is only loaded by the import commands, which are loaded lazily.
import cliProgress from 'cli-progress';
import type { Context } from './context.js';

export interface Progress {
  tick(n: number): void;
  stop(): void;
}

const NONE: Progress = { tick() {}, stop() {} };

export function createProgress(ctx: Context, label: string, total?: number): Progress {
  if (!ctx.stderrIsTTY || ctx.stderr !== process.stderr) return NONE;
  let bar: cliProgress.SingleBar | null = null;
  let last = 0;
  let stopped = false;
  return {
    tick(n) {
      // Start only once a file is big enough to be worth watching; never again once stopped.
      if (stopped || n < 5000) return;
      if (!bar) {
        bar = new cliProgress.SingleBar(
          {
            format: total ? `${label} [{bar}] {percentage}% {value}/{total}` : `${label} {value}`,
            stream: process.stderr,
            hideCursor: true,
            clearOnComplete: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total ?? 0, n);
        last = n;
        return;
      }
      if (n - last >= 2000) {
        last = n;
        bar.update(n);
      }
    },
    stop() {
      if (stopped) return;
      stopped = true;
      bar?.stop();
      bar = null;
    },
  };
}
