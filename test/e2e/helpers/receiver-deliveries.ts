// Reads the ERP receiver's deliveries over HTTP, as an operator would (`GET /deliveries`).

export interface ReceivedDelivery {
  webhookId: string | null;
  type: string | null;
  verified: boolean;
  reason?: string;
  /** The BFF's webhook body: `{type, timestamp, data: DomainEvent}`. */
  payload: {
    type?: string;
    data?: { documentId?: string; workspaceId?: string; data?: Record<string, unknown> };
  };
}

export async function receiverDeliveries(receiverUrl: string): Promise<ReceivedDelivery[]> {
  const res = await fetch(`${receiverUrl}/deliveries`);
  if (!res.ok) throw new Error(`GET /deliveries answered ${res.status}`);
  const { items } = (await res.json()) as { items: ReceivedDelivery[] };
  return items;
}

/** One line per delivery, for failure messages: which events did arrive. */
export function describeDeliveries(items: readonly ReceivedDelivery[]): string {
  if (items.length === 0) return 'the receiver got nothing';
  return `the receiver got: ${items
    .map(
      (d) =>
        `${d.type ?? '?'}(document ${d.payload.data?.documentId ?? '-'}, workspace ${d.payload.data?.workspaceId ?? '-'}, ${d.verified ? 'verified' : `unverified: ${d.reason ?? ''}`})`,
    )
    .join(', ')}`;
}
