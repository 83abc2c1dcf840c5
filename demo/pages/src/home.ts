import { boot, h, signInAs } from './shell.js';

const shell = await boot();
const users = document.getElementById('users')!;
for (const u of shell.users) {
  users.append(
    h(
      'button',
      {
        type: 'button',
        'aria-pressed': String(u.id === shell.user),
        'data-user': u.id,
        onclick: () => void signInAs(u.id),
      },
      h('strong', {}, u.name),
      h('br'),
      h('code', {}, u.id),
      h('br'),
      h('span', { class: 'muted' }, u.role),
    ),
  );
}
const links = document.getElementById('links')!;
const { bffUrl, emulatorUrl, receiverUrl } = shell.config;
if (bffUrl)
  links.append(
    h(
      'li',
      {},
      'BFF: ',
      h('a', { href: `${bffUrl}/openapi.json` }, bffUrl),
      ' (API description at /openapi.json)',
    ),
  );
if (emulatorUrl) links.append(h('li', {}, 'xECM emulator: ', h('a', { href: emulatorUrl }, emulatorUrl)));
if (receiverUrl)
  links.append(
    h(
      'li',
      {},
      'ERP webhook receiver: ',
      h('a', { href: receiverUrl }, receiverUrl),
      ' (signed webhooks it received)',
    ),
  );
