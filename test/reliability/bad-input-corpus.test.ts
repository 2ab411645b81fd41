/**
 * Bad inputs a careless or hostile user may give: each must end with exit 2 and a message naming
 * the file and the place, and leave the project byte-identical. Every case runs in-process on its
 * own copy of a tiny generated project.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RuleId } from "../../scripts/lib/rules.ts";
import { LOCK_NAME, MANIFEST_NAME } from "../../scripts/pipeline/output-dir.ts";
import { generateInProcess, tinyProject, treeHash } from "./fixture.ts";

interface BadInput {
  name: string;
  /** Breaks the copy of the project at `dir`. */
  apply: (dir: string) => void;
  /** What the message must say: the file, and its place (line:column or JSON pointer) when it has one. */
  message: RegExp;
  /** The rule id the message ends with. */
  rule: RuleId;
}

const TASK = "specs/tasks/text-classification/task.json";
const INPUT = "specs/tasks/text-classification/input.json";
const OUTPUT = "specs/tasks/text-classification/output.json";
const FEED = "specs/providers.json";
const CONFIG = "snippet-docs.config.json";
const LAYOUT = "templates/layouts/task.hbs";
const place = String.raw`:\d+:\d+`;

function edit(dir: string, file: string, change: (text: string) => string): void {
  const full = path.join(dir, file);
  writeFileSync(full, change(readFileSync(full, "utf8")));
}
function editJson(dir: string, file: string, change: (value: Record<string, unknown>) => void): void {
  edit(dir, file, (text) => {
    const value = JSON.parse(text) as Record<string, unknown>;
    change(value);
    return JSON.stringify(value, null, 2);
  });
}
const setDescription = (description: string) => (dir: string) =>
  editJson(dir, TASK, (task) => void (task["description"] = description));
const PADDING = " This sentence makes the description long enough for the meta-schema.";
const linkCase = (name: string, markdown: string): BadInput => ({
  name,
  rule: "prose",
  apply: setDescription(markdown + PADDING),
  message: new RegExp(`${TASK}${place} at /description: error: an? (link|image) to "[a-z]+:" is not allowed`),
});
const escaped = (file: string) => file.replace(/[./]/g, (char) => `\\${char}`);
const at = (file: string, pointer?: string) =>
  new RegExp(
    `${escaped(file)}${place}${pointer === undefined ? "" : ` at ${pointer.replace(/[$]/g, "\\$")}`}: error: `,
  );
const feedProviders = (value: Record<string, unknown>) => value["providers"] as Record<string, Record<string, unknown>>;

