// Child-process entry for the crash test: the BFF with events exactly as src/bff/main.ts runs it (settings from
// the environment / BFF_CONFIG_FILE, store file at BFF_STORE_PATH), reporting its URL to the parent over IPC
// because it listens on port 0.
import { loadConfig } from '../../../src/bff/config.js';
import { startBffWithEvents } from '../../../src/bff/server.js';

// An orphan must not outlive the test run that started it.
process.on('disconnect', () => process.exit(1));

const config = loadConfig(process.env);
const bff = await startBffWithEvents(config);
process.send?.({ type: 'ready', url: bff.url, pid: process.pid });
