/** What a module publishes to the app (STYLE.md convention 15). */
import type { FastifyPluginAsync } from 'fastify';
import type { NavEntry } from '../ui/context.js';
import type { OpenApiContribution } from './openapi/document.js';

export interface ModuleManifest<Options extends Record<string, unknown> = Record<string, unknown>> {
  name: string;
  /** Staff navigation entries, in order, each guarded by a permission. */
  nav?: NavEntry[];
  routes: FastifyPluginAsync<Options>;
  options: Options;
  /** The module's public JSON APIs, merged into the one OpenAPI document (GET /openapi.json). */
  openapi?: OpenApiContribution;
}

/** Helps TypeScript keep a manifest's options tied to its routes plugin. */
export const defineModule = <O extends Record<string, unknown>>(m: ModuleManifest<O>): ModuleManifest<O> => m;
