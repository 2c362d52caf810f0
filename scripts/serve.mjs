#!/usr/bin/env node
/**
 * Serve the production build with one worker process per core (node:cluster), all sharing PORT and reading the
 * same read-only database. A worker that dies is replaced; SIGTERM and SIGINT are passed on so that each worker
 * drains its requests before the whole server exits. WEB_CONCURRENCY overrides the number of workers.
 */
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';

const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY) || availableParallelism());

if (cluster.isPrimary && workers > 1) {
	let stopping = false;
	let alive = 0;
	const fork = () => {
		alive++;
		cluster.fork();
	};
	for (let i = 0; i < workers; i++) fork();
	cluster.on('exit', (worker, code) => {
		alive--;
		if (stopping) {
			if (alive === 0) process.exit(0);
			return;
		}
		// A worker that fails at start (a bad database) means every worker will: stop rather than loop.
		if (code === 1) {
			console.error('a server worker could not start; stopping');
			stopping = true;
			for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
			process.exit(1);
		}
		console.error(`server worker ${worker.process.pid} exited (${code}); starting another`);
		fork();
	});
	for (const sig of ['SIGTERM', 'SIGINT']) {
		process.on(sig, () => {
			stopping = true;
			for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(sig);
			// Workers drain within adapter-node's SHUTDOWN_TIMEOUT (30 s); never outlive it by much.
			setTimeout(() => {
				for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL');
				process.exit(1);
			}, 35_000).unref();
		});
	}
} else {
	// adapter-node closes the server and drains requests on SIGTERM, then emits this; a cluster worker's link to
	// the primary would keep it alive, so it leaves here.
	process.on('sveltekit:shutdown', () => process.exit(0));
	await import('../build/index.js');
}
