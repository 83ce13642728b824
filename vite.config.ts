/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// base './' keeps every asset path relative, so the build runs from any
// sub-path of a static host and from the file system.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { target: 'es2022', sourcemap: false },
  worker: { format: 'es' },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'fixtures/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
