// Structured log lines on stderr (the instance-manager keeps their tail); debug lines only with PARADISE_CODE_DEBUG=1.
const DEBUG = process.env.PARADISE_CODE_DEBUG === "1";

export function log(level, message, fields = {}) {
  if (level === "debug" && !DEBUG) return;
  process.stderr.write(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }) + "\n");
}
