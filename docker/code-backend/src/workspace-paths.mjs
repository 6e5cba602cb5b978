// Confines every path a client passes to the workspace: lsmcp resolves them against a `root` the caller chooses.
import { existsSync, realpathSync } from "node:fs";
import { resolve, sep } from "node:path";
import { invalidParams } from "./errors.mjs";

// every argument whose name says it holds a path (relativePath, file, filePath, …), whatever the tool
const PATH_ARGUMENT = /path|file|dir/i;
const NAME_ARGUMENTS = ["memoryName"];

export class WorkspacePaths {
  constructor(root) {
    this.root = realpathSync(root);
  }

  /** The arguments with `root` set to the workspace; a path that leads outside it is refused. */
  confine(args = {}) {
    if (typeof args !== "object" || args === null || Array.isArray(args)) {
      throw invalidParams("arguments must be an object");
    }
    if (args.root !== undefined && args.root !== this.root) {
      throw invalidParams(`root must be the workspace (${this.root}) or left out; this instance serves no other directory`);
    }
    for (const [name, value] of Object.entries(args)) {
      if (PATH_ARGUMENT.test(name) && typeof value === "string") this.#checkPath(name, value);
    }
    for (const name of NAME_ARGUMENTS) {
      const value = args[name];
      if (value !== undefined && (typeof value !== "string" || /[\\/]|^\.\.?$/.test(value) || value.includes("\0"))) {
        throw invalidParams(`${name} must be a plain name without '/', '\\' or '..'`);
      }
    }
    return { ...args, root: this.root };
  }

  #checkPath(name, value) {
    if (value.includes("\0")) {
      throw invalidParams(`${name} must be a path relative to the workspace`);
    }
    const target = resolve(this.root, value);
    const inside = (path) => path === this.root || path.startsWith(this.root + sep);
    // a link inside the workspace may point out of it: judge where it leads
    if (!inside(target) || (existsSync(target) && !inside(realpathSync(target)))) {
      throw invalidParams(`${name} '${value}' leads outside the workspace; give a path relative to it`);
    }
  }
}
