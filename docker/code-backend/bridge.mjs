// The `code` backend of a client's instance: lsmcp's language-server tools for the workspace's languages (pyright
// for Python, typescript-language-server for TypeScript and JavaScript), served over MCP Streamable HTTP.
//
//   node bridge.mjs --workspace DIR --port PORT [--host 127.0.0.1] [--allowed-hosts a,b] [--warmup-timeout 600]
//
// lsmcp speaks MCP over stdio only. This bridge runs one lsmcp (and so one language server) per language for the
// life of the instance, and gives every MCP session of the client a server of its own in front of them. It
// reports "indexing" on GET /ready until each language server has read the workspace, then "ready" (200).
import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import {
  CallToolRequestSchema, ErrorCode, isInitializeRequest, ListToolsRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { invalidParams } from "./src/errors.mjs";
import { detectLanguages, languageOf } from "./src/languages.mjs";
import { LanguageServer } from "./src/language-server.mjs";
import { WorkspacePaths } from "./src/workspace-paths.mjs";
import { log } from "./src/log.mjs";

const MAX_BODY = 4 * 1024 * 1024;
const CALL_TIMEOUT = 120_000;
// tools without a file to route by: each language server answers for its own files
const FAN_OUT = new Set(["search_symbols", "lsp_get_workspace_symbols", "get_project_overview"]);

const options = readOptions();
const paths = new WorkspacePaths(options.workspace);
const status = { state: "starting", detail: "starting the language servers", languages: [] };
const languageServers = [];
const sessions = new Map();
let tools = [];
let instructions;

const http = createServer((request, response) => {
  route(request, response).catch((error) => {
    log("error", "request failed", { path: request.url, error: String(error?.stack ?? error) });
    if (!response.headersSent) sendJson(response, 500, rpcError(ErrorCode.InternalError, "the code backend failed on this request"));
    else response.end();
  });
});
http.on("error", (error) => {
  log("error", "cannot listen", { host: options.host, port: options.port, detail: String(error.message) });
  status.state = "failed";
  shutdown(1);
});
http.listen(options.port, options.host, () => log("info", "listening", { host: options.host, port: options.port }));
setInterval(closeIdleSessions, 60_000).unref();
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => shutdown(0));
start().catch((error) => {
  status.state = "failed";
  status.detail = String(error?.message ?? error);
  log("error", "the code backend could not start", { detail: status.detail });
  shutdown(1);
});

async function start() {
  const detected = detectLanguages(paths.root);
  status.languages = detected.map(({ name, files }) => ({ name, files }));
  if (detected.length === 0) {
    instructions = "This workspace has no Python, TypeScript or JavaScript files: the code backend serves no language tools for it.";
    Object.assign(status, { state: "ready", detail: "no Python, TypeScript or JavaScript files in the workspace" });
    log("info", "ready without language servers", { detail: status.detail });
    return;
  }
  const started = Date.now();
  status.detail = `starting the language servers: ${detected.map((l) => `${l.name} (${l.files} files)`).join(", ")}`;
  for (const language of detected) {
    const server = new LanguageServer({ language, workspace: paths.root, log, onExit: languageServerExited });
    await server.start();
    languageServers.push(server);
    // which process serves the language, for the life of the instance: every session shares it
    status.languages.find((l) => l.name === language.name).pid = server.pid;
  }
  tools = publicTools(languageServers[0].tools);
  instructions = languageServers[0].instructions;
  status.state = "indexing";
  const deadline = started + options.warmupTimeout * 1000;
  for (const server of languageServers) {
    const took = await server.warmUp(deadline, (detail) => { status.detail = detail; });
    log("info", "indexed", { language: server.language.name, files: server.language.files, ms: took });
  }
  Object.assign(status, {
    state: "ready", detail: `indexed ${status.languages.map((l) => `${l.files} ${l.name} files`).join(", ")}`,
    indexedMs: Date.now() - started,
  });
  log("info", "ready", { languages: status.languages, ms: status.indexedMs });
}

