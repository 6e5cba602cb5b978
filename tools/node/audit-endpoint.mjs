// A stand-in for the npm registry's audit endpoint, which this machine cannot reach (it is a POST the registry
// mirror refuses). npm audit itself runs for real against it; only the advisory database is replaced, by the
// advisories file given (same shape as the bulk endpoint's answer, keyed by package name).
//   node audit-endpoint.mjs ADVISORIES.json [PORT]   prints "listening on PORT" once ready
import http from 'node:http';
import zlib from 'node:zlib';
import fs from 'node:fs';

const advisories = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const server = http.createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    if (request.method === 'POST' && request.url.endsWith('/-/npm/v1/security/advisories/bulk')) {
      let body = Buffer.concat(chunks);
      if (request.headers['content-encoding'] === 'gzip') body = zlib.gunzipSync(body);
      const asked = JSON.parse(body.toString() || '{}');
      const answer = Object.fromEntries(Object.keys(asked).filter((name) => advisories[name]).map((name) => [name, advisories[name]]));
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer));
      return;
    }
    // packuments (npm asks for them to work out fixes) are not served: npm then reports no fix available
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end('{"error":"not found"}');
  });
});
server.listen(Number(process.argv[3] ?? 0), '127.0.0.1', () => console.log(`listening on ${server.address().port}`));
