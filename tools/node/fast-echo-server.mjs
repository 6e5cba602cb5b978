#!/usr/bin/env node
// A minimal, fast MCP server with one tool, echo, built on the reference TypeScript SDK. It answers in plain
// JSON (no SSE) so that a proxy's own cost is not hidden behind the server's. Benchmarks only.
//   PORT=8299 node fast-echo-server.mjs http     Streamable HTTP with sessions on /mcp
//   node fast-echo-server.mjs stdio              over standard input and output
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import { z } from "zod";

function newServer() {
  const server = new McpServer({ name: "fast-echo", version: "1.0.0" });
  server.registerTool("echo", { description: "Echoes the message", inputSchema: { message: z.string() } },
    async ({ message }) => ({ content: [{ type: "text", text: `Echo: ${message}` }] }));
  return server;
}

if (process.argv[2] === "stdio") {
  await newServer().connect(new StdioServerTransport());
} else {
  const sessions = new Map();
  const http = createServer(async (req, res) => {
    if (!req.url.startsWith("/mcp")) { res.writeHead(404).end(); return; }
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : undefined;
    const id = req.headers["mcp-session-id"];
    let transport = id ? sessions.get(id) : undefined;
    if (!transport) {
      if (id || body?.method !== "initialize") {
        res.writeHead(404, { "content-type": "application/json" })
          .end(JSON.stringify({ jsonrpc: "2.0", id: null, error: { code: -32001, message: "Session not found" } }));
        return;
      }
      transport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        enableJsonResponse: true,
        onsessioninitialized: (sid) => sessions.set(sid, transport),
      });
      transport.onclose = () => sessions.delete(transport.sessionId);
      await newServer().connect(transport);
    }
    await transport.handleRequest(req, res, body);
  });
  http.keepAliveTimeout = 60_000;
  http.listen(Number(process.env.PORT ?? 8299), "127.0.0.1", () => console.error(`fast-echo listening on ${process.env.PORT}`));
}
