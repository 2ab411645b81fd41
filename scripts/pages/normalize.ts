/**
 * Templates leave stray blank lines where blocks are skipped. Outside fenced code, trailing
 * spaces are removed and runs of blank lines become one; code is left exactly as rendered.
 */
export function normalizeMarkdown(markdown: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  for (const rawLine of markdown.split("\n")) {
    if (fence) {
      out.push(rawLine);
      if (rawLine.trim() === fence) fence = undefined;
      continue;
    }
    const line = rawLine.replace(/[ \t]+$/, "");
    const opening = /^(`{3,}|~{3,})/.exec(line);
    if (opening) fence = opening[1];
    if (line === "" && (out.length === 0 || out[out.length - 1] === "")) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out.join("\n") + "\n";
}
