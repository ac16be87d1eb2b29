import type { FastifyPluginAsync } from 'fastify';
export const trackingRoutes: FastifyPluginAsync<Record<string, unknown>> = async () => {};
