import { defineConfig } from 'vite';

/** Served by the gateway at /admin on every store host; hashed assets under /admin/assets/. */
export default defineConfig({
  base: '/admin/',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, reportCompressedSize: false },
});
