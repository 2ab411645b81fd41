/**
 * URL templates of asynchronous jobs: `{origin}` is the API origin; `{value:/pointer}` is a
 * string of the first response; `{path:/pointer}` is the path of a URL in the first response.
 * Each client prints the parts in its own language.
 */
import { pointerToPath } from "../scripts/lib/json-source.ts";

export type UrlPart =
  { kind: "literal"; text: string } | { kind: "value"; pointer: string[] } | { kind: "path"; pointer: string[] };

export function parseUrlTemplate(template: string, origin: string): UrlPart[] {
  const parts: UrlPart[] = [];
  const pushLiteral = (text: string): void => {
    if (text === "") return;
    const last = parts.at(-1);
    if (last?.kind === "literal") last.text += text;
    else parts.push({ kind: "literal", text });
  };
  let rest = template;
  for (
    let match = /\{(origin|value:[^}]*|path:[^}]*)\}/.exec(rest);
    match;
    match = /\{(origin|value:[^}]*|path:[^}]*)\}/.exec(rest)
  ) {
    pushLiteral(rest.slice(0, match.index));
    const name = match[1] as string;
    if (name === "origin") pushLiteral(origin);
    else
      parts.push({
        kind: name.startsWith("value:") ? "value" : "path",
        pointer: pointerToPath(name.slice(name.indexOf(":") + 1)),
      });
    rest = rest.slice(match.index + match[0].length);
  }
  pushLiteral(rest);
  return parts;
}
