import { listen, type Listening } from '../server/listen.js';
import { createReceiverApp, type Delivery, type ReceiverOptions } from './receiver-app.js';

export interface Receiver extends Listening {
  deliveries: Delivery[];
}

/** Starts the ERP webhook receiver (port 4200 in `npm start`, 0 = free port in tests). */
export async function startReceiver(options: ReceiverOptions & { port?: number }): Promise<Receiver> {
  const { app, deliveries } = createReceiverApp(options);
  const listening = await listen(app, options.port ?? 0);
  return { ...listening, deliveries };
}
