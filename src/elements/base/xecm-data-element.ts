import { consume } from '@lit/context';
import { property, state } from 'lit/decorators.js';
import type { BffClient } from '../../client/bff-client.js';
import { clientContext } from '../provider/client-context.js';
import { WatchController } from './watch-controller.js';
import { XecmElement } from './xecm-element.js';

/**
 * Base of elements that load data: the client comes from the nearest `<xecm-provider>` (through
 * `@lit/context`) or from the `client` property, which wins when both are present.
 */
export class XecmDataElement extends XecmElement {
  /** A BffClient for hosts without `<xecm-provider>` (or to override the provider's). */
  @property({ attribute: false }) client?: BffClient;

  @consume({ context: clientContext, subscribe: true })
  @state()
  private providedClient?: BffClient;

  /** The client to use: the `client` property, else the provider's; undefined until either exists. */
  protected get bff(): BffClient | undefined {
    return this.client ?? this.providedClient;
  }

  /**
   * Calls `onInvalidate` whenever one of `keys()` is invalidated in the client's cache (a write, a live
   * event, sign-out) — typically `() => this.task.run()`. `keys` is re-read after every update.
   */
  protected watch(keys: () => string[], onInvalidate: () => void): void {
    new WatchController(this, () => this.bff, keys, onInvalidate);
  }
}
