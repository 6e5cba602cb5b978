import { ErrorCode } from "@modelcontextprotocol/sdk/types.js";

// The SDK's server answers a thrown error with its code and message; McpError would prefix "MCP error <code>:"
// to the message, which the client prefixes again.
export function invalidParams(message) {
  return Object.assign(new Error(message), { code: ErrorCode.InvalidParams });
}
