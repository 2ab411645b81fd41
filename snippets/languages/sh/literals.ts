/**
 * Shell quoting: strong single quotes, with `'` written as `'\''`. Nothing inside single quotes
 * is expanded, so `$(...)`, backticks, `${x}` and `!` reach the program byte for byte.
 */
const SAFE_WORD = /^[A-Za-z0-9_/.:,=%+@-]+$/;

export function shellQuote(text: string): string {
  if (text.includes("\0")) throw new Error("a shell word cannot contain a NUL character");
  if (SAFE_WORD.test(text) && !text.startsWith("@")) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** JSON text for a request body: pretty, with non-ASCII kept and lone surrogates escaped. */
export function jsonText(value: unknown, indent = 4): string {
  return JSON.stringify(value, null, indent);
}
