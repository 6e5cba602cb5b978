// Which languages a workspace holds, by its files' extensions, and the lsmcp adapter that serves each.
import { readdirSync } from "node:fs";
import { extname, join, relative } from "node:path";

export const LANGUAGES = [
  { name: "python", preset: "pyright", server: "pyright/langserver.index.js", extensions: [".py", ".pyi"] },
  {
    name: "typescript", preset: "typescript", server: "typescript-language-server/lib/cli.mjs",
    extensions: [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"],
  },
];

// directories no language server should read: dependencies, build output, caches, version control
const SKIPPED = new Set(["node_modules", "dist", "build", "target", "coverage", "venv", "__pycache__", "site-packages"]);

export function languageOf(path) {
  const extension = extname(path).toLowerCase();
  return LANGUAGES.find((language) => language.extensions.includes(extension));
}

/**
 * The languages with at least one source file, most files first, each with a few sample files (smallest
 * directories first) for the warm-up. The walk skips hidden and dependency directories and stops after maxFiles.
 */
export function detectLanguages(root, { maxFiles = 50_000, samples = 20 } = {}) {
  const found = new Map();
  const pending = [root];
  let seen = 0;
  while (pending.length > 0 && seen < maxFiles) {
    const directory = pending.shift();
    let entries;
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) pending.push(path);
      } else if (entry.isFile()) {
        seen++;
        const language = languageOf(entry.name);
        if (!language) continue;
        const tally = found.get(language.name) ?? { ...language, files: 0, samples: [] };
        tally.files++;
        if (tally.samples.length < samples && !entry.name.endsWith(".d.ts")) tally.samples.push(relative(root, path));
        found.set(language.name, tally);
      }
    }
  }
  return [...found.values()].sort((a, b) => b.files - a.files);
}
