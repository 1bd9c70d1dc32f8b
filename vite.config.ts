// Builds the browser client from client/ into dist/client, which Express serves.
import { defineConfig } from "vite";

export default defineConfig({
  root: "client",
  base: "./",
  build: { outDir: "../dist/client", emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
});