// The lsmcp tools whose arguments have been reviewed for what they let a client reach; others (the TypeScript
// preset's external-library and import tools, which read files by other arguments) are not offered.
const REVIEWED_TOOLS = new Set([
  "lsp_get_hover", "lsp_find_references", "lsp_get_definitions", "lsp_get_diagnostics", "lsp_rename_symbol",
  "lsp_get_document_symbols", "lsp_get_completion", "lsp_get_signature_help", "lsp_format_document",
  "lsp_get_workspace_symbols", "lsp_get_code_actions", "lsp_check_capabilities", "lsp_delete_symbol",
  "get_project_overview", "search_symbols", "get_symbol_details", "replace_range", "replace_regex", "list_memories",
  "read_memory", "write_memory", "delete_memory", "list_dir", "get_symbols_overview", "index_onboarding",
  "get_symbol_search_guidance", "get_compression_guidance",
]);

// lsmcp's schemas ask for `root`; the bridge sets it to the workspace, so clients neither need nor may choose it
function publicTools(lsmcpTools) {
  return lsmcpTools.filter((tool) => REVIEWED_TOOLS.has(tool.name)).map((tool) => {
    const { root, ...properties } = tool.inputSchema.properties ?? {};
    const required = (tool.inputSchema.required ?? []).filter((name) => name !== "root");
    return { ...tool, inputSchema: { ...tool.inputSchema, properties, required } };
  });
}

function languageServerExited(server) {
  if (status.state === "stopping") return;
  status.state = "failed";
  status.detail = `the ${server.language.name} language server exited`;
  log("error", "language server exited", { language: server.language.name, stderr: server.stderr.slice(-2_000) });
  // the instance-manager restarts a failed instance within its restart budget
  shutdown(1);
}

async function route(request, response) {
  if (!allowedHost(request.headers.host) || (request.headers.origin && !allowedOrigin(request.headers.origin))) {
    return sendJson(response, 403, { error: "forbidden", message: "this instance answers only on its loopback address" });
  }
  const path = new URL(request.url, "http://localhost").pathname;
  if (path === "/ready" && request.method === "GET") {
    return sendJson(response, status.state === "ready" ? 200 : 503, status);
  }
  if (path === "/mcp") return handleMcp(request, response);
  return sendJson(response, 404, { error: "not_found", message: "the MCP endpoint is /mcp; readiness is GET /ready" });
}

async function handleMcp(request, response) {
  const sessionId = request.headers["mcp-session-id"];
  const body = request.method === "POST" ? await readJson(request, response) : undefined;
  if (body === REFUSED) return;
  if (sessionId !== undefined) {
    const session = sessions.get(sessionId);
    if (!session) return sendJson(response, 404, rpcError(-32001, "session not found: it ended or expired; initialize a new session"));
    session.lastUsed = Date.now();
    return session.transport.handleRequest(request, response, body);
  }
  if (request.method !== "POST" || !isInitializeRequest(body)) {
    return sendJson(response, 400, rpcError(ErrorCode.InvalidRequest, "no Mcp-Session-Id: a session starts with an initialize request (POST)"));
  }
  if (status.state !== "ready") {
    return sendJson(response, 503, rpcError(-32002, `the code backend is ${status.state} (${status.detail}); retry when GET /ready answers 200`));
  }
  if (sessions.size >= options.maxSessions) closeLeastRecentSession();
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    onsessioninitialized: (id) => sessions.set(id, { transport, lastUsed: Date.now() }),
    onsessionclosed: (id) => sessions.delete(id),
  });
  transport.onclose = () => transport.sessionId && sessions.delete(transport.sessionId);
  await sessionServer().connect(transport);
  await transport.handleRequest(request, response, body);
}

function sessionServer() {
  const server = new Server({ name: "devops-paradise-code", version: "0.1.0" }, { capabilities: { tools: {} }, instructions });
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools }));
  server.setRequestHandler(CallToolRequestSchema, (request, extra) => callTool(request.params, extra.signal));
  return server;
}

async function callTool({ name, arguments: args }, signal) {
  if (!tools.some((tool) => tool.name === name)) {
    throw invalidParams(`unknown tool '${name}': tools/list names this instance's tools`);
  }
  const confined = paths.confine(args ?? {});
  const file = confined.relativePath ?? confined.file;
  if (!file && FAN_OUT.has(name) && languageServers.length > 1) {
    const answers = await Promise.all(languageServers.map((server) => server.call(name, confined, { signal, timeout: CALL_TIMEOUT })));
    return {
      content: answers.flatMap((answer, i) => [{ type: "text", text: `## ${languageServers[i].language.name}` }, ...(answer.content ?? [])]),
      isError: answers.every((answer) => answer.isError),
    };
  }
  const language = file && languageOf(file);
  const server = (language && languageServers.find((s) => s.language.name === language.name)) ?? languageServers[0];
  return server.call(name, confined, { signal, timeout: CALL_TIMEOUT });
}

