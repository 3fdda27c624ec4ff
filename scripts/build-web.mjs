// Builds the web app into dist/web and writes brotli and gzip copies next to every text asset, so the server
// sends a phone the smallest bytes without compressing on each request. Run by `npm install` (prepare).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const vite = path.join(root, 'node_modules', '.bin', 'vite');
if (!fs.existsSync(vite)) {
  console.log('build-web: vite is not installed (production install without dev dependencies); skipping');
  process.exit(0);
}
// Always React's production build, whatever NODE_ENV the caller runs under (vitest sets 'test').
execFileSync(vite, ['build', '--config', path.join(root, 'web/vite.config.ts'), '--logLevel', 'warn'], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, NODE_ENV: 'production' },
});
const out = path.join(root, 'dist/web');
for (const file of fs.readdirSync(out, { recursive: true })) {
  const p = path.join(out, String(file));
  if (!/\.(js|css|html|svg|json|txt)$/.test(p) || !fs.statSync(p).isFile()) continue;
  const buf = fs.readFileSync(p);
  fs.writeFileSync(`${p}.br`, zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  fs.writeFileSync(`${p}.gz`, zlib.gzipSync(buf, { level: 9 }));
}
console.log('build-web: dist/web ready');
