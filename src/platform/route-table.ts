/**
 * The app's route table as data: every method and URL pattern registered, public and staff, so a
 * test can walk all of them (the cross-tenant matrix) and a route added later is covered without
 * anyone listing it.
 */
import type { FastifyInstance } from 'fastify';

export interface RouteEntry {
  method: string;
  url: string;
}

const tables = new WeakMap<FastifyInstance, RouteEntry[]>();

/** Call before any route is registered. */
export function trackRoutes(app: FastifyInstance): void {
  const list: RouteEntry[] = [];
  tables.set(app, list);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) list.push({ method: String(method).toUpperCase(), url: route.url });
  });
}

/** Every route registered on `app` since trackRoutes, HEAD twins included. */
export const registeredRoutes = (app: FastifyInstance): readonly RouteEntry[] => tables.get(app) ?? [];
