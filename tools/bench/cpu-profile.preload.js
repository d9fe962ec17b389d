// Preloaded into each app by `npm run bench -- --cpu-prof` (NODE_OPTIONS=--require ...; Node 20 refuses
// --cpu-prof in NODE_OPTIONS). Profiles the whole process and writes a .cpuprofile when it exits.
'use strict';
const { Session } = require('node:inspector');
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.BENCH_CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  session.post('Profiler.start');
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    // The in-process inspector answers synchronously, so this completes before the process goes on.
    session.post('Profiler.stop', (error, result) => {
      if (error || !result) return;
      const app = /apps\/([a-z-]+)\//.exec(process.argv.join(' '))?.[1] ?? 'process';
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${app}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  process.once('exit', write);
  // Nest's shutdown hooks end by re-raising the signal, which skips 'exit': write on the signal too,
  // then step aside (and re-raise it ourselves when nobody else handles it).
  const onTerm = (signal) => {
    write();
    process.removeListener('SIGTERM', onTerm);
    process.removeListener('SIGINT', onTerm);
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.on('SIGTERM', onTerm);
  process.on('SIGINT', onTerm);
}
