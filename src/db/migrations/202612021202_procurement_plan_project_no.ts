import type { Kysely } from 'kysely';
import { addPortableColumn } from '../portable.js';

/** The e-GP project number of a procurement plan item, when the uploaded plan lists one: plan and register are matched by it before names. */
export async function up(db: Kysely<any>): Promise<void> {
  await addPortableColumn(db, 'procurement_plan_items', 'project_no', 'text');
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('procurement_plan_items').dropColumn('project_no').execute();
}
