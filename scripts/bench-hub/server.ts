// One app server for `npm run bench:hub`, in its own process so its CPU and memory are its own:
// the real createApp (gateway, hub, static), the upstream and REDIS_URL from the parent.
import { createApp } from '../../server/app.ts';
import { listen } from '../../server/test-support.ts';

const upstream = process.env.BENCH_UPSTREAM;
if (!upstream || !process.send) throw new Error('started by scripts/bench-hub/index.ts only');
const server = createApp({
  distDir: '/nonexistent-dist',
  upstream,
  redisUrl: process.env.REDIS_URL || undefined,
  log: (line) => {
    if (line.startsWith('hub:')) console.error(line); // failures only; one line per request would be the bench
  },
});
const port = await listen(server);
process.send({ port });
process.on('disconnect', () => process.exit(0));
