/**
 * ajv, loaded on first use: a build whose specs passed their checks before (see passedLoads in
 * load-specs.ts) never compiles a schema, so it does not pay for loading ajv either.
 * ajv and ajv-formats are CommonJS, so they can be required synchronously where they are needed.
 */
import { createRequire } from "node:module";
import type { Ajv2020 as Ajv2020Class } from "ajv/dist/2020.js";
import type ajvFormats from "ajv-formats";

const require = createRequire(import.meta.url);

export type Ajv2020 = Ajv2020Class;
type Options = ConstructorParameters<typeof Ajv2020Class>[0];

export function newAjv(options: Options, withFormats = false): Ajv2020 {
  const { Ajv2020 } = require("ajv/dist/2020.js") as { Ajv2020: typeof Ajv2020Class };
  const ajv = new Ajv2020(options);
  if (withFormats) (require("ajv-formats") as typeof ajvFormats).default(ajv);
  return ajv;
}
