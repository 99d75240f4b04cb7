import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The build lands in the host's static files, so `dotnet run --project src/SlaGrains.Host` serves it.
// `npm run dev` serves it with hot reload and forwards the API and the hub to a host on :5080.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { outDir: '../src/SlaGrains.Host/wwwroot', emptyOutDir: true },
  server: {
    proxy: {
      '/api': 'http://localhost:5080',
      '/hubs': { target: 'http://localhost:5080', ws: true },
    },
  },
  test: { include: ['test/**/*.test.{ts,tsx}'], environment: 'happy-dom', setupFiles: ['test/setup.ts'] },
});
