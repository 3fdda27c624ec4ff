// Types the web app reads (it imports server types only from a context's schema.ts).
export type { PublicFigures } from './public-figures.ts';
