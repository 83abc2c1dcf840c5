import type { LogicalEvent } from './producer.js';
import type { ReceivedDelivery, Receiver } from './receiver.js';

/**
 * What the receivers saw, per logical event. A delivery is matched to its event by the node it is about (each
 * logical event has its own node), never by its webhook id, so a sender that changes ids cannot hide.
 */
export const nodeOf = (d: ReceivedDelivery): string | undefined =>
  d.event?.documentId ?? d.event?.workspaceId;

export const deliveriesOf = (receiver: Receiver, e: LogicalEvent): ReceivedDelivery[] =>
  receiver.deliveries.filter((d) => nodeOf(d) === e.nodeId);

/** Deliveries the receiver accepted (answered 2xx). */
export const acceptedBy = (receiver: Receiver, e: LogicalEvent): number =>
  deliveriesOf(receiver, e).filter((d) => d.status >= 200 && d.status < 300).length;

/** Distinct `webhook-id` values this event arrived with, at any of the receivers. */
export const webhookIdsOf = (receivers: readonly Receiver[], e: LogicalEvent): string[] => [
  ...new Set(receivers.flatMap((r) => deliveriesOf(r, e).map((d) => d.webhookId))),
];
