/** The build's version (package.json, or VITE_APP_VERSION at build time), shown in device health. */
export const APP_VERSION: string = import.meta.env.VITE_APP_VERSION ?? 'dev';
