/**
 * The client registry: the order here is the order snippets appear on pages.
 * A new client is one new file and one line here.
 */
import { jsFetch } from "./js-fetch.ts";
import { jsHuggingface } from "./js-huggingface.ts";
import { jsOpenai } from "./js-openai.ts";
import { pythonHuggingfaceHub } from "./python-huggingface_hub.ts";
import { pythonOpenai } from "./python-openai.ts";
import { pythonRequests } from "./python-requests.ts";
import { curl } from "./sh-curl.ts";
import type { SnippetClient } from "./types.ts";

export const CLIENTS: readonly SnippetClient[] = [
  curl,
  pythonHuggingfaceHub,
  pythonRequests,
  pythonOpenai,
  jsHuggingface,
  jsOpenai,
  jsFetch,
];

export const CLIENT_IDS: readonly string[] = CLIENTS.map((client) => client.id);

export function findClient(id: string): SnippetClient | undefined {
  return CLIENTS.find((client) => client.id === id);
}
