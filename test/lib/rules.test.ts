/**
 * The rule registry and the code agree: every rule id a diagnostic is given somewhere in the
 * source is registered, and every registered rule is given somewhere. The uses are read from the
 * source's syntax tree, not from the registry, so a rule added on one side only fails here.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { explainRule, RULE_IDS, RULES } from "../../scripts/lib/rules.ts";
import { PROJECT_ROOT } from "../helpers/cli.ts";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Which argument of these helpers is a rule id. */
const RULE_ARGUMENT: Record<string, number> = { diagnosticAt: 3, fileSystemDiagnostic: 2 };

interface RuleUse {
  id: string;
  where: string;
}

/** Rule ids written in the source: `ruleId: "x"`, `ruleId = "x"`, rule arguments, tables that satisfy `RuleId`. */
function ruleIdsUsedIn(file: string): RuleUse[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: RuleUse[] = [];
  const add = (node: ts.Node | undefined): void => {
    if (!node) return;
    if (ts.isConditionalExpression(node)) return (add(node.whenTrue), add(node.whenFalse));
    if (!ts.isStringLiteral(node)) return;
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push({ id: node.text, where: `${path.relative(PROJECT_ROOT, file)}:${line + 1}` });
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isPropertyAssignment(node) || ts.isParameter(node)) && node.name.getText() === "ruleId")
      add(node.initializer);
    if (ts.isCallExpression(node)) {
      const index = RULE_ARGUMENT[node.expression.getText()];
      if (index !== undefined) add(node.arguments[index]);
    }
    if (ts.isSatisfiesExpression(node) && /\bRuleId\b/.test(node.type.getText())) {
      const table = ts.isAsExpression(node.expression) ? node.expression.expression : node.expression;
      if (ts.isObjectLiteralExpression(table))
        for (const property of table.properties) if (ts.isPropertyAssignment(property)) add(property.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const uses = ["scripts", "snippets"]
  .flatMap((dir) => sourceFiles(path.join(PROJECT_ROOT, dir)))
  .filter((file) => file !== path.join(PROJECT_ROOT, "scripts/lib/rules.ts"))
  .flatMap(ruleIdsUsedIn);

describe("rule registry", () => {
  it("finds the rule ids the source uses", () => expect(uses.length).toBeGreaterThan(40));

  it("registers every rule id used in the source", () => {
    expect(uses.filter((use) => !Object.hasOwn(RULES, use.id))).toEqual([]);
  });

  it("uses every registered rule somewhere", () => {
    const used = new Set(uses.map((use) => use.id));
    expect(RULE_IDS.filter((id) => !used.has(id))).toEqual([]);
  });

  it("explains each rule in one line that ends with a full stop", () => {
    for (const id of RULE_IDS) expect(RULES[id]).toMatch(/^[^\n]{20,140}\.$/);
  });

  it("names close rules for a mistyped one, and lists all when nothing is close", () => {
    expect(explainRule("json-syntax")).toEqual({ known: true, text: `json-syntax: ${RULES["json-syntax"]}` });
    expect(explainRule("json-sintax").text).toMatch(/^unknown rule "json-sintax": did you mean .*json-syntax/);
    const unknown = explainRule("zzz");
    expect(unknown.known).toBe(false);
    for (const id of RULE_IDS) expect(unknown.text).toContain(id);
  });
});
