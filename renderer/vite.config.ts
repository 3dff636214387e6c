import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The first view (the cross-tab: the grid, its chart and their libraries) is a chunk of its own, imported
 * when the app starts; naming its files in index.html lets the browser fetch and compile them alongside
 * the app's first script instead of after it.
 */
function preloadFirstView(): Plugin {
  return {
    name: 'bluehelm-preload-first-view',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const view = chunks.find((c) => c.facadeModuleId?.endsWith('/views/crossTab/CrossTabView.tsx'));
        if (!view) return html;
        const files = new Set<string>();
        const add = (file: string) => {
          if (files.has(file) || html.includes(file)) return;
          files.add(file);
          chunks.find((c) => c.fileName === file)?.imports.forEach(add);
        };
        add(view.fileName);
        return { html, tags: [...files].map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const })) };
      },
    },
  };
}

// The same files are loaded from disk by Electron and over HTTP by serve mode, so every URL is
// relative and nothing is inlined into index.html (the CSP forbids inline scripts).
export default defineConfig({
  root,
  base: './',
  plugins: [react(), preloadFirstView()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      output: {
        // The two big libraries in chunks of their own, named for them: the cross-tab and the trends share
        // ECharts, and a view's own code can change without a new copy of a library to fetch.
        codeSplitting: {
          groups: [
            // React first: ag-grid-react would otherwise pull it into the grid's chunk, which the first script then imports.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 1 },
            { name: 'ag-grid', test: /node_modules[\\/]ag-(grid-community|grid-react|stack)[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
