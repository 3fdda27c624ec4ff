import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * What the web app may load: its own scripts, styles, fonts and API only (Vite's build has no inline script or
 * style, and React sets style properties through the DOM, which a policy does not block); images also as data:
 * and blob: URLs (photo previews before upload). No plugins, no framing by other sites, no foreign form targets.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the built web app (dist/web) from the same server: hashed assets for a year, brotli/gzip files made at
 * build time, and index.html for every page address. Returns the function that answers with index.html.
 */
export async function registerWeb(
  app: FastifyInstance,
  webDir?: string,
): Promise<((reply: FastifyReply) => FastifyReply) | undefined> {
  if (!webDir || !fs.existsSync(path.join(webDir, 'index.html'))) return undefined;
  // index.html is re-read when a rebuild replaced it: a running server must not point at deleted assets.
  const indexFile = path.join(webDir, 'index.html');
  let index = { mtimeMs: 0, html: Buffer.alloc(0) };
  const indexHtml = () => {
    const mtimeMs = fs.statSync(indexFile, { throwIfNoEntry: false })?.mtimeMs ?? index.mtimeMs;
    if (mtimeMs !== index.mtimeMs) index = { mtimeMs, html: fs.readFileSync(indexFile) };
    return index.html;
  };
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: '/',
    index: false,
    wildcard: true,
    preCompressed: true,
    schemaHide: true,
    setHeaders(res: FastifyReply, file: string) {
      if (file.includes(`${path.sep}assets${path.sep}`))
        res.header('cache-control', 'public, max-age=31536000, immutable');
      else res.header('cache-control', 'public, max-age=300');
    },
  });
  const favicon = path.join(webDir, 'favicon.svg');
  if (fs.existsSync(favicon)) {
    const svg = fs.readFileSync(favicon);
    app.get('/favicon.ico', { schema: { hide: true } }, (_req, reply) =>
      reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(svg),
    );
  }
  const serveIndex = (reply: FastifyReply) =>
    reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml());
  app.get('/', { schema: { hide: true } }, (_req, reply) => serveIndex(reply));
  return serveIndex;
}
