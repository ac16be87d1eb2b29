/**
 * Fault injection at the database: a Kysely plugin that makes the next statement of a given kind
 * on a given table fail, as a full disk, a lost connection or a violated constraint would. Lets a
 * test break a multi-step write half-way through and check that nothing of it was kept.
 */
import type { KyselyPlugin, OperationNode, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

type Statement = 'insert' | 'update' | 'delete';

const KIND: Record<Statement, string> = { insert: 'InsertQueryNode', update: 'UpdateQueryNode', delete: 'DeleteQueryNode' };

/** The table a statement writes to ("into" for inserts, "table"/"from" otherwise; aliases unwrapped). */
function writtenTable(node: RootOperationNode): string | undefined {
  const n = node as unknown as { into?: OperationNode; table?: OperationNode; from?: { froms?: OperationNode[] } };
  let target: OperationNode | undefined = n.into ?? n.table ?? n.from?.froms?.[0];
  if (target?.kind === 'AliasNode') target = (target as unknown as { node: OperationNode }).node;
  return (target as unknown as { table?: { identifier?: { name?: string } } } | undefined)?.table?.identifier?.name;
}

export class InjectedFault extends Error {
  constructor(statement: Statement, table: string) {
    super(`injected failure: ${statement} ${table}`);
  }
}

export function faultPlugin() {
  let armed: { statement: Statement; table: string } | undefined;
  let fired = 0;
  const plugin: KyselyPlugin = {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      if (armed && args.node.kind === KIND[armed.statement] && writtenTable(args.node) === armed.table) {
        const { statement, table } = armed;
        armed = undefined;
        fired++;
        throw new InjectedFault(statement, table);
      }
      return args.node;
    },
    transformResult: async (args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => args.result,
  };
  return {
    plugin,
    /** The next `statement` on `table` fails (once). */
    failNext(statement: Statement, table: string) {
      armed = { statement, table };
    },
    /** How many failures were really injected (a test asserts it, so it cannot pass vacuously). */
    get fired() {
      return fired;
    },
    disarm() {
      armed = undefined;
    },
  };
}
