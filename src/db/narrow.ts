/**
 * A connection or transaction typed with the tables one module may use. TypeScript does not let
 * a `Kysely<A & B>` stand in for a `Kysely<A>`, so a handle crossing a module boundary (the
 * composition root handing out the connection, setup passing one transaction to two modules)
 * is narrowed explicitly, here and nowhere else.
 */
import type { Kysely } from 'kysely';

export const narrowDb = <T>(db: Kysely<any>): Kysely<T> => db as unknown as Kysely<T>;

/** An open transaction passed from one module's use case to another's (setup: agency + admin). */
export type SharedTransaction = Kysely<any>;
