import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { isCommonAssetRequest } from 'msw';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { idleLiveEvents } from '../test/mocks/live-handlers.js';

interface ManifestMember {
  name: string;
  privacy?: string;
  static?: boolean;
}
interface Manifest {
  modules: { declarations?: { members?: ManifestMember[] }[] }[];
}

/**
 * The manifest lists private and protected members too (the Lit task's source, `providedClient`, …);
 * the docs pages are for users of the element, so they show only its public API.
 */
function publicApi(manifest: Manifest): Manifest {
  const isPublic = (m: ManifestMember) =>
    (m.privacy === undefined || m.privacy === 'public') && !m.static && !m.name.startsWith('#');
  return {
    ...manifest,
    modules: manifest.modules.map((mod) => ({
      ...mod,
      declarations: mod.declarations?.map((d) => ({ ...d, members: d.members?.filter(isPublic) })),
    })),
  };
}

// Controls and argTypes come from custom-elements.json (`npm run analyze`; absent until then).
const manifests = import.meta.glob<{ default: Manifest }>('../dist/custom-elements.json', { eager: true });
const manifest = Object.values(manifests)[0]?.default;
if (manifest) setCustomElementsManifest(publicApi(manifest));

/**
 * The addon's own setup, plus an open, quiet live-update stream as the base handler: elements subscribe
 * to `/v1/events` and would otherwise get a 404 (and a console warning) in every story. `resetHandlers()`
 * between stories keeps base handlers; a story's own handlers (e.g. `createLiveMock()`) come first.
 */
async function setupMsw() {
  const worker = setupWorker(...idleLiveEvents());
  await worker.start({
    quiet: true,
    onUnhandledRequest(request, print) {
      if (isCommonAssetRequest(request) || /iframe\.html|sb-|@vite|\/virtual:|\.stories\./.test(request.url))
        return;
      print.warning();
    },
  });
  return worker;
}

const THEMES = ['auto', 'light', 'dark'] as const;
const LOCALES = ['en', 'de', 'fr', 'es', 'ja', 'en-XA'] as const;

/**
 * Toolbar globals act on the whole page: `<html lang dir>` (what elements fall back to when a story sets
 * no locale itself) and `--xecm-color-scheme`. A story's own provider settings still win.
 */
function applyGlobals(globals: Record<string, unknown>): void {
  const root = document.documentElement;
  const theme = THEMES.find((t) => t === globals['theme']) ?? 'auto';
  root.lang = LOCALES.find((l) => l === globals['locale']) ?? 'en';
  root.dir = globals['dir'] === 'rtl' ? 'rtl' : 'ltr';
  const scheme = theme === 'auto' ? 'light dark' : theme;
  root.style.setProperty('--xecm-color-scheme', scheme);
  root.style.colorScheme = scheme;
  document.body.style.background = 'light-dark(#ffffff, #0d1117)';
  document.body.style.color = 'light-dark(#1f2328, #e6edf3)';
}

const preview: Preview = {
  // A docs page per element: its API table comes from custom-elements.json.
  tags: ['autodocs'],
  loaders: [mswLoader(setupMsw)],
  globalTypes: {
    theme: {
      description: 'Color scheme',
      toolbar: { title: 'Theme', icon: 'mirror', items: [...THEMES], dynamicTitle: true },
    },
    dir: {
      description: 'Text direction',
      toolbar: { title: 'Direction', icon: 'transfer', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
    locale: {
      description: 'Language of the elements',
      toolbar: { title: 'Locale', icon: 'globe', items: [...LOCALES], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'auto', dir: 'ltr', locale: 'en' },
  decorators: [
    (story, context) => {
      applyGlobals(context.globals);
      return story();
    },
  ],
  parameters: {
    // Docs pages show each story in its own iframe: msw handlers live in the page that makes the
    // request, so inline stories would all share the handlers of whichever loaded last (a "Forbidden"
    // card showed a ready workspace). Lazy iframes load as the page scrolls; each meta sets a height.
    docs: { story: { inline: false, height: '360px' } },
    controls: { expanded: true },
    layout: 'padded',
  },
};
export default preview;
