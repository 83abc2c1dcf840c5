/**
 * Development mode follows Lit's: its development build (export condition `development`, used by Vite's
 * dev server, Storybook and web-test-runner) defines `globalThis.litIssuedWarnings`; production builds
 * do not, so warnings cost nothing there.
 */
export function isDevMode(): boolean {
  return 'litIssuedWarnings' in globalThis;
}
