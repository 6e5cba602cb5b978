#!/usr/bin/env node
// The reference TypeScript MCP SDK client, driven by tests and benchmarks.
//   node mcp-client.mjs repl URL [--header "Name: value"]... [--sse]
//       connects, prints {"connected":true,"sessionId":…}, then reads one JSON command per line on stdin:
//       {"op":"list"} | {"op":"call","tool":"echo","args":{…}[,"timeoutMs":N]} | {"op":"close"}; prints one JSON line per command.
//   node mcp-client.mjs load FILE CALLS
//       FILE holds [{"url":…,"token":…}, …]; every client connects at once and makes CALLS echo calls in a row;
//       prints {"clients":N,"calls":…,"errors":…,"firstErrors":[…],"p50Ms":…,"p99Ms":…,"wallMs":…}.
//   node mcp-client.mjs soak FILE
//       FILE holds [{"url":…,"token":…[,"sessions":N]}, …]; N sessions per entry (1 when absent) each make echo calls in a
//       loop, with no retries of their own (the SDK retries only its GET stream), until stdin says "stop" or closes.
//       Prints {"progress":{"calls":…,"errors":…}} each second, then the summary: calls, errors (with when they came),
//       p50Ms, p99Ms, maxMs, and per session its id, calls, logging notifications and GET streams opened.
//       stdin "toggle-logging" makes every session call server-everything's toggle-simulated-logging (notifications
//       then arrive on the session's GET stream) and prints {"toggled":N,"errors":[…]}; stdin "sessions" prints
//       {"sessions":[{"sessionId":…,"calls":…,"notifications":…,"getStreams":…}, …]}.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { LoggingMessageNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";

function transportFor(url, headers, legacy, fetchSpy) {
  const options = { requestInit: { headers }, ...(fetchSpy ? { fetch: fetchSpy } : {}) };
  if (legacy) {
    // the SSE GET goes through eventSourceInit's fetch: carry the headers there too
    options.eventSourceInit = { fetch: (u, init) => fetch(u, { ...init, headers: { ...(init?.headers ?? {}), ...headers } }) };
    return new SSEClientTransport(new URL(url), options);
  }
  return new StreamableHTTPClientTransport(new URL(url), options);
}

async function connect(url, headers, legacy, fetchSpy) {
  const transport = transportFor(url, headers, legacy, fetchSpy);
  const client = new Client({ name: "paradise-test-client", version: "1.0.0" });
  await client.connect(transport);
  return { client, transport };
}

async function repl(args) {
  const headers = {};
  let legacy = false;
  let url;
  while (args.length) {
    const arg = args.shift();
    if (arg === "--header") {
      const [name, ...value] = args.shift().split(":");
      headers[name.trim()] = value.join(":").trim();
    } else if (arg === "--sse") legacy = true;
    else url = arg;
  }
  const { client, transport } = await connect(url, headers, legacy);
  console.log(JSON.stringify({ connected: true, sessionId: transport.sessionId ?? null, server: client.getServerVersion() }));
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const command = JSON.parse(line);
    try {
      if (command.op === "list") {
        const { tools } = await client.listTools();
        console.log(JSON.stringify({ ok: true, tools: tools.map((t) => t.name), sessionId: transport.sessionId ?? null }));
      } else if (command.op === "call") {
        // timeoutMs: the SDK's own request timeout (60 s when absent); a call that takes longer fails
        const options = command.timeoutMs ? { timeout: command.timeoutMs } : undefined;
        const result = await client.callTool({ name: command.tool, arguments: command.args ?? {} }, undefined, options);
        console.log(JSON.stringify({ ok: true, result, sessionId: transport.sessionId ?? null }));
      } else if (command.op === "close") {
        await client.close();
        console.log(JSON.stringify({ ok: true, closed: true }));
        process.exit(0);
      }
    } catch (error) {
      console.log(JSON.stringify({ ok: false, error: String(error?.message ?? error) }));
    }
  }
  await client.close();
}