function closeIdleSessions() {
  const idleSince = Date.now() - options.sessionIdleSeconds * 1000;
  for (const [id, session] of sessions) {
    if (session.lastUsed < idleSince) closeSession(id, session);
  }
}

function closeLeastRecentSession() {
  const [id, session] = [...sessions].sort(([, a], [, b]) => a.lastUsed - b.lastUsed)[0];
  log("info", "session limit reached: closing the least recently used session", { max: options.maxSessions });
  closeSession(id, session);
}

function closeSession(id, session) {
  sessions.delete(id);
  session.transport.close().catch(() => {});
}

const REFUSED = Symbol("refused");

async function readJson(request, response) {
  if (Number(request.headers["content-length"] ?? 0) > MAX_BODY) return refuseTooLarge(request, response);
  const chunks = [];
  let size = 0;
  // leaving the loop early must not destroy the request: the answer still has to go out on its socket
  for await (const chunk of request.iterator({ destroyOnReturn: false })) {
    size += chunk.length;
    if (size > MAX_BODY) return refuseTooLarge(request, response);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    sendJson(response, 400, rpcError(ErrorCode.ParseError, "the request body is not JSON"));
    return REFUSED;
  }
}

// The client may still be sending: the rest is read and dropped, so that it reads the answer rather than a reset
// connection; a client still sending after a few seconds is cut off.
function refuseTooLarge(request, response) {
  sendJson(response, 413, rpcError(ErrorCode.InvalidRequest, `request body over ${MAX_BODY} bytes`));
  request.resume();
  const cutOff = setTimeout(() => request.socket.destroy(), 5_000).unref();
  request.on("end", () => clearTimeout(cutOff));
  return REFUSED;
}

function allowedHost(host) {
  if (!host) return false;
  const name = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.split(":")[0];
  return ["localhost", "127.0.0.1", "[::1]", ...options.allowedHosts].includes(name.toLowerCase());
}

function allowedOrigin(origin) {
  try {
    return allowedHost(new URL(origin).host);
  } catch {
    return false;
  }
}

function rpcError(code, message) {
  return { jsonrpc: "2.0", id: null, error: { code, message } };
}

function sendJson(response, statusCode, body) {
  response.writeHead(statusCode, { "content-type": "application/json" }).end(JSON.stringify(body));
}

async function shutdown(code) {
  const previous = status.state;
  status.state = "stopping";
  for (const [id, session] of sessions) closeSession(id, session);
  await Promise.all(languageServers.map((server) => server.close()));
  http.close();
  process.exit(previous === "failed" ? 1 : code);
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      workspace: { type: "string" },
      port: { type: "string" },
      host: { type: "string", default: "127.0.0.1" },
      "allowed-hosts": { type: "string", default: "" },
      "warmup-timeout": { type: "string", default: "600" },
      "max-sessions": { type: "string", default: "128" },
      "session-idle": { type: "string", default: "1800" },
    },
  });
  const number = (name, min, max) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < min || value > max) usage(`--${name} must be a whole number from ${min} to ${max}`);
    return value;
  };
  if (!values.workspace) usage("--workspace is required: the directory whose code this instance serves");
  return {
    workspace: values.workspace,
    port: number("port", 1, 65535),
    host: values.host,
    allowedHosts: values["allowed-hosts"].split(",").map((h) => h.trim().toLowerCase()).filter(Boolean),
    warmupTimeout: number("warmup-timeout", 1, 86_400),
    maxSessions: number("max-sessions", 1, 10_000),
    sessionIdleSeconds: number("session-idle", 1, 86_400),
  };
}

function usage(problem) {
  process.stderr.write(`error: ${problem}\nusage: node bridge.mjs --workspace DIR --port PORT [--host 127.0.0.1] `
    + "[--allowed-hosts a,b] [--warmup-timeout 600] [--max-sessions 128] [--session-idle 1800]\n");
  process.exit(2);
}
