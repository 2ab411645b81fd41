/**
 * The local inference server the snippets talk to (Node http, 127.0.0.1, a free port). It
 * checks each request the way the real router would (token, method, path, content type, body
 * against the task's input.json), records it under the token it carries, and answers with a body
 * valid against the task's output schema: JSON, server-sent events, or the bytes of a file.
 *
 * Each snippet run has its own token, so the requests of runs in parallel are told apart; a
 * request with an unknown token is refused with 401 and kept aside as unattributed.
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { isJsonObject, type JsonObject, type JsonValue } from "../lib/json-source.ts";
import { resolveBodyTemplate } from "../../snippets/contract-body.ts";
import type { Specs } from "../model/types.ts";
import {
  documentWith,
  mergedDocument,
  unmapNativeBody,
  unmapNativeForm,
  type ReceivedForm,
  type Unmapped,
} from "./native.ts";
import { binaryBody, ResponseGenerator } from "./responses.ts";
import { RouteTable, type Route } from "./routes.ts";

/** Larger bodies are refused; example files are a few hundred bytes, fuzzed strings a few KB. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export type BodyKind = "json" | "file" | "form";

export interface RecordedRequest {
  method: string;
  /** The request target as sent (path, possibly with a query). */
  target: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  bodyKind?: BodyKind;
  /** The parsed JSON body, when it is JSON. */
  json?: JsonValue;
  route?: Route;
  /** What the server found wrong with the request; empty when it was served. */
  problems: string[];
  status: number;
  /** What the server sent back, to compare with the file a snippet saves. */
  responseBody?: Buffer;
  /** For a provider-native body: the task request it stands for. */
  payload?: JsonValue;
  /** For a multipart body: the file names of its file parts. */
  formFileNames?: string[];
}

/** A job the server runs for one snippet: answered "in progress" once, then done. */
interface Job {
  route: Route;
  token: string;
  statusChecks: number;
  /** The document the final response (result URL or last status) carries. */
  result: JsonValue;
}

type FollowUp =
  { kind: "status" | "result"; job: Job } | { kind: "download"; token: string; media: "image" | "audio" | "video" };

