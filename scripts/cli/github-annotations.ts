/**
 * GitHub Actions workflow commands (`::error file=...,line=...::message`): when a command runs in
 * a GitHub workflow (GITHUB_ACTIONS=true), its problems are also printed this way so they show
 * on the pull request's lines. Values are escaped as the runner expects.
 */
import { severityOf, type Diagnostic, type Severity } from "../lib/diagnostics.ts";

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
  /** `error` when absent. */
  level?: Severity;
  file: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  title: string;
  message: string;
}

export function formatAnnotation(annotation: Annotation): string {
  const properties = [`file=${escapeProperty(annotation.file)}`];
  if (annotation.line !== undefined) properties.push(`line=${annotation.line}`);
  if (annotation.column !== undefined) properties.push(`col=${annotation.column}`);
  if (annotation.endLine !== undefined) properties.push(`endLine=${annotation.endLine}`);
  if (annotation.endColumn !== undefined) properties.push(`endColumn=${annotation.endColumn}`);
  properties.push(`title=${escapeProperty(annotation.title)}`);
  return `::${annotation.level ?? "error"} ${properties.join(",")}::${escapeData(annotation.message)}\n`;
}

/** A diagnostic as an annotation: its level, start and end, the rule id as the title. */
export function diagnosticAnnotation(diagnostic: Diagnostic): Annotation {
  const pointer = diagnostic.pointer !== undefined ? ` (at ${diagnostic.pointer || "/"})` : "";
  const { position, end } = diagnostic;
  return {
    level: severityOf(diagnostic),
    file: diagnostic.file,
    ...(position ? { line: position.line, column: position.column } : {}),
    // GitHub takes an end column only on the start's line.
    ...(position && end ? { endLine: end.line, ...(end.line === position.line ? { endColumn: end.column } : {}) } : {}),
    title: diagnostic.ruleId,
    message: `${diagnostic.reason}${pointer}`,
  };
}

/** Every diagnostic as an annotation, in order. */
export function diagnosticAnnotations(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((diagnostic) => formatAnnotation(diagnosticAnnotation(diagnostic))).join("");
}
