/**
 * GitHub Actions workflow commands (`::error file=...,line=...::message`): when a command runs in
 * a GitHub workflow (GITHUB_ACTIONS=true), its problems are also printed this way so they show
 * on the pull request's lines. Values are escaped as the runner expects.
 */
import type { Diagnostic } from "../lib/diagnostics.ts";

type Env = Readonly<Record<string, string | undefined>>;

export function inGitHubActions(env: Env): boolean {
  return env["GITHUB_ACTIONS"] === "true";
}

function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export interface Annotation {
  file: string;
  line?: number;
  column?: number;
  title: string;
  message: string;
}

export function formatAnnotation(annotation: Annotation): string {
  const properties = [`file=${escapeProperty(annotation.file)}`];
  if (annotation.line !== undefined) properties.push(`line=${annotation.line}`);
  if (annotation.column !== undefined) properties.push(`col=${annotation.column}`);
  properties.push(`title=${escapeProperty(annotation.title)}`);
  return `::error ${properties.join(",")}::${escapeData(annotation.message)}\n`;
}

export function diagnosticAnnotation(diagnostic: Diagnostic): Annotation {
  const pointer = diagnostic.pointer !== undefined ? ` (at ${diagnostic.pointer || "/"})` : "";
  return {
    file: diagnostic.file,
    ...(diagnostic.position ? { line: diagnostic.position.line, column: diagnostic.position.column } : {}),
    title: diagnostic.ruleId,
    message: `${diagnostic.reason}${pointer}`,
  };
}
