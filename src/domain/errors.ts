// Typed errors thrown by every layer; only cli/main.ts turns them into exit codes.
import type { Text } from './text.js';

/** Bad input data or a refused operation: exit 1. */
export class DataError extends Error {
  constructor(
    readonly text: Text,
    readonly details: Text[] = [],
  ) {
    super(text.en);
    this.name = 'DataError';
  }
}

/** Wrong flags or arguments: exit 2. */
export class UsageError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
    this.name = 'UsageError';
  }
}

/** The person cancelled (Ctrl-C at a prompt, or declined to confirm): exit 130. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** One problem in one input row, located for the person who must fix the file. */
export interface RowProblem {
  file: string;
  line: number;
  column: string | null;
  reason: Text;
  severity: 'error' | 'warning';
}

/** An input file with bad rows: nothing was written. */
export class InputError extends DataError {
  constructor(
    text: Text,
    readonly problems: RowProblem[],
  ) {
    super(text);
    this.name = 'InputError';
  }
}
