export interface OtdsClient {
  clientId: string;
  clientSecret: string;
  /** May use token exchange to act as any user (default true). */
  mayImpersonate?: boolean;
  /** The Content Server user a plain client_credentials token acts as; none by default (401 on /api). */
  userName?: string;
}

export interface CalloutOptions {
  url: string;
  /** Standard Webhooks secret, `whsec_<base64>` (a raw string is used as the key as is). */
  secret: string;
}

export interface EmulatorOptions {
  port?: number;
  host?: string;
  ticketTtlSeconds?: number;
  /** Base URL of the master-data gateway: the emulator fetches `{masterDataUrl}/{system}/{boType}/{boId}`. */
  masterDataUrl?: string;
  /** Sent as `Authorization: Bearer <token>` to the master-data gateway. */
  masterDataToken?: string;
  /** Business object property → attribute name in the workspace's business category. */
  masterDataMapping?: Record<string, string>;
  callout?: CalloutOptions;
  otdsClients?: OtdsClient[];
  maxUploadBytes?: number;
}

export const DEFAULT_MASTER_DATA_MAPPING: Readonly<Record<string, string>> = {
  accountNumber: 'Account Number',
  supplierNumber: 'Account Number',
  projectId: 'Project ID',
  caseNumber: 'Case Number',
  owner: 'Owner',
  region: 'Region',
  status: 'Status',
  industry: 'Industry',
  budget: 'Budget',
  priority: 'Priority',
};

export interface ResolvedOptions {
  readonly ticketTtlSeconds: number;
  readonly masterDataUrl?: string;
  readonly masterDataToken?: string;
  readonly masterDataMapping: Readonly<Record<string, string>>;
  readonly callout?: CalloutOptions;
  readonly otdsClients: readonly OtdsClient[];
  readonly maxUploadBytes: number;
}

export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  return {
    ticketTtlSeconds: options.ticketTtlSeconds ?? 1800,
    ...(options.masterDataUrl ? { masterDataUrl: options.masterDataUrl.replace(/\/+$/, '') } : {}),
    ...(options.masterDataToken ? { masterDataToken: options.masterDataToken } : {}),
    masterDataMapping: options.masterDataMapping ?? DEFAULT_MASTER_DATA_MAPPING,
    ...(options.callout ? { callout: options.callout } : {}),
    otdsClients: options.otdsClients ?? [
      { clientId: 'xecm-bff', clientSecret: 'bff-secret', mayImpersonate: true },
    ],
    maxUploadBytes: options.maxUploadBytes ?? 50 * 1024 * 1024,
  };
}