const CASES: BadInput[] = [
  // Malformed JSON in every kind of file.
  {
    name: "task.json with a trailing comma",
    rule: "json-syntax",
    apply: (dir) => edit(dir, TASK, (text) => text.replace('"kind": "json" }', '"kind": "json", }')),
    message: at(TASK),
  },
  {
    name: "task.json cut short",
    rule: "json-syntax",
    apply: (dir) => edit(dir, TASK, (text) => text.slice(0, 200)),
    message: at(TASK),
  },
  {
    name: "task.json empty",
    rule: "json-syntax",
    apply: (dir) => writeFileSync(path.join(dir, TASK), ""),
    message: at(TASK),
  },
  {
    name: "task.json with a comment",
    rule: "json-syntax",
    apply: (dir) => edit(dir, TASK, (text) => text.replace("{", "{ // note")),
    message: at(TASK),
  },
  {
    name: "task.json with a duplicate key",
    rule: "json-duplicate-key",
    apply: (dir) => edit(dir, TASK, (text) => text.replace('"title"', '"title": "A",\n  "title"')),
    message: at(TASK),
  },
  {
    name: "task.json with a single-quoted string",
    rule: "json-syntax",
    apply: (dir) => edit(dir, TASK, (text) => text.replace('"Text Classification"', "'Text Classification'")),
    message: at(TASK),
  },
  {
    name: "providers.json missing a colon",
    rule: "json-syntax",
    apply: (dir) => edit(dir, FEED, (text) => text.replace('"router":', '"router"')),
    message: at(FEED),
  },
  {
    name: "providers.json cut short",
    rule: "json-syntax",
    apply: (dir) => edit(dir, FEED, (text) => text.slice(0, text.length / 2)),
    message: at(FEED),
  },
  {
    name: "input.json with a stray character",
    rule: "json-syntax",
    apply: (dir) => edit(dir, INPUT, (text) => text.replace('"required"', 'x"required"')),
    message: at(INPUT),
  },
  {
    name: "output.json with a trailing comma",
    rule: "json-syntax",
    apply: (dir) => edit(dir, OUTPUT, (text) => text.replace(/}\s*$/, ",}")),
    message: at(OUTPUT),
  },
  {
    name: "common-definitions.json malformed",
    rule: "json-syntax",
    apply: (dir) => edit(dir, "specs/common-definitions.json", (text) => text.replace("{", "{{")),
    message: at("specs/common-definitions.json"),
  },
  {
    name: "configuration malformed",
    rule: "json-syntax",
    apply: (dir) => writeFileSync(path.join(dir, CONFIG), '{"outDir": "generated",'),
    message: at(CONFIG),
  },
  {
    name: "configuration with a duplicate key",
    rule: "json-duplicate-key",
    apply: (dir) => writeFileSync(path.join(dir, CONFIG), '{"outDir": "generated", "outDir": "out"}'),
    message: at(CONFIG),
  },
  {
    name: "configuration with an invalid number",
    rule: "json-syntax",
    apply: (dir) => writeFileSync(path.join(dir, CONFIG), '{"clients": [01]}'),
    message: at(CONFIG),
  },
  {
    name: "the manifest of generated files malformed",
    rule: "output-manifest",
    apply: (dir) => writeFileSync(path.join(dir, "generated", MANIFEST_NAME), "{not json"),
    message: new RegExp(
      `generated/${escaped(MANIFEST_NAME)}: error: the manifest of generated files is not valid JSON`,
    ),
  },

  // Meta-schema violations.
  {
    name: "task.json without a title",
    rule: "task-schema",
    apply: (dir) => editJson(dir, TASK, (task) => delete task["title"]),
    message: at(TASK, "/"),
  },
  {
    name: "task.json with a short description",
    rule: "task-schema",
    apply: setDescription("Too short."),
    message: at(TASK, "/description"),
  },
  {
    name: "task.json with a string for a boolean",
    rule: "task-schema",
    apply: (dir) => editJson(dir, TASK, (task) => void (task["conversational"] = "no")),
    message: at(TASK, "/conversational"),
  },
  {
    name: "task.json with a malformed model id",
    rule: "task-schema",
    apply: (dir) =>
      editJson(dir, TASK, (task) => void ((task["recommendedModels"] as { id: string }[])[0]!.id = "../../etc/passwd")),
    message: at(TASK, "/recommendedModels/0/id"),
  },
  {
    name: "task.json with an unknown property",
    rule: "task-schema",
    apply: (dir) => editJson(dir, TASK, (task) => void (task["colour"] = "blue")),
    message: at(TASK, "/colour"),
  },
  {
    // SDK method names moved into the SDK client folders (snippets/clients/<language>/<client>/tasks.ts).
    name: "task.json with the former sdk section",
    rule: "task-schema",
    apply: (dir) => editJson(dir, TASK, (task) => void (task["sdk"] = { python: { method: "text_classification" } })),
    message: at(TASK, "/sdk"),
  },
  {
    name: "task.json whose value is an array",
    rule: "task-schema",
    apply: (dir) => writeFileSync(path.join(dir, TASK), "[]"),
    message: at(TASK, "/"),
  },
  {
    name: "providers.json without a router",
    rule: "providers-schema",
    apply: (dir) => editJson(dir, FEED, (feed) => delete feed["router"]),
    message: at(FEED, "/"),
  },
  {
    name: "providers.json provider without a display name",
    rule: "providers-schema",
    apply: (dir) => editJson(dir, FEED, (feed) => delete feedProviders(feed)["hf-inference"]!["displayName"]),
    message: at(FEED, "/providers/hf-inference"),
  },
  {
    name: "providers.json mapping with an unknown status",
    rule: "providers-schema",
    apply: (dir) =>
      editJson(dir, FEED, (feed) => {
        const tasks = feedProviders(feed)["hf-inference"]!["tasks"] as Record<string, Record<string, unknown>>;
        tasks["text-classification"]!["status"] = "maybe";
      }),
    message: at(FEED, "/providers/hf-inference/tasks/text-classification/status"),
  },
  {
    name: "configuration with an unknown snippet style",
    rule: "config-schema",
    apply: (dir) => writeFileSync(path.join(dir, CONFIG), '{"snippetStyle": "fancy"}'),
    message: at(CONFIG, "/snippetStyle"),
  },
  {
    name: "configuration with an unknown client",
    rule: "config-client",
    apply: (dir) => writeFileSync(path.join(dir, CONFIG), '{"clients": ["sh/wget"]}'),
    message: at(CONFIG, "/clients/0"),
  },
  {
    name: "configuration with an unknown field",
    rule: "config-schema",
    apply: (dir) => writeFileSync(path.join(dir, CONFIG), '{"outdir": "x"}'),
    message: at(CONFIG, "/outdir"),
  },
  {
    name: "configuration naming an unknown provider",
    rule: "config-provider",
    apply: (dir) => writeFileSync(path.join(dir, CONFIG), '{"providers": ["nobody"]}'),
    message: at(CONFIG, "/providers/0"),
  },
  {
    name: "configuration with outDir = specs",
    rule: "config-out-dir",
    apply: (dir) => writeFileSync(path.join(dir, CONFIG), '{"outDir": "specs"}'),
    message: at(CONFIG, "/outDir"),
  },
  {
    name: "configuration with outDir = the project",
    rule: "config-out-dir",
    apply: (dir) => writeFileSync(path.join(dir, CONFIG), '{"outDir": "./"}'),
    message: at(CONFIG, "/outDir"),
  },
  {
    name: "configuration with outDir = /",
    rule: "config-out-dir",
    apply: (dir) => writeFileSync(path.join(dir, CONFIG), '{"outDir": "/"}'),
    message: at(CONFIG, "/outDir"),
  },
  {
    name: "configuration with outDir inside the templates",
    rule: "config-out-dir",
    apply: (dir) => writeFileSync(path.join(dir, CONFIG), '{"outDir": "templates/out"}'),
    message: at(CONFIG, "/outDir"),
  },

  // Bad references.
  {
    name: "a $ref to a missing definition",
    rule: "schema-ref",
    apply: (dir) => edit(dir, INPUT, (text) => text.replace("#/$defs/TextClassificationParameters", "#/$defs/Missing")),
    message: at(INPUT, "/properties/parameters/$ref"),
  },
  {
    name: "a $ref to a missing file",
    rule: "schema-ref",
    apply: (dir) => edit(dir, INPUT, (text) => text.replace("../../common-definitions.json", "../../nowhere.json")),
    message: at(INPUT, "/$defs/TextClassificationParameters/properties/function_to_apply/$ref"),
  },
  {
    name: "an example that does not match input.json",
    rule: "example-schema",
    apply: (dir) => editJson(dir, TASK, (task) => void (task["example"] = { inputs: 42 })),
    message: at(TASK, "/example/inputs"),
  },
  {
    name: "a mapping to an unknown task",
    rule: "mapping-unknown-task",
    apply: (dir) =>
      editJson(dir, FEED, (feed) => {
        const tasks = feedProviders(feed)["hf-inference"]!["tasks"] as Record<string, unknown>;
        tasks["text-to-poem"] = { modelId: "a/b", providerModelId: "b", status: "live" };
      }),
    message: at(FEED, "/providers/hf-inference/tasks/text-to-poem"),
  },
  {
    name: "an unknown placeholder in a route",
    rule: "mapping-route",
    apply: (dir) =>
      editJson(dir, FEED, (feed) => void (feedProviders(feed)["hf-inference"]!["taskPath"] = "/models/{model}")),
    message: at(FEED, "/providers/hf-inference/taskPath"),
  },
  {
    name: "a streaming task without stream_output.json",
    rule: "task-stream",
    apply: (dir) =>
      editJson(dir, TASK, (task) => void (task["response"] = { kind: "json", stream: "server-sent-events" })),
    message: at(TASK, "/response/stream"),
  },
  {
    name: "stream_output.json for a task that does not stream",
    rule: "task-stream",
    apply: (dir) =>
      cpSync(path.join(dir, OUTPUT), path.join(dir, "specs/tasks/text-classification/stream_output.json")),
    message: at(TASK, "/response"),
  },
  {
    name: "input.json missing",
    rule: "file-read",
    apply: (dir) => rmSync(path.join(dir, INPUT)),
    message: new RegExp(`${escaped(INPUT)}: error: file not found`),
  },

  // Hostile strings: links and images that would run code, ids that would become HTML.
  linkCase("a javascript: link", "[x](javascript:alert(document.domain))"),
  linkCase("a JavaScript: link in mixed case", "[x](JaVaScRiPt:alert(1))"),
  linkCase("a javascript: link spelled with a character reference", "[x](&#106;avascript:alert(1))"),
  linkCase("a javascript: link with a tab in the scheme", "[x](<java\tscript:alert(1)>)"),
  linkCase("a javascript: link behind an encoded newline", "[x](&#10;javascript:alert(1))"),
  linkCase("a data:text/html link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
  linkCase("a vbscript: link", "[x](vbscript:msgbox(1))"),
  linkCase("a javascript: image", "![x](javascript:alert(1))"),
  linkCase("a javascript: autolink", "<javascript:alert(1)>"),
  linkCase("a file: link", "[x](file:///etc/passwd)"),
  {
    name: "a javascript: link definition",
    rule: "prose",
    apply: setDescription(`Read [the guide][g].${PADDING}\n\n[g]: javascript:alert(1)`),
    message: new RegExp(`${TASK}${place} at /description: error: a link to "javascript:" is not allowed`),
  },
  {
    name: "a javascript: link in a model description",
    rule: "prose",
    apply: (dir) =>
      editJson(
        dir,
        TASK,
        (task) =>
          void ((task["recommendedModels"] as { description: string }[])[0]!.description = "[x](javascript:alert(1))"),
      ),
    message: at(TASK, "/recommendedModels/0/description"),
  },
  {
    name: "a task folder whose name is HTML",
    rule: "task-id",
    apply: (dir) =>
      renameSync(
        path.join(dir, "specs/tasks/fill-mask"),
        path.join(dir, "specs/tasks/evil--><img src=x onerror=alert(1)>"),
      ),
    message: /specs\/tasks\/evil--><img src=x onerror=alert\(1\)>: error: the folder name is not a valid task id/,
  },
  {
    name: "a task folder with capitals",
    rule: "task-id",
    apply: (dir) => renameSync(path.join(dir, "specs/tasks/fill-mask"), path.join(dir, "specs/tasks/Fill_Mask")),
    message: /specs\/tasks\/Fill_Mask: error: the folder name is not a valid task id/,
  },
  {
    name: "a provider id that is HTML",
    rule: "providers-schema",
    apply: (dir) =>
      editJson(dir, FEED, (feed) => {
        const providers = feedProviders(feed);
        providers['x"><script>alert(1)</script>'] = providers["hf-inference"]!;
      }),
    message: new RegExp(`${escaped(FEED)}${place} at /providers: error: must match pattern`),
  },
  {
    name: "a 1 MB description in one paragraph",
    rule: "prose",
    apply: setDescription("All work and no play. ".repeat(48_000)),
    message: at(TASK, "/description"),
  },

  // Templates: syntax, missing partials, unknown helpers, encodings, files that are not files.
  {
    name: "a template block left open",
    rule: "template-syntax",
    apply: (dir) => edit(dir, LAYOUT, (text) => text + "\n{{#if task.streams}}\nopen\n"),
    message: at(LAYOUT),
  },
  {
    name: "a template block closed by the wrong name",
    rule: "template-syntax",
    apply: (dir) => edit(dir, LAYOUT, (text) => text + "\n{{#if task.streams}}x{{/each}}\n"),
    message: at(LAYOUT),
  },
  {
    name: "a template with an unterminated mustache",
    rule: "template-syntax",
    apply: (dir) => edit(dir, LAYOUT, (text) => text + "\n{{task.title\n"),
    message: at(LAYOUT),
  },
  {
    name: "a template using a missing partial",
    rule: "template-partial",
    apply: (dir) => edit(dir, LAYOUT, (text) => text + "\n{{> no-such-partial}}\n"),
    message: new RegExp(`${escaped(LAYOUT)}${place}: error: the partial "no-such-partial" does not exist`),
  },
  {
    name: "a template calling an unknown helper",
    rule: "template-helper",
    apply: (dir) => edit(dir, LAYOUT, (text) => text + "\n{{shout task.title}}\n"),
    message: new RegExp(`${escaped(LAYOUT)}${place}: error: unknown helper "shout"`),
  },
  {
    name: "a partial calling an unknown helper in a subexpression",
    rule: "template-helper",
    apply: (dir) =>
      edit(dir, "templates/partials/recommended-models.hbs", (text) => text + "\n{{#if (shout 1)}}x{{/if}}\n"),
    message: at("templates/partials/recommended-models.hbs"),
  },
  {
    name: "a template naming at run time a partial that does not exist",
    rule: "template-render",
    apply: (dir) => edit(dir, LAYOUT, (text) => text + '\n{{> (lookup task "id")}}\n'),
    message: new RegExp(
      `${escaped(LAYOUT)}: error: rendering generated/tasks/\\S+\\.md failed: The partial \\S+ could not be found`,
    ),
  },
  {
    name: "a template that is not UTF-8",
    rule: "file-encoding",
    apply: (dir) => writeFileSync(path.join(dir, LAYOUT), Buffer.from("line one\nna\xefve caf\xe9\n", "latin1")),
    message: new RegExp(`${escaped(LAYOUT)}:2:3: error: the file is not valid UTF-8`),
  },
  {
    name: "a task.json that is not UTF-8",
    rule: "file-encoding",
    apply: (dir) => {
      const bytes = readFileSync(path.join(dir, TASK));
      const lineTwo = bytes.indexOf(10) + 4;
      writeFileSync(
        path.join(dir, TASK),
        Buffer.concat([bytes.subarray(0, lineTwo), Buffer.from([0xff]), bytes.subarray(lineTwo)]),
      );
    },
    message: new RegExp(`${escaped(TASK)}:2:4: error: the file is not valid UTF-8`),
  },
  {
    name: "a providers.json with a truncated UTF-8 sequence",
    rule: "file-encoding",
    apply: (dir) => writeFileSync(path.join(dir, FEED), Buffer.from('{\n  "router": "\xe2\x82"}\n', "latin1")),
    message: new RegExp(`${escaped(FEED)}:2:14: error: the file is not valid UTF-8`),
  },
  {
    name: "a layout that is a folder",
    rule: "template-missing",
    apply: (dir) => (rmSync(path.join(dir, LAYOUT)), mkdirSync(path.join(dir, LAYOUT))),
    message: new RegExp(`${escaped(LAYOUT)}: error: the task layout is not a file`),
  },
  // A layout the project leaves out comes from the built-in templates (test/pages/template-layers.test.ts).
  {
    name: "a dangling link as a layout",
    rule: "file-read",
    apply: (dir) => (rmSync(path.join(dir, LAYOUT)), symlinkSync("nowhere.hbs", path.join(dir, LAYOUT))),
    message: new RegExp(`${escaped(LAYOUT)}: error: file not found`),
  },
  {
    name: "a task.json that is a folder",
    rule: "file-read",
    apply: (dir) => (rmSync(path.join(dir, TASK)), mkdirSync(path.join(dir, TASK))),
    message: new RegExp(`${escaped(TASK)}: error: a folder stands where a file is expected`),
  },
  {
    name: "a symbolic-link loop in templates/partials",
    rule: "file-read",
    apply: (dir) => symlinkSync("loop.hbs", path.join(dir, "templates/partials/loop.hbs")),
    message: /templates\/partials\/loop\.hbs: error: symbolic links loop here/,
  },
  {
    name: "a symbolic-link loop in templates/tasks",
    rule: "file-read",
    apply: (dir) => (
      mkdirSync(path.join(dir, "templates/tasks")),
      symlinkSync("loop", path.join(dir, "templates/tasks/loop"))
    ),
    message: /templates\/tasks\/loop: error: symbolic links loop here/,
  },
  {
    name: "a symbolic-link loop in specs/tasks",
    rule: "file-read",
    apply: (dir) => symlinkSync("loop", path.join(dir, "specs/tasks/loop")),
    message: /specs\/tasks\/loop: error: symbolic links loop here/,
  },
  {
    name: "a symbolic-link loop as specs/tasks itself",
    rule: "file-read",
    apply: (dir) => (
      renameSync(path.join(dir, "specs/tasks"), path.join(dir, "specs/gone")),
      symlinkSync("tasks", path.join(dir, "specs/tasks"))
    ),
    message: /specs\/tasks: error: symbolic links loop here/,
  },
  {
    name: "a dangling link as task.json",
    rule: "file-read",
    apply: (dir) => (rmSync(path.join(dir, TASK)), symlinkSync("nowhere.json", path.join(dir, TASK))),
    message: new RegExp(`${escaped(TASK)}: error: file not found`),
  },
  {
    name: "an override for a task that does not exist",
    rule: "template-override",
    apply: (dir) => (
      mkdirSync(path.join(dir, "templates/tasks/no-such-task"), { recursive: true }),
      writeFileSync(path.join(dir, "templates/tasks/no-such-task/recommended-models.hbs"), "x")
    ),
    message: /templates\/tasks\/no-such-task: error: overrides for unknown task/,
  },
  {
    name: "an override that overrides no partial",
    rule: "template-override",
    apply: (dir) => (
      mkdirSync(path.join(dir, "templates/tasks/fill-mask"), { recursive: true }),
      writeFileSync(path.join(dir, "templates/tasks/fill-mask/nothing.hbs"), "x")
    ),
    message: /templates\/tasks\/fill-mask\/nothing\.hbs: error: overrides no partial/,
  },

  // The output folder.
  {
    name: "generated/ being a file",
    rule: "output-folder",
    apply: (dir) => (
      rmSync(path.join(dir, "generated"), { recursive: true }),
      writeFileSync(path.join(dir, "generated"), "x")
    ),
    message: /generated: error: the output folder is not a folder/,
  },
  {
    name: "generated/tasks being a file",
    rule: "output-ownership",
    apply: (dir) => (
      rmSync(path.join(dir, "generated/tasks"), { recursive: true }),
      writeFileSync(path.join(dir, "generated/tasks"), "x")
    ),
    message: /generated\/tasks: error: a file stands where the generator needs a folder/,
  },
  {
    name: "a user's page where a generated page goes",
    rule: "output-ownership",
    apply: (dir) => (
      writeFileSync(path.join(dir, "generated", MANIFEST_NAME), '{"files": []}'),
      writeFileSync(path.join(dir, "generated/index.md"), "mine\n")
    ),
    message: /generated\/index\.md: error: this file was not written by the generator/,
  },
  {
    name: "another run holding the lock",
    rule: "output-locked",
    apply: (dir) => writeFileSync(path.join(dir, "generated", LOCK_NAME), `${process.ppid}\n`),
    message: new RegExp(
      `generated/${escaped(LOCK_NAME)}: error: another run of the generator \\(pid \\d+\\) is writing this folder`,
    ),
  },
];

