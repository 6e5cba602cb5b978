// One lsmcp process for one language of the workspace, spoken to over stdio with the MCP TypeScript SDK's client.
// It lives as long as the instance: every MCP session of the client shares it and its language server's index.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { CallToolResultSchema } from "@modelcontextprotocol/sdk/types.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const MODULES = join(HERE, "..", "node_modules");
const ASCII_LSP = join(HERE, "ascii-lsp.mjs");
const NO_GIT = join(HERE, "no-git");
const STDERR_TAIL = 8_192;

export class LanguageServer {
  constructor({ language, workspace, log, onExit }) {
    this.language = language;
    this.workspace = workspace;
    this.log = log;
    this.onExit = onExit;
    this.stderr = "";
    this.tools = [];
  }

  async start() {
    // our own configuration, outside the workspace: a workspace's .lsmcp/config.json or node_modules could name
    // any program as its language server, and the workspace is untrusted
    const configDirectory = mkdtempSync(join(tmpdir(), "paradise-lsmcp-"));
    const config = join(configDirectory, "config.json");
    writeFileSync(config, JSON.stringify(this.#configuration()), { mode: 0o600 });
    this.transport = new StdioClientTransport({
      command: process.execPath,
      args: [join(MODULES, "@mizchi/lsmcp/dist/lsmcp.js"), "--config", config],
      cwd: this.workspace,
      env: {
        // git is shadowed by a stub that refuses (src/no-git/git): see there
        PATH: `${NO_GIT}:${dirname(process.execPath)}:${process.env.PATH ?? "/usr/bin:/bin"}`,
        HOME: process.env.HOME ?? tmpdir(),
        NODE_NO_WARNINGS: "1",
      },
      stderr: "pipe",
    });
    this.transport.stderr?.on("data", (chunk) => {
      this.stderr = (this.stderr + chunk).slice(-STDERR_TAIL);
    });
    this.client = new Client({ name: "devops-paradise-code-backend", version: "1.0.0" });
    this.client.onclose = () => this.onExit?.(this);
    try {
      await this.client.connect(this.transport);
      this.tools = (await this.client.listTools()).tools;
    } finally {
      // lsmcp has read it by the time it answers
      rmSync(configDirectory, { recursive: true, force: true });
    }
    this.instructions = this.client.getInstructions();
    this.serverVersion = this.client.getServerVersion();
  }

  #configuration() {
    const node = process.execPath;
    if (this.language.preset === "typescript") {
      return {
        preset: "typescript",
        bin: node,
        args: [ASCII_LSP, join(MODULES, this.language.server), "--stdio"],
        initializationOptions: {
          preferences: { includeCompletionsForModuleExports: true, includeCompletionsWithInsertText: true },
          tsserver: { path: join(MODULES, "typescript/lib/tsserver.js") },
          // no npm install of @types packages the workspace's package.json names
          disableAutomaticTypingAcquisition: true,
        },
      };
    }
    return { preset: this.language.preset, bin: node, args: [ASCII_LSP, join(MODULES, this.language.server), "--stdio"] };
  }

  /** The lsmcp process (its language server is its child). */
  get pid() {
    return this.transport?.pid ?? null;
  }

  call(name, args, { signal, timeout }) {
    return this.client.callTool({ name, arguments: args }, CallToolResultSchema, { signal, timeout });
  }

  /**
   * Makes the language server read the whole workspace: a references search on a symbol of a sample file needs
   * every file analysed. It is repeated until it answers or the deadline passes (lsmcp gives up on a request after
   * its own timeout), so that a client's first call never meets a cold index. Then lsmcp's own symbol index is
   * built (search_symbols builds it on first use; get_symbols_overview needs it).
   */
  async warmUp(deadline, progress) {
    const started = Date.now();
    const remaining = (most) => ({ timeout: Math.max(1_000, Math.min(most, deadline - Date.now())) });
    const symbol = await this.#sampleSymbol(deadline);
    if (!symbol) {
      this.log("info", "warm-up found no symbol to search; the index builds on first use", { language: this.language.name });
      return Date.now() - started;
    }
    for (let attempt = 1; ; attempt++) {
      if (Date.now() >= deadline) {
        throw new Error(`${this.language.name}: the language server did not index the workspace before the deadline`);
      }
      progress(`${this.language.name}: indexing the workspace (${Math.round((Date.now() - started) / 1000)} s)`);
      const result = await this.call("lsp_find_references", { root: this.workspace, ...symbol }, remaining(120_000))
        .catch((error) => ({ isError: true, error }));
      if (!result.isError) break;
      this.log("info", "warm-up search did not answer yet", { language: this.language.name, attempt, detail: describe(result) });
    }
    progress(`${this.language.name}: building the symbol index (${Math.round((Date.now() - started) / 1000)} s)`);
    const indexed = await this.call("search_symbols", { root: this.workspace, query: symbol.symbolName }, remaining(600_000))
      .catch((error) => ({ isError: true, error }));
    if (indexed.isError) this.log("info", "symbol index not built; search_symbols builds it on first use", { detail: describe(indexed) });
    return Date.now() - started;
  }

  async #sampleSymbol(deadline) {
    for (const relativePath of this.language.samples) {
      if (Date.now() >= deadline) return null;
      const result = await this.call("lsp_get_document_symbols", { root: this.workspace, relativePath },
        { timeout: Math.max(1_000, Math.min(60_000, deadline - Date.now())) }).catch(() => null);
      const text = result && !result.isError ? result.content?.map((part) => part.text ?? "").join("\n") : "";
      // lsmcp lists each symbol as "name [Kind]" with "Range: line:column-line:column" on the next line
      const match = /^([A-Za-z_$][\w$]*) \[(?:Function|Class|Method|Interface)\]\s*\n\s*Range: (\d+):/m.exec(text ?? "");
      if (match) return { relativePath, symbolName: match[1], line: Number(match[2]) };
    }
    return null;
  }

  async close() {
    await this.client?.close().catch(() => {});
  }
}

function describe(result) {
  if (result.error) return String(result.error.message ?? result.error);
  return (result.content ?? []).map((part) => part.text ?? "").join(" ").slice(0, 300);
}
