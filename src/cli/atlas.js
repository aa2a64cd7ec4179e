#!/usr/bin/env node
// Entry point for `npx atlas`: registers the TypeScript loader so the CLI runs straight after `npm install`,
// with no build step, then hands over to the command dispatcher.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
