/**
 * Every rule a diagnostic can name, with one line saying what it checks and how to satisfy it.
 * This is the only list: a diagnostic's rule id is typed from it, `snippet-docs explain <rule>`
 * prints from it, and a test keeps it and the code in step (every rule used, every use listed).
 */

export const RULES = {
  "file-read": "A file the project needs cannot be read: it is missing, a folder, a broken link or unreadable.",
  "file-encoding": "Every input file must be valid UTF-8; the place points at the first byte that is not.",
  "json-syntax": "A JSON file does not parse: no comments, trailing commas, single quotes or missing separators.",
  "json-duplicate-key": "An object names the same key twice; JSON parsers silently keep only the last one.",
  "task-id": "A folder under specs/tasks/ must be a task id: lower-case letters, digits and single hyphens.",
  "task-schema": "task.json does not follow the task meta-schema (title, description, example, models, response).",
  "task-stream": "A task streams exactly when it has stream_output.json and its response declares a stream.",
  "task-binary-input": "A task with a binary input must name the example file in that input field of the example.",
  "example-schema": "The example request in task.json must be valid against the task's input.json.",
  prose: "Descriptions are markdown that must not link to scripts or data (javascript:, data:, file: and such).",
  "providers-schema": "specs/providers.json does not follow the provider feed meta-schema.",
  "mapping-unknown-task": "A provider maps a task that has no folder under specs/tasks/.",
  "mapping-route": "A provider's route for a task is missing or uses a placeholder the router does not fill.",
  "contracts-schema": "The provider contracts file does not follow its meta-schema.",
  "contract-pair": "A contract names a provider or a task the feed does not have, or a pair the provider does not map.",
  "contract-file": "A contract says how a file travels for a task that has no file input.",
  "schema-compile": "ajv cannot compile a task's JSON Schema (an unknown keyword, a wrong type, a bad pattern).",
  "schema-ref": "A $ref points at a file or a definition that does not exist.",
  "schema-duplicate-id": "Two schema documents declare the same $id; each must be unique.",
  "config-schema": "snippet-docs.config.json does not follow the configuration schema.",
  "config-out-dir": "The output folder must be inside the project and outside specs/, templates/ and the project root.",
  "config-client": "The configuration names a client that no folder snippets/clients/<language>/<client>/ provides.",
  "config-provider": "The configuration names a provider the feed does not have.",
  "config-sync": "The configuration's sync policy names a task or provider the specs do not have.",
  "template-syntax":
    "A Handlebars template does not parse: an unclosed block, a wrong closing name, a broken mustache.",
  "template-partial": "A template uses a partial that exists neither in the project's templates nor the built-in ones.",
  "template-helper": "A template calls a helper the generator does not provide.",
  "template-missing": "A layout is missing or is not a file: task.hbs, provider.hbs and index.hbs are needed.",
  "template-override": "A folder under templates/tasks/ must be a known task and each file must replace a partial.",
  "template-render": "A template failed while rendering a page, for example a partial named at run time is missing.",
  "snippet-invalid": "A rendered snippet does not parse in its language; the client or the example value is at fault.",
  "snippet-client-dropped":
    "A configured client writes no snippet for a pair it should serve (e.g. an SDK signature is missing); a warning.",
  "page-code-blocks": "A page must carry exactly the verified snippets in fenced code blocks, nothing else.",
  "page-table": "Every row of a markdown table on a page must have as many cells as its header.",
  "page-mdx": "In component style every page must compile as MDX.",
  "sync-http":
    "sync could not read the Hub API at this URL (an HTTP error, a timeout, a redirect elsewhere, a bad response).",
  "sync-refused":
    "sync refuses changes it must not write alone: a provider losing every mapping, too many removals, an invalid file.",
  "output-folder": "The output folder must be a folder the generator may own.",
  "output-fs": "The output folder cannot be listed, created or written; the reason names the system error.",
  "output-manifest": "The manifest of generated files is unreadable; delete it and generate again.",
  "output-journal": "The journal of an interrupted write is unreadable; delete it and its staging folder.",
  "output-ownership": "A file the generator would write or remove was not written by it; move it away first.",
  "output-locked": "Another run of the generator is writing the output folder; wait for it or remove a stale lock.",
} as const satisfies Record<string, string>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES).sort() as RuleId[];

export function isRuleId(name: string): name is RuleId {
  return Object.hasOwn(RULES, name);
}

/** Known rules that contain `name` or share its first word (`template-x` suggests every `template-` rule). */
export function similarRules(name: string): RuleId[] {
  const family = name.split("-")[0] ?? "";
  return RULE_IDS.filter((id) => (name.length >= 3 && id.includes(name)) || (family && id.split("-")[0] === family));
}

/** The text `explain <rule>` prints: the explanation, or why there is none and what exists. */
export function explainRule(name: string): { known: boolean; text: string } {
  if (isRuleId(name)) return { known: true, text: `${name}: ${RULES[name]}` };
  const similar = similarRules(name);
  const known = similar.length > 0 ? `did you mean ${similar.join(", ")}?` : `the rules are ${RULE_IDS.join(", ")}`;
  return { known: false, text: `unknown rule "${name}": ${known}` };
}
