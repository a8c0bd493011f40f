import { defineConfig } from 'vite';

/** Served by the gateway at / on the console host; hashed assets under /assets/. */
export default defineConfig({
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, reportCompressedSize: false },
});
