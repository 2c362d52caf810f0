/**
 * Global setup of the browser tests: start the production build (build/index.js) on a free loopback port against
 * the database the app serves, wait until it answers, and stop it afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
	}
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.listen(0, '127.0.0.1', () => {
			const port = (s.address() as { port: number }).port;
			s.close(() => resolve(port));
		});
		s.on('error', reject);
	});
}

export default async function setup(project: TestProject) {
	if (!existsSync('build/index.js')) throw new Error('build/index.js is missing: run `npm test` (it builds the app) or `npm run build`');
	const port = await freePort();
	const baseURL = `http://127.0.0.1:${port}`;
	const server: ChildProcess = spawn(process.execPath, ['build/index.js'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: baseURL },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	server.stdout!.on('data', (d) => (log += d));
	server.stderr!.on('data', (d) => (log += d));
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}):\n${log}`);
		try {
			const r = await fetch(`${baseURL}/api/v1/stats`);
			if (r.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`the server did not answer within 30 s:\n${log}`);
		await new Promise((r) => setTimeout(r, 200));
	}
	project.provide('baseURL', baseURL);
	return () => {
		server.kill('SIGTERM');
	};
}
