import type { ResolvedOptions } from './options.js';
import { createSeedState } from './seed/seed.js';
import type { CalloutLog } from './services/callouts.js';
import { Clock } from './state/clock.js';
import type { EmulatorState } from './state/emulator-state.js';
import { Sessions } from './state/sessions.js';
import type { User } from './state/types.js';

export interface FaultRule {
  method?: string;
  path: string;
  remaining: number;
  status?: number;
  delayMs?: number;
  malformed?: boolean;
}

/** Everything a request handler may touch. `state` is replaced on reset. */
export interface Runtime {
  state: EmulatorState;
  readonly clock: Clock;
  readonly sessions: Sessions;
  readonly options: ResolvedOptions;
  faults: FaultRule[];
  readonly callouts: CalloutLog;
}

export type EmulatorEnv = { Variables: { user: User } };

export function createRuntime(options: ResolvedOptions, callouts: CalloutLog): Runtime {
  return {
    state: createSeedState(),
    clock: new Clock(),
    sessions: new Sessions(options.ticketTtlSeconds),
    options,
    faults: [],
    callouts,
  };
}
