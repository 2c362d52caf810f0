/**
 * Global setup of the browser tests: start the production build (build/index.js) on a free loopback port against
 * the database the app serves, wait until it answers, and stop it afterwards.
 */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startServer, waitUp } from './helpers/server';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
	}
}

export default async function setup(project: TestProject) {
	if (!existsSync('build/index.js')) throw new Error('build/index.js is missing: run `npm test` (it builds the app) or `npm run build`');
	const server = await startServer(process.env.DATABASE_PATH || 'data/atlas.db');
	await waitUp(server, 30_000);
	project.provide('baseURL', server.url);
	return () => {
		server.proc.kill('SIGTERM');
	};
}
