import type { Preview } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';

const preview: Preview = { loaders: [mswLoader()] };
export default preview;