function mediaType(headers: IncomingHttpHeaders): string {
  return (headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const match = /^Bearer (\S+)$/.exec(headers.authorization ?? "");
  return match?.[1];
}

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses a multipart/form-data body with the platform's own parser (undici's), or says why it cannot. */
async function readForm(body: Buffer, contentType: string): Promise<ReceivedForm | string> {
  let parsed: FormData;
  try {
    parsed = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const form: ReceivedForm = { fields: [], files: [] };
  for (const [name, value] of parsed.entries()) {
    if (typeof value === "string") form.fields.push([name, value]);
    else
      form.files.push({
        name,
        fileName: value.name,
        contentType: value.type,
        bytes: Buffer.from(await value.arrayBuffer()),
      });
  }
  return form;
}

export class ConformanceServer {
  private readonly byToken = new Map<string, RecordedRequest[]>();
  /** GET targets of running jobs and downloads: status, result and file URLs the snippets follow. */
  private readonly followUps = new Map<string, FollowUp>();
  /** Requests whose token belongs to no run (a snippet that sends the wrong token lands here). */
  readonly unattributed: RecordedRequest[] = [];
  readonly routes: RouteTable;
  readonly responses: ResponseGenerator;
  private server: Server | undefined;
  private address = "";

  constructor(private readonly specs: Specs) {
    this.responses = new ResponseGenerator(specs);
    this.routes = new RouteTable(specs, (route, body) =>
      body === undefined
        ? route.task.binaryInput !== undefined
        : specs.validator.validate(route.task.schemas.input, body).length === 0,
    );
  }

  /** Listens on 127.0.0.1 at a free port. */
  async start(): Promise<this> {
    const server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) this.reply(response, 500, { error: `test server error: ${String(error)}` });
        else response.destroy();
      });
    });
    // Keep-alive sockets of finished snippet processes must not hold close() open.
    server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    this.server = server;
    this.address = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  /** `http://127.0.0.1:<port>`, the base URL snippets are rendered with. */
  get origin(): string {
    if (!this.address) throw new Error("the conformance server is not started");
    return this.address;
  }

  register(token: string): void {
    this.byToken.set(token, []);
  }

  /** The requests recorded for `token`, which stops being accepted. */
  collect(token: string): RecordedRequest[] {
    const requests = this.byToken.get(token) ?? [];
    this.byToken.delete(token);
    for (const [target, followUp] of this.followUps) {
      if ((followUp.kind === "download" ? followUp.token : followUp.job.token) === token) this.followUps.delete(target);
    }
    return requests;
  }

  /** The target (path and query) a job's URL template leads to, filled in as a snippet fills it. */
  private jobTarget(template: string, jobId: string): string {
    const url = template
      .replace("{origin}", this.origin)
      .replace(/\{value:[^}]*\}/g, jobId)
      .replace(/\{path:[^}]*\}/g, `/jobs/${jobId}`);
    return url.slice(this.origin.length);
  }

  /** Replies to a provider-native route: the JSON holding the result, or the job to poll for it. */
  private replyNative(route: Route, token: string, response: ServerResponse, recorded: RecordedRequest): void {
    const contract = route.mapping.contract;
    const where = contract?.response;
    const media = route.task.response.kind;
    let result: JsonValue;
    if (!where || where.kind === "json" || media === "json") result = this.jsonAnswer(route);
    else if (where.kind === "base64") {
      const bytes = binaryBody(media);
      recorded.responseBody = bytes;
      result = documentWith(where.pointer, bytes.toString("base64"));
    } else {
      const target = `/__downloads/${token}`;
      this.followUps.set(target, { kind: "download", token, media });
      result = documentWith(where.pointer, `${this.origin}${target}`);
    }
    const job = contract?.job;
    recorded.status = 200;
    if (!job) return this.reply(response, 200, result);
    const state: Job = { route, token, statusChecks: 0, result };
    let submitted: JsonValue = job.idPointer ? documentWith(job.idPointer, token) : {};
    for (const template of [job.statusUrl, job.resultUrl ?? ""]) {
      for (const [, kind, pointer] of template.matchAll(/\{(value|path):([^}]*)\}/g)) {
        submitted = mergedDocument(
          submitted,
          pointer ?? "",
          kind === "value" ? token : `https://jobs.example.com/jobs/${token}`,
        );
      }
    }
    this.followUps.set(this.jobTarget(job.statusUrl, token), { kind: "status", job: state });
    if (job.resultUrl) this.followUps.set(this.jobTarget(job.resultUrl, token), { kind: "result", job: state });
    this.reply(response, 200, submitted);
  }

  /** A JSON answer valid against the task's output schema, in the provider's own shape where the contract gives one. */
  private jsonAnswer(route: Route): JsonValue {
    const output = this.responses.output(route.task);
    const answer = route.taskRoute ? undefined : route.mapping.contract?.answer;
    if (answer === undefined) return output;
    const { providerModelId, modelId } = route.mapping;
    // The template reads the output as the body template reads the example (a JSON pointer from its root).
    return resolveBodyTemplate(answer, output as JsonObject, { providerModelId, modelId }, undefined).value;
  }

  private replyFollowUp(followUp: FollowUp, response: ServerResponse, recorded: RecordedRequest): void {
    recorded.status = 200;
    if (followUp.kind === "download") {
      const bytes = binaryBody(followUp.media);
      recorded.responseBody = bytes;
      response.writeHead(200, { "Content-Type": "application/octet-stream", "Content-Length": bytes.length });
      response.end(bytes);
      return;
    }
    const { job } = followUp;
    const contractJob = job.route.mapping.contract?.job;
    if (!contractJob) return this.reply(response, 500, { error: "not a job" });
    if (followUp.kind === "result") {
      if (job.statusChecks < 2) {
        recorded.problems.push("the result was requested before the job was done");
        recorded.status = 409;
        return this.reply(response, 409, { error: "the job is not done" });
      }
      return this.reply(response, 200, job.result);
    }
    job.statusChecks += 1;
    // The first check always finds the job still running, so every snippet must really poll.
    if (job.statusChecks === 1)
      return this.reply(
        response,
        200,
        documentWith(contractJob.statusPointer, contractJob.pending?.[0] ?? "IN_PROGRESS"),
      );
    const status = mergedDocument(
      contractJob.resultUrl ? {} : job.result,
      contractJob.statusPointer,
      contractJob.done[0] ?? "done",
    );
    this.reply(response, 200, status);
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private reply(response: ServerResponse, status: number, body: JsonValue): void {
    response.writeHead(status, { "Content-Type": "application/json" });
    response.end(JSON.stringify(body));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const recorded: RecordedRequest = {
      method: request.method ?? "",
      target: request.url ?? "",
      headers: request.headers,
      body: body ?? Buffer.alloc(0),
      problems: [],
      status: 0,
    };
    const refuse = (status: number, problem: string) => {
      recorded.problems.push(problem);
      recorded.status = status;
      this.reply(response, status, { error: problem });
    };

    const download = this.followUps.get(recorded.target);
    if (download?.kind === "download" && recorded.method === "GET") {
      this.byToken.get(download.token)?.push(recorded);
      return this.replyFollowUp(download, response, recorded);
    }

    const token = bearerToken(request.headers);
    const runRequests = token === undefined ? undefined : this.byToken.get(token);
    if (!runRequests) {
      this.unattributed.push(recorded);
      refuse(
        401,
        `Authorization ${JSON.stringify(request.headers.authorization ?? null)} does not carry the token of a running snippet`,
      );
      return;
    }
    runRequests.push(recorded);
    if (body === undefined) return refuse(413, `the body is larger than ${MAX_BODY_BYTES} bytes`);
    if (recorded.method === "GET") {
      const followUp = this.followUps.get(recorded.target);
      if (!followUp || followUp.kind === "download" || followUp.job.token !== token)
        return refuse(404, `no job or download at ${recorded.target}`);
      return this.replyFollowUp(followUp, response, recorded);
    }

    const type = mediaType(request.headers);
    let json: JsonValue | undefined;
    if (type === "application/json") {
      try {
        json = JSON.parse(body.toString("utf8")) as JsonValue;
      } catch (error) {
        return refuse(400, `the body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
      }
      recorded.json = json;
      recorded.bodyKind = "json";
    } else if (type === "multipart/form-data") {
      recorded.bodyKind = "form";
    } else {
      recorded.bodyKind = "file";
    }

    const match = this.routes.match(recorded.method, recorded.target, json);
    if (!match.ok) return refuse(match.status, match.reason);
    const route = match.route;
    recorded.route = route;
    const binary = route.task.binaryInput;

    // A file body stands for the payload whose binary field holds the file (base64 in JSON form).
    let payload: JsonValue;
    if (recorded.bodyKind === "file") {
      const fileType = route.mapping.contract?.file?.contentType ?? binary?.contentType;
      if (!binary || type !== fileType) {
        return refuse(
          415,
          `Content-Type ${JSON.stringify(type)}: expected application/json${fileType ? ` or ${fileType}` : ""}`,
        );
      }
      payload = { [binary.field]: body.toString("base64") };
    } else if (recorded.bodyKind === "form" || (route.mapping.contract?.body !== undefined && !route.taskRoute)) {
      // A provider-native body (JSON or a multipart form) stands for the task request it was built from.
      let unmapped: Unmapped;
      if (recorded.bodyKind === "form") {
        if (route.taskRoute || !route.mapping.contract?.form)
          return refuse(415, `Content-Type multipart/form-data: this route takes no multipart body`);
        const form = await readForm(body, request.headers["content-type"] ?? "");
        if (typeof form === "string") return refuse(400, `the multipart body does not parse: ${form}`);
        recorded.formFileNames = form.files.map((file) => file.fileName);
        unmapped = unmapNativeForm(route.task, route.mapping, form);
      } else unmapped = unmapNativeBody(route.task, route.mapping, json as JsonValue);
      if (unmapped.problems.length > 0)
        return refuse(
          400,
          `the ${route.provider.id} ${recorded.bodyKind === "form" ? "form" : "body"} does not follow its contract: ${unmapped.problems.join("; ")}`,
        );
      payload = unmapped.payload;
      recorded.payload = payload;
    } else {
      payload = json as JsonValue;
    }
    const errors = this.specs.validator.validate(route.task.schemas.input, payload);
    if (errors.length > 0) {
      return refuse(
        400,
        `the body does not match ${route.task.files.input}: ${errors.map((error) => `${error.instancePointer || "/"} ${error.message}`).join("; ")}`,
      );
    }

    const streams = isJsonObject(payload) && payload["stream"] === true;
    if (streams) {
      if (route.task.response.stream !== "server-sent-events")
        return refuse(400, `task ${route.task.id} does not stream`);
      recorded.status = 200;
      response.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
      for (const event of this.responses.streamEvents(route.task)) response.write(`data: ${JSON.stringify(event)}\n\n`);
      response.end("data: [DONE]\n\n");
      return;
    }
    const contract = route.taskRoute ? undefined : route.mapping.contract;
    if (contract?.job || contract?.response) return this.replyNative(route, token as string, response, recorded);
    const kind = route.task.response.kind;
    recorded.status = 200;
    if (kind === "json") {
      this.reply(response, 200, this.jsonAnswer(route));
      return;
    }
    const bytes = binaryBody(kind);
    recorded.responseBody = bytes;
    response.writeHead(200, {
      "Content-Type": route.task.response.contentType ?? "application/octet-stream",
      "Content-Length": bytes.length,
    });
    response.end(bytes);
  }
}
