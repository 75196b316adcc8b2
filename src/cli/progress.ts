// A progress indicator on stderr, shown only when stderr is a terminal (never in pipes, logs or JSON output).
import type { Context } from './context.js';

export interface Progress {
  tick(n: number): void;
  stop(): void;
}

const NONE: Progress = { tick() {}, stop() {} };

export function createProgress(ctx: Context, label: string, total?: number): Progress {
  if (!ctx.stderrIsTTY || ctx.stderr !== process.stderr) return NONE;
  let bar: { update(n: number): void; stop(): void; start(t: number, v: number, p?: object): void } | null = null;
  let last = 0;
  let started = false;
  return {
    tick(n) {
      // Start only once a file is big enough to be worth watching.
      if (n < 5000) return;
      if (!started) {
        started = true;
        void import('cli-progress').then((m) => {
          const B = (m.default ?? m).SingleBar;
          bar = new B(
            {
              format: total ? `${label} [{bar}] {percentage}% {value}/{total}` : `${label} {value}`,
              stream: process.stderr,
              hideCursor: true,
              clearOnComplete: true,
            },
            (m.default ?? m).Presets.shades_classic,
          );
          bar!.start(total ?? 0, n);
        });
      }
      if (bar && n - last >= 2000) {
        last = n;
        bar.update(n);
      }
    },
    stop() {
      bar?.stop();
    },
  };
}
