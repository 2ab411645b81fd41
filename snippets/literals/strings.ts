/**
 * Which characters a string literal must escape to stay readable and safe: control and format
 * characters, line and paragraph separators, unassigned or private code points, lone surrogates,
 * and every space other than U+0020. Everything else (accents, CJK, emoji) stays as written.
 */
const UNSAFE = /[\p{C}\p{Zl}\p{Zp}]|(?! )\p{Zs}/u;

export function isUnsafeChar(char: string): boolean {
  return UNSAFE.test(char);
}

/** Splits a string into code points, keeping lone surrogates as their own units. */
export function codePoints(text: string): string[] {
  return Array.from(text);
}

export function hex(codeUnit: number, width: number): string {
  return codeUnit.toString(16).padStart(width, "0");
}
