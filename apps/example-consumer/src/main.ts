import 'reflect-metadata';
import { createDispatchApp } from './dispatch-app';

async function main(): Promise<void> {
  const app = await createDispatchApp(process.env);
  // Resolves once the workers reach Redis; SIGTERM closes them after the events in hand.
  await app.listen();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
