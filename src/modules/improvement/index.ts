/**
 * The improvement plan module as other modules see it: the service, the plan's types and the
 * routes plugin. The tracking module reads the published plan through here.
 */
export { improvementService, type ImprovementService, type ImprovementDeps } from './service.js';
export { improvementRoutes } from './routes.js';
export { latestPlansReader, type PlanStatus } from './overview.js';
export type { ImprovementPlan, PlanRow, DrivingMeasure, PlanRowSource } from './domain/types.js';
