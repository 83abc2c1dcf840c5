import { devWarn } from './dev-warn.js';
import { isDevMode } from './dev-mode.js';

/**
 * An element that should load data but never got a client shows its loading state forever; tell the
 * developer why (development builds only). The grace period lets a provider defined later answer first.
 */
export function warnWithoutClient(el: HTMLElement, hasClient: () => boolean, wanted: () => boolean): void {
  if (!isDevMode()) return;
  setTimeout(() => {
    if (el.isConnected && wanted() && !hasClient()) {
      devWarn(el, 'has no client: place it inside <xecm-provider bff-url="…"> or set its `client` property.');
    }
  }, 2000);
}
