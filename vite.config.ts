/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The built page runs from a static host or straight from the file system:
 * one classic (non-module) deferred script, since browsers refuse module
 * scripts and crossorigin stylesheets from file:// pages. It also carries a
 * Content-Security-Policy: no eval, nothing loaded from other origins.
 * 'wasm-unsafe-eval' lets the page (and the blob: worker, which inherits this
 * policy) compile the bundled matrix-product kernel, WebAssembly only: it
 * does not allow eval or new Function.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  // KaTeX writes inline style attributes into its HTML.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function staticPage(): Plugin {
  return {
    name: 'chainstep-static-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html
          .replace(/<script type="module" crossorigin src=/g, '<script defer src=')
          .replace(/<link rel="stylesheet" crossorigin href=/g, '<link rel="stylesheet" href=')
          .replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
    },
  };
}

// base './' keeps every asset path relative, so the build runs from any
// sub-path of a static host and from the file system.
export default defineConfig({
  base: './',
  plugins: [react(), staticPage()],
  build: {
    target: 'es2022',
    sourcemap: false,
    modulePreload: false,
    rolldownOptions: { output: { format: 'iife' } },
  },
  worker: { format: 'iife' },
  preview: { port: 4173, strictPort: true },
  test: {
    // Node code has the Chinese catalogue at hand (the page loads it as a script).
    setupFiles: ['src/i18n/register.ts', 'src/engine/python/register.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'fixtures/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
