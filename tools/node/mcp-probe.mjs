#!/usr/bin/env node
// A real MCP client (the reference TypeScript SDK) for tests and benchmarks.
//   node mcp-probe.mjs tools-list URL [URL...]   → {"URL": ["tool", ...], ...}; exit 1 if any URL fails
//   options: --header "Name: value" (repeatable), --sse (legacy HTTP+SSE transport)
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";

const args = process.argv.slice(2);
const command = args.shift();
const headers = {};
let legacy = false;
const urls = [];
while (args.length) {
  const arg = args.shift();
  if (arg === "--header") {
    const [name, ...value] = args.shift().split(":");
    headers[name.trim()] = value.join(":").trim();
  } else if (arg === "--sse") {
    legacy = true;
  } else {
    urls.push(arg);
  }
}

async function toolsList(url) {
  const options = { requestInit: { headers } };
  const transport = legacy ? new SSEClientTransport(new URL(url), options) : new StreamableHTTPClientTransport(new URL(url), options);
  const client = new Client({ name: "paradise-probe", version: "1.0.0" });
  await client.connect(transport);
  try {
    const { tools } = await client.listTools();
    return tools.map((tool) => tool.name);
  } finally {
    await client.close();
  }
}

if (command !== "tools-list" || urls.length === 0) {
  console.error("usage: mcp-probe.mjs tools-list [--sse] [--header 'Name: value'] URL [URL...]");
  process.exit(2);
}
const results = {};
let failed = false;
await Promise.all(urls.map(async (url) => {
  try {
    results[url] = await toolsList(url);
  } catch (error) {
    failed = true;
    results[url] = { error: String(error?.message ?? error) };
  }
}));
console.log(JSON.stringify(results));
process.exit(failed ? 1 : 0);
