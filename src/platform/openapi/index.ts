export * from './document.js';
export { serveOpenApi, trackApiRoutes, registeredApiRoutes } from './plugin.js';
