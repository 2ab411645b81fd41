// Preloaded (node --import) into the JavaScript SDK snippets the conformance harness runs as the
// pages print them, with provider routing on: the SDK builds the real router URLs and asks the Hub
// which provider model serves the model. Like a hosts-file entry, this swaps the router's origin
// for the local test server's when a request is sent, and answers the Hub's mapping lookups from
// the feed (HF_CONFORMANCE_HUB_MODELS), so the snippet's own code is unchanged and nothing reaches
// the network. The SDK polls jobs and downloads results with the global fetch too, so one wrapper
// covers every request it makes.
const ROUTER_ORIGIN = "https://router.huggingface.co";
const HUB_MODELS_PREFIX = "https://huggingface.co/api/models/";

const localOrigin = process.env.HF_CONFORMANCE_ROUTER_ORIGIN;
const hubModels = JSON.parse(process.env.HF_CONFORMANCE_HUB_MODELS ?? "{}");
const sendFetch = globalThis.fetch;

function hubAnswer(url) {
  const modelId = decodeURIComponent(new URL(url).pathname.slice("/api/models/".length));
  const info = hubModels[modelId];
  if (!info) return Response.json({ error: `Repository Not Found: ${modelId}` }, { status: 404 });
  return Response.json({ _id: modelId, id: modelId, ...info });
}

globalThis.fetch = async function redirectedFetch(input, init) {
  const url = input instanceof Request ? input.url : String(input);
  if (url.startsWith(HUB_MODELS_PREFIX)) return hubAnswer(url);
  if (localOrigin && (url === ROUTER_ORIGIN || url.startsWith(`${ROUTER_ORIGIN}/`))) {
    const local = localOrigin.replace(/\/+$/, "") + url.slice(ROUTER_ORIGIN.length);
    return sendFetch(input instanceof Request ? new Request(local, input) : local, init);
  }
  return sendFetch(input, init);
};
