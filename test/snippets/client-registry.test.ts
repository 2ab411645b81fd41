/**
 * Adding a client is one folder: the registry lists exactly the folders
 * snippets/clients/<language>/<client>/ holding a client.ts, each client's id is its folder, and
 * the configuration's client list comes from the registry, not from a copy.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../scripts/config/config.ts";
import { InputError } from "../../scripts/lib/diagnostics.ts";
import { META_SCHEMA_DIR } from "../../scripts/load/meta-schemas.ts";
import { PROJECT_ROOT } from "../helpers/cli.ts";
import {
  CLIENT_REGISTRY_FILE,
  CLIENTS_DIR,
  clientFolders,
  clientRegistrySource,
  LANGUAGE_REGISTRY_FILE,
  languageFolders,
  languageRegistrySource,
  REGISTRY_COMMAND,
} from "../../scripts/codegen/registries.ts";
import { LANGUAGES } from "../../snippets/languages/index.ts";
import { CLIENTS } from "../../snippets/clients/index.ts";

describe("the client registry", () => {
  it("is generated from the client and language folders and up to date", async () => {
    const clients = await clientRegistrySource(clientFolders());
    expect(readFileSync(CLIENT_REGISTRY_FILE, "utf8"), `stale: run ${REGISTRY_COMMAND}`).toBe(clients);
    const languages = await languageRegistrySource(languageFolders());
    expect(readFileSync(LANGUAGE_REGISTRY_FILE, "utf8"), `stale: run ${REGISTRY_COMMAND}`).toBe(languages);
  });

  it("names each language by its folder, and every client's language has one", () => {
    expect(LANGUAGES.map((language) => language.id)).toEqual(languageFolders());
    const languageIds: readonly string[] = languageFolders();
    for (const client of CLIENTS) expect(languageIds).toContain(client.language);
  });

  it("names each client by its folder, and the source file the pages name is there", () => {
    expect(CLIENTS.map((client) => client.id).sort()).toEqual(clientFolders());
    for (const client of CLIENTS) expect(existsSync(path.join(PROJECT_ROOT, client.source)), client.source).toBe(true);
  });

  it("hands clients a closed request: no client module imports the model's Task, Provider or Mapping", () => {
    const sources = readdirSync(CLIENTS_DIR, { recursive: true, encoding: "utf8" }).filter((file) =>
      file.endsWith(".ts"),
    );
    expect(sources.length).toBeGreaterThan(CLIENTS.length);
    for (const file of sources) {
      expect(readFileSync(path.join(CLIENTS_DIR, file), "utf8"), file).not.toMatch(
        /model\/types|\.task\.|\.provider\./,
      );
    }
  });

  it("gives every client its own place on the pages", () => {
    expect(new Set(CLIENTS.map((client) => client.order)).size).toBe(CLIENTS.length);
  });

  it("is the configuration's list of clients: the meta-schema holds no copy", () => {
    const schema = readFileSync(`${META_SCHEMA_DIR}config.schema.json`, "utf8");
    for (const client of CLIENTS) expect(schema).not.toContain(`"${client.id}"`);
    const dir = mkdtempSync(path.join(tmpdir(), "snippet-docs-clients-"));
    try {
      const clients = [...CLIENTS.map((client) => client.id), "sh/wget"];
      writeFileSync(path.join(dir, "snippet-docs.config.json"), JSON.stringify({ clients }));
      let error: unknown;
      try {
        loadConfig(dir);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InputError);
      const message = (error as InputError).message;
      expect(message).toContain(`/clients/${CLIENTS.length}`);
      expect(message).toContain('unknown client "sh/wget"');
      for (const client of CLIENTS) expect(message).toContain(client.id);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
