import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BffClient } from '../../client/bff-client.js';

/**
 * Keeps subscriptions to cache keys in step with the host: resubscribes after each update when the
 * keys or the client changed, drops them while disconnected.
 */
export class WatchController implements ReactiveController {
  readonly #client: () => BffClient | undefined;
  readonly #keys: () => string[];
  readonly #onInvalidate: () => void;
  #subscribedClient: BffClient | undefined;
  #subscribedKeys = '';
  #release: (() => void)[] = [];
  #connected = false;

  constructor(
    host: ReactiveControllerHost,
    client: () => BffClient | undefined,
    keys: () => string[],
    onInvalidate: () => void,
  ) {
    this.#client = client;
    this.#keys = keys;
    this.#onInvalidate = onInvalidate;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#sync();
  }

  hostUpdated(): void {
    this.#sync();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe();
  }

  #sync(): void {
    if (!this.#connected) return;
    const client = this.#client();
    const keys = client ? [...new Set(this.#keys().filter(Boolean))] : [];
    const signature = keys.join('\n');
    if (client === this.#subscribedClient && signature === this.#subscribedKeys) return;
    this.#unsubscribe();
    this.#subscribedClient = client;
    this.#subscribedKeys = signature;
    if (client) this.#release = keys.map((key) => client.subscribe(key, () => this.#onInvalidate()));
  }

  #unsubscribe(): void {
    for (const release of this.#release) release();
    this.#release = [];
    this.#subscribedClient = undefined;
    this.#subscribedKeys = '';
  }
}
