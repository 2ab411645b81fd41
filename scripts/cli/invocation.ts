/**
 * How the user started this command, so usage lines, examples and hints repeat what they typed:
 * `npm run check` (an npm script), `npx snippet-docs check`, or `snippet-docs check`.
 */
export interface Invocation {
  /** The words before the command's own arguments, e.g. "npm run snippet". */
  prefix: string;
  /** npm needs `--` before arguments meant for the script. */
  argumentSeparator: string;
}

type Env = Readonly<Record<string, string | undefined>>;

export function invocationOf(command: string, env: Env): Invocation {
  const event = env["npm_lifecycle_event"];
  const script = env["npm_lifecycle_script"] ?? "";
  if (event && event !== "npx" && script.includes(`snippet-docs`) && script.includes(command)) {
    return { prefix: `npm run ${event}`, argumentSeparator: " -- " };
  }
  if (env["npm_command"] === "exec") return { prefix: `npx snippet-docs ${command}`, argumentSeparator: " " };
  return { prefix: `snippet-docs ${command}`, argumentSeparator: " " };
}

/** The command line for `args` (may be empty) as this user would type it. */
export function commandLine(invocation: Invocation, args: string): string {
  return args ? `${invocation.prefix}${invocation.argumentSeparator}${args}` : invocation.prefix;
}
