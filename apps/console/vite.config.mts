import react from '@vitejs/plugin-react';
import { join } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    // Only the browser-safe entry of the contracts: index.ts also exports signing helpers on node:crypto.
    alias: { '@portal/contracts/http': join(root, '../../libs/contracts/src/http.ts') },
  },
  build: {
    outDir: join(root, '../../dist/apps/console'),
    emptyOutDir: true,
  },
  server: {
    port: 4204,
    // `nx dev console` talks to `npm start`'s console server, which proxies /api to the services.
    proxy: { '/api': `http://127.0.0.1:${process.env.CONSOLE_PORT ?? 3004}` },
  },
});
