/**
 * snippet-docs explain [rule]
 * Every diagnostic ends with its rule id in brackets (`[json-syntax]`); this prints what the rule
 * checks and how to satisfy it, or every rule when none is named. An unknown rule exits 2 and
 * says which rules come close.
 */
import type { Command } from "commander";
import { explainRule, RULE_IDS, RULES } from "../lib/rules.ts";
import type { CommandDefinition } from "./command.ts";
import { commandMain } from "./program.ts";
import { EXIT } from "./run.ts";

export const explainCommand: CommandDefinition = {
  name: "explain",
  summary: "say what a rule id in a message checks and how to fix it",
  description:
    "Every problem the tool reports ends with a rule id in brackets, such as [json-syntax]. This prints what the " +
    "rule checks and how to satisfy it; without a rule, every rule with its explanation.",
  examples: [
    ["json-syntax", "what [json-syntax] at the end of a message means"],
    ["", "every rule, one a line"],
  ],
  readsConfig: false,
  declare(command: Command) {
    command.argument("[rule]", "a rule id, as printed in brackets at the end of a message");
  },
  run(context, _options, args) {
    const [rule] = args;
    if (rule === undefined) {
      context.io.stdout(RULE_IDS.map((id) => `${id}: ${RULES[id]}\n`).join(""));
      return EXIT.ok;
    }
    const explanation = explainRule(rule);
    if (!explanation.known) {
      context.io.stderr(`error: ${explanation.text}\n`);
      return EXIT.invalidInput;
    }
    context.io.stdout(explanation.text + "\n");
    return EXIT.ok;
  },
};

export const main = commandMain(explainCommand);
