/**
 * The client registry, derived from the folders snippets/clients/<language>/<client>/ (see
 * registry.generated.ts): a new client is one new folder. Pages show clients by their `order`.
 */
import { FOLDER_CLIENTS } from "./registry.generated.ts";
import type { SnippetClient } from "./types.ts";

export const CLIENTS: readonly SnippetClient[] = [...FOLDER_CLIENTS].sort(
  (a, b) => a.order - b.order || a.id.localeCompare(b.id),
);

export const CLIENT_IDS: readonly string[] = CLIENTS.map((client) => client.id);

export function findClient(id: string): SnippetClient | undefined {
  return CLIENTS.find((client) => client.id === id);
}
