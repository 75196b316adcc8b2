// The Prompter interface: every question the tool asks a person goes through it (tests pass a fake).
export interface Choice<T> {
  value: T;
  name: string;
  description?: string;
  disabled?: boolean | string;
}

export interface Prompter {
  input(opts: { message: string; default?: string; validate?: (v: string) => true | string }): Promise<string>;
  select<T>(opts: { message: string; choices: Choice<T>[]; default?: T }): Promise<T>;
  checkbox<T>(opts: { message: string; choices: (Choice<T> & { checked?: boolean })[]; required?: boolean }): Promise<T[]>;
  confirm(opts: { message: string; default?: boolean }): Promise<boolean>;
  /** A searchable list: `source` is called with what the person has typed so far. */
  search<T>(opts: { message: string; source: (term: string | undefined) => Promise<Choice<T>[]> | Choice<T>[] }): Promise<T>;
}
