// A tiny static file server on 127.0.0.1 for the demo and the end-to-end tests.
// Files are served byte for byte; HTML gets no charset, so each page's own
// <meta charset> decides (several corpus pages are gb2312 or iso-8859-1).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xhtml': 'application/xhtml+xml',
  '.svg': 'image/svg+xml',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.png': 'image/png',
  '.txt': 'text/plain',
};

/**
 * Requests under this path are never answered: a page that loads one never
 * fires its load event, as a news page with one slow resource may not for seconds.
 */
export const HELD_PATH = '/held/';

/**
 * Requests under this path, as `/slow/MS/name.js`, are answered empty after
 * MS milliseconds: a parser that meets such a script waits for it, then reads on.
 */
const SLOW_PATH = '/slow/';

/**
 * @param {Record<string, string>} mounts URL prefix (e.g. "/corpus/") → folder on disk
 * @param {{ headers?: (path: string) => Record<string, string>, append?: (path: string) => string | undefined }} [options]
 *   `append` gives text to send after a file's own bytes (after `</html>`, a parser puts it in the body).
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export async function startStaticServer(mounts, options = {}) {
  /** @type {[string, string][]} */
  const roots = Object.entries(mounts).map(([prefix, dir]) => [prefix, resolve(dir)]);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (path.startsWith(HELD_PATH)) return;
    if (path.startsWith(SLOW_PATH)) {
      const delay = Number.parseInt(path.slice(SLOW_PATH.length), 10) || 0;
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
        res.end();
      }, delay);
      return;
    }
    const mount = roots.find(([prefix]) => path.startsWith(prefix));
    if (!mount) return notFound(res);
    const [prefix, dir] = mount;
    const file = normalize(resolve(dir, `.${sep}${path.slice(prefix.length)}`));
    if (!file.startsWith(dir + sep)) return notFound(res);
    try {
      if (!(await stat(file)).isFile()) return notFound(res);
    } catch {
      return notFound(res);
    }
    res.writeHead(200, {
      'content-type': TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      ...(options.headers?.(path) ?? {}),
    });
    const tail = options.append?.(path);
    const stream = createReadStream(file);
    if (tail === undefined) return stream.pipe(res);
    stream.pipe(res, { end: false });
    stream.on('end', () => res.end(tail));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((done) => {
        server.close(() => done(undefined));
        // Held requests and idle keep-alive sockets would keep the server open.
        server.closeAllConnections();
      }),
  };
}

/** @param {import('node:http').ServerResponse} res */
function notFound(res) {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}