async function load(file, calls) {
  const targets = JSON.parse(readFileSync(file, "utf8"));
  const latencies = [];
  const errors = [];
  const started = performance.now();
  await Promise.all(targets.map(async ({ url, token }) => {
    let session;
    try {
      session = await connect(url, { Authorization: `Bearer ${token}` }, false);
    } catch (error) {
      errors.push(`connect ${url}: ${error.message}`);
      return;
    }
    for (let i = 0; i < calls; i++) {
      const t0 = performance.now();
      try {
        const result = await session.client.callTool({ name: "echo", arguments: { message: `m${i}` } });
        if (!JSON.stringify(result.content).includes(`m${i}`)) errors.push(`wrong echo: ${JSON.stringify(result)}`);
      } catch (error) {
        errors.push(String(error.message));
      }
      latencies.push(performance.now() - t0);
    }
    await session.client.close();
  }));
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] : 0;
  console.log(JSON.stringify({ clients: targets.length, calls: latencies.length, errors: errors.length,
    firstErrors: errors.slice(0, 5), p50Ms: pct(0.5), p99Ms: pct(0.99), wallMs: performance.now() - started }));
}

async function soak(file) {
  const targets = JSON.parse(readFileSync(file, "utf8"));
  const started = performance.now();
  const latencies = [];
  const errors = [];
  let stopping = false;
  const sessions = [];
  await Promise.all(targets.flatMap(({ url, token, sessions: count }) =>
    Array.from({ length: count ?? 1 }, async (_, n) => {
      const stats = { calls: 0, notifications: 0, getStreams: 0, transportErrors: [] };
      // counts the GET streams the SDK opens: one at the start, one more for every reconnection
      const spy = (input, init) => {
        if ((init?.method ?? "GET") === "GET") stats.getStreams++;
        return fetch(input, init);
      };
      let session;
      try {
        session = await connect(url, { Authorization: `Bearer ${token}` }, false, spy);
      } catch (error) {
        errors.push({ atMs: Math.round(performance.now() - started), error: `connect: ${error.message}` });
        return;
      }
      session.client.setNotificationHandler(LoggingMessageNotificationSchema, () => { stats.notifications++; });
      // what the transport reports on its own (a GET stream that could not reconnect): the last few
      session.client.onerror = (error) => { stats.transportErrors = [...stats.transportErrors.slice(-2), String(error?.message ?? error).slice(0, 200)]; };
      sessions.push({ ...session, stats });
    })));
  const loops = sessions.map(async ({ client, stats }, s) => {
    for (let i = 0; !stopping; i++) {
      const t0 = performance.now();
      const message = `s${s}-m${i}`;
      try {
        const result = await client.callTool({ name: "echo", arguments: { message } });
        if (!JSON.stringify(result.content).includes(message)) throw new Error(`wrong echo: ${JSON.stringify(result)}`);
        stats.calls++;
        latencies.push(performance.now() - t0);
      } catch (error) {
        errors.push({ atMs: Math.round(t0 - started), error: String(error.message) });
      }
    }
  });
  const perSession = () => sessions.map(({ transport, stats }) => ({ sessionId: transport.sessionId ?? null, ...stats }));
  const progress = setInterval(() => console.log(JSON.stringify({ progress: { calls: latencies.length, errors: errors.length } })), 1000);
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() === "stop") break;
    if (line.trim() === "toggle-logging") {
      const failed = [];
      await Promise.all(sessions.map(({ client }) => client.callTool({ name: "toggle-simulated-logging", arguments: {} })
        .catch((error) => failed.push(String(error.message)))));
      console.log(JSON.stringify({ toggled: sessions.length - failed.length, errors: failed }));
    } else if (line.trim() === "sessions") {
      console.log(JSON.stringify({ sessions: perSession() }));
    }
  }
  stopping = true;
  await Promise.all(loops);
  clearInterval(progress);
  await Promise.all(sessions.map(({ client }) => client.close().catch(() => {})));
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] : 0;
  console.log(JSON.stringify({ summary: {
    sessions: sessions.length, calls: latencies.length, errors: errors.length, firstErrors: errors.slice(0, 10),
    errorCounts: errors.reduce((counts, { error }) => ({ ...counts, [error.slice(0, 200)]: (counts[error.slice(0, 200)] ?? 0) + 1 }), {}),
    p50Ms: pct(0.5), p99Ms: pct(0.99), maxMs: latencies.at(-1) ?? 0, wallMs: performance.now() - started,
    perSession: perSession() } }));
  process.exit(0);
}

const [command, ...rest] = process.argv.slice(2);
if (command === "repl") await repl(rest);
else if (command === "load") await load(rest[0], Number(rest[1] ?? 100));
else if (command === "soak") await soak(rest[0]);
else {
  console.error("usage: mcp-client.mjs repl URL [--header 'Name: value'] [--sse] | load FILE CALLS | soak FILE");
  process.exit(2);
}
