/**
 * How each language reads the access token: from the environment by default, or inlined.
 */
import { jsString } from "../literals/javascript.ts";
import { pythonString } from "../literals/python.ts";
import { shellQuote } from "../literals/shell.ts";
import type { TokenSource } from "../request.ts";

export function pythonToken(token: TokenSource, imports: { module(name: string): string }): string {
  if (token.kind === "inline") return pythonString(token.value);
  return `${imports.module("os")}.environ[${pythonString(token.variable)}]`;
}

export function pythonBearer(token: TokenSource, imports: { module(name: string): string }): string {
  if (token.kind === "inline") return pythonString(`Bearer ${token.value}`);
  return `f"Bearer {${imports.module("os")}.environ['${token.variable}']}"`;
}

export function jsToken(token: TokenSource): string {
  return token.kind === "inline" ? jsString(token.value) : `process.env.${token.variable}`;
}

export function jsBearer(token: TokenSource): string {
  return token.kind === "inline" ? jsString(`Bearer ${token.value}`) : `\`Bearer \${process.env.${token.variable}}\``;
}

/** A quoted shell word for the Authorization header. */
export function shellBearerHeader(token: TokenSource): string {
  // An environment variable must be expanded, so it goes in double quotes; the variable name is [A-Z0-9_].
  return token.kind === "inline"
    ? shellQuote(`Authorization: Bearer ${token.value}`)
    : `"Authorization: Bearer $${token.variable}"`;
}
