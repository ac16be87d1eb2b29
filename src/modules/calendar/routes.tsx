import type { FastifyPluginAsync } from 'fastify';
export const calendarRoutes: FastifyPluginAsync<Record<string, unknown>> = async () => {};
