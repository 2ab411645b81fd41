/**
 * How JavaScript snippets read the access token: from the environment by default, or inlined.
 */
import type { TokenSource } from "../../request.ts";
import { jsString } from "./literals.ts";

export function jsToken(token: TokenSource): string {
  return token.kind === "inline" ? jsString(token.value) : `process.env.${token.variable}`;
}

export function jsBearer(token: TokenSource): string {
  return token.kind === "inline" ? jsString(`Bearer ${token.value}`) : `\`Bearer \${process.env.${token.variable}}\``;
}
