import { createContext } from '@lit/context';
import type { BffClient } from '../../client/bff-client.js';

/** The BffClient `<xecm-provider>` gives its descendants. `Symbol.for` so two bundles of the library interoperate. */
export const clientContext = createContext<BffClient | undefined>(Symbol.for('xecm-elements/client'));