describe(`bad-input corpus (${CASES.length} cases): exit 2, file, place and rule named, project unchanged`, () => {
  let base: string;
  const scratch = mkdtempSync(path.join(tmpdir(), "snippet-docs-corpus-"));
  beforeAll(async () => {
    base = tinyProject({}, scratch);
    const first = await generateInProcess(base);
    expect(first.code, first.output).toBe(0);
    // Edit a spec so every case would have something to write if it got that far.
    edit(base, TASK, (text) => text.replace("Text classification assigns", "Text classification gives"));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("has at least 60 cases", () => expect(CASES.length).toBeGreaterThanOrEqual(60));

  for (const badInput of CASES) {
    it(badInput.name, async () => {
      const dir = mkdtempSync(path.join(scratch, "case-"));
      cpSync(base, dir, { recursive: true, verbatimSymlinks: true });
      badInput.apply(dir);
      const before = treeHash(dir);
      const result = await generateInProcess(dir, { lockTimeoutMs: 100 });
      expect(result.code, result.output).toBe(2);
      expect(result.output).toMatch(badInput.message);
      const message = result.output.split("\n").find((line) => badInput.message.test(line));
      expect(message).toMatch(new RegExp(` \\[${badInput.rule}\\]$`));
      expect(result.output).not.toMatch(/^\s+at /m);
      expect(treeHash(dir), "the project changed").toBe(before);
    });
  }
});
