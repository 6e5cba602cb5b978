#!/usr/bin/env node
// The reference TypeScript MCP SDK client, driven by tests and benchmarks.
//   node mcp-client.mjs repl URL [--header "Name: value"]... [--sse]
//       connects, prints {"connected":true,"sessionId":…}, then reads one JSON command per line on stdin:
//       {"op":"list"} | {"op":"call","tool":"echo","args":{…}[,"timeoutMs":N]} | {"op":"close"}; prints one JSON line per command.
//   node mcp-client.mjs load FILE CALLS
//       FILE holds [{"url":…,"token":…}, …]; every client connects at once and makes CALLS echo calls in a row;
//       prints {"clients":N,"calls":…,"errors":…,"firstErrors":[…],"p50Ms":…,"p99Ms":…,"wallMs":…}.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";

function transportFor(url, headers, legacy) {
  const options = { requestInit: { headers } };
  if (legacy) {
    // the SSE GET goes through eventSourceInit's fetch: carry the headers there too
    options.eventSourceInit = { fetch: (u, init) => fetch(u, { ...init, headers: { ...(init?.headers ?? {}), ...headers } }) };
    return new SSEClientTransport(new URL(url), options);
  }
  return new StreamableHTTPClientTransport(new URL(url), options);
}

async function connect(url, headers, legacy) {
  const transport = transportFor(url, headers, legacy);
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

const [command, ...rest] = process.argv.slice(2);
if (command === "repl") await repl(rest);
else if (command === "load") await load(rest[0], Number(rest[1] ?? 100));
else {
  console.error("usage: mcp-client.mjs repl URL [--header 'Name: value'] [--sse] | load FILE CALLS");
  process.exit(2);
}
