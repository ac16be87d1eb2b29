import type { Kysely } from 'kysely';
import { addPortableColumn, createIndex, portableTable } from '../portable.js';

/**
 * Deployment administration: who holds the deployment administrator grant, one-time invitations
 * of an agency's first administrator, and each agency's lifecycle status and own host name.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Not agency data: the grant is over the whole deployment, so it has no agency_id.
  await portableTable(db, 'deployment_admins')
    .column('user_id', 'id', { primaryKey: true, references: 'users.id' })
    .column('granted_by', 'text', { notNull: true })
    .column('created_at', 'timestamp', { notNull: true })
    .execute();

  await portableTable(db, 'agency_invitations')
    .column('id', 'text', { primaryKey: true }) // SHA-256 of the token: the link itself is never stored
    .agencyColumn()
    .column('created_by', 'id')
    .column('created_at', 'timestamp', { notNull: true })
    .column('expires_at', 'timestamp', { notNull: true })
    .column('used_at', 'timestamp')
    .column('used_by', 'id')
    .execute();
  await createIndex(db, 'agency_invitations_agency_idx', 'agency_invitations', ['agency_id']);

  // active | suspended | archived
  await addPortableColumn(db, 'agencies', 'status', 'text', { notNull: true, defaultTo: 'active' });
  await addPortableColumn(db, 'agencies', 'host_name', 'text');
  await db.schema.createIndex('agencies_host_name_unique').on('agencies').column('host_name').unique().execute();
  await createIndex(db, 'agencies_province_idx', 'agencies', ['province', 'agency_type']);

  // An existing install keeps working as before: its first administrator holds the grant.
  const users = await db.selectFrom('users').select(['id', 'roles', 'created_at']).orderBy('created_at').execute();
  const first = users.find((u: { roles: string }) => {
    try {
      return (JSON.parse(u.roles) as unknown[]).includes('admin');
    } catch {
      return false;
    }
  });
  if (first) {
    await db.insertInto('deployment_admins').values({ user_id: first.id, granted_by: 'migration', created_at: new Date().toISOString() }).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('agencies_province_idx').execute();
  await db.schema.dropIndex('agencies_host_name_unique').execute();
  await db.schema.alterTable('agencies').dropColumn('host_name').execute();
  await db.schema.alterTable('agencies').dropColumn('status').execute();
  await db.schema.dropTable('agency_invitations').execute();
  await db.schema.dropTable('deployment_admins').execute();
}
