import { buildConsoleServer } from './console-server';
import { loadConsoleConfig } from './config';

async function main(): Promise<void> {
  const config = loadConsoleConfig();
  const app = await buildConsoleServer(config);
  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  await app.listen({ host: config.host, port: config.port });
  app.log.info({ url: `http://${config.host}:${config.port}/`, upstreams: config.upstreams }, 'console ready');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
