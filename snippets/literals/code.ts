/** A piece of source code to insert as is where a literal would otherwise be printed. */
export class Code {
  constructor(readonly source: string) {}
}

export function code(source: string): Code {
  return new Code(source);
}
