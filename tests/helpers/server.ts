/** Start the production server (build/index.js) on a free loopback port with a chosen database: tests and benchmarks. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.listen(0, '127.0.0.1', () => {
			const port = (s.address() as { port: number }).port;
			s.close(() => resolve(port));
		});
		s.on('error', reject);
	});
}

export interface Started {
	proc: ChildProcess;
	url: string;
	output: () => string;
	exited: Promise<number | null>;
}

export async function startServer(dbPath: string, env: Record<string, string> = {}, entry = 'build/index.js'): Promise<Started> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const proc = spawn(process.execPath, [entry], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: url, DATABASE_PATH: dbPath, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	proc.stdout!.on('data', (d) => (out += d));
	proc.stderr!.on('data', (d) => (out += d));
	const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
	return { proc, url, output: () => out, exited };
}

/** Wait until the server answers, or throw with what it printed. */
export async function waitUp(s: Started, ms = 20_000): Promise<void> {
	const deadline = Date.now() + ms;
	while (Date.now() < deadline) {
		if (s.proc.exitCode !== null) throw new Error(`server exited ${s.proc.exitCode}: ${s.output()}`);
		try {
			if ((await fetch(`${s.url}/api/v1/stats`)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`server not up after ${ms} ms: ${s.output()}`);
}
