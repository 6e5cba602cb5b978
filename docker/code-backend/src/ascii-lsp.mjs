// Runs a language server in this process and re-encodes every message it sends as pure ASCII (non-ASCII characters
// as \uXXXX, which JSON allows only inside strings, where they mean the same).
//
// Why: lsmcp 0.10.0 reads the server's stream as text and takes Content-Length, a count of bytes, as a count of
// characters. One non-ASCII character in an answer (a name, a docstring, a diagnostic) shifts its framing, and
// every later answer is lost: each request then times out. In ASCII, bytes and characters are the same count.
// The server runs in this same process (its writes to stdout pass through here), so the fix costs no process.
//
//   node ascii-lsp.mjs <server script> [args…]
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const write = process.stdout.write.bind(process.stdout);
let chunks = [];
let buffered = 0;

process.stdout.write = (chunk, encoding, callback) => {
  if (typeof encoding === "function") [callback, encoding] = [encoding, undefined];
  const bytes = typeof chunk === "string" ? Buffer.from(chunk, encoding ?? "utf8") : Buffer.from(chunk);
  chunks.push(bytes);
  buffered += bytes.length;
  forwardWholeMessages();
  if (callback) process.nextTick(callback);
  return true;
};

function forwardWholeMessages() {
  let buffer = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, buffered);
  for (;;) {
    const headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) break;
    const length = Number(/Content-Length:\s*(\d+)/i.exec(buffer.subarray(0, headerEnd).toString("latin1"))?.[1]);
    if (!Number.isSafeInteger(length)) {
      // not LSP framing: hand it on untouched, as the server wrote it
      write(buffer.subarray(0, headerEnd + 4));
      buffer = buffer.subarray(headerEnd + 4);
      continue;
    }
    const start = headerEnd + 4;
    if (buffer.length < start + length) break;
    const body = buffer.subarray(start, start + length).toString("utf8")
      .replace(/[\u007f-\uffff]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
    write(`Content-Length: ${body.length}\r\n\r\n${body}`);
    buffer = buffer.subarray(start + length);
  }
  chunks = buffer.length > 0 ? [buffer] : [];
  buffered = buffer.length;
}

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];
await import(pathToFileURL(resolve(script)).href);
