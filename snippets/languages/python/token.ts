/**
 * How Python snippets read the access token: from the environment by default, or inlined.
 */
import type { TokenSource } from "../../request.ts";
import { pythonString } from "./literals.ts";

export function pythonToken(token: TokenSource, imports: { module(name: string): string }): string {
  if (token.kind === "inline") return pythonString(token.value);
  return `${imports.module("os")}.environ[${pythonString(token.variable)}]`;
}

export function pythonBearer(token: TokenSource, imports: { module(name: string): string }): string {
  if (token.kind === "inline") return pythonString(`Bearer ${token.value}`);
  return `f"Bearer {${imports.module("os")}.environ['${token.variable}']}"`;
}
