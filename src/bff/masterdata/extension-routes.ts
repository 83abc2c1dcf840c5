// Reads the provisioning and master-data sections of the BFF's configuration and builds their route
// modules, for `createBff(config, { routes })` in main.ts or any embedding.
import { readFileSync } from 'node:fs';
import type { RouteModule } from '../app.js';
import { type MasterDataModule, masterDataRoutes } from '../routes/masterdata.js';
import { lobProvisioningHook, type ProvisioningModule, provisioningRoutes } from '../routes/provisioning.js';
import { parseProvisioningConfig } from '../services/provisioning.js';
import { parseMasterDataConfig } from './masterdata-config.js';

export interface ExtensionRoutes {
  routes: RouteModule[];
  provisioning?: ProvisioningModule;
  masterData?: MasterDataModule;
}

function fileSections(path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : {};
}

/**
 * `provisioning` and `masterData` from the JSON config file (`file` or `BFF_CONFIG_FILE`), with
 * `BFF_MASTERDATA_TOKEN` overriding `masterData.serviceToken`. `BFF_LOB_HOOK_SECRETS` (comma-separated
 * `whsec_…`) mounts the provisioning-only `/hooks/lob/:system`; leave it unset when the events module
 * owns that hook. Throws with one line per wrong setting.
 */
export function provisioningAndMasterDataRoutes(
  env: Record<string, string | undefined>,
  file?: string,
): ExtensionRoutes {
  const sections = fileSections(file ?? env.BFF_CONFIG_FILE);
  const out: ExtensionRoutes = { routes: [] };
  if (sections.provisioning !== undefined) {
    out.provisioning = provisioningRoutes(parseProvisioningConfig(sections.provisioning));
    out.routes.push(out.provisioning.mount);
    const secrets = (env.BFF_LOB_HOOK_SECRETS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (secrets.length > 0) out.routes.push(lobProvisioningHook(out.provisioning, secrets));
  }
  const md = sections.masterData as Record<string, unknown> | undefined;
  if (md !== undefined || env.BFF_MASTERDATA_TOKEN) {
    const config = parseMasterDataConfig({
      systems: {},
      ...md,
      ...(env.BFF_MASTERDATA_TOKEN ? { serviceToken: env.BFF_MASTERDATA_TOKEN } : {}),
    });
    out.masterData = masterDataRoutes(config);
    out.routes.push(out.masterData.mount);
  }
  return out;
}
