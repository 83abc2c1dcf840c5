import 'xecm-elements';
import { boot } from './shell.js';

// The portal is anonymous: the provider gets the BFF URL but no token provider.
const shell = await boot();
for (const provider of document.querySelectorAll('xecm-provider')) {
  if (shell.config.bffUrl) provider.setAttribute('bff-url', shell.config.bffUrl);
}
