import { loadConfig } from "../../scripts/config/config.ts";
import { loadSpecs } from "../../scripts/load/load-specs.ts";
import type { Specs } from "../../scripts/model/types.ts";
import { PROJECT_ROOT } from "./cli.ts";

/** The repository's own specs, loaded as the commands load them. */
export function loadProjectSpecs(): Specs {
  const config = loadConfig(PROJECT_ROOT);
  const loaded = loadSpecs({ specsDir: config.specsDir, schemas: config.schemas });
  if (!loaded.ok)
    throw new Error(`specs/ does not load: ${loaded.diagnostics.map((diagnostic) => diagnostic.reason).join("; ")}`);
  return loaded.specs;
}
