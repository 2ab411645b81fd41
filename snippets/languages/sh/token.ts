/**
 * How shell snippets send the access token: from the environment by default, or inlined.
 */
import type { TokenSource } from "../../request.ts";
import { shellQuote } from "./literals.ts";

/** A quoted shell word for the Authorization header. */
export function shellBearerHeader(token: TokenSource): string {
  // An environment variable must be expanded, so it goes in double quotes; the variable name is [A-Z0-9_].
  return token.kind === "inline"
    ? shellQuote(`Authorization: Bearer ${token.value}`)
    : `"Authorization: Bearer $${token.variable}"`;
}
