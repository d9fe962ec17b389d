import type { EntityManager } from '@mikro-orm/postgresql';
import type { SettingsJob } from '@portal/contracts';
import { upsertIfNewer } from './upsert-if-newer';

type ChangeNamed<N extends SettingsJob['name']> = Extract<SettingsJob, { name: N }>;

/** One projection row (column names) for a change; its version is added from the change. */
export interface ProjectedRow {
  table: string;
  row: Record<string, unknown> & { id: string };
}

/**
 * What an app keeps of each kind of settings change: a row for the changes it needs, nothing for the
 * others. The app declares only the mapping; applying it is the same everywhere.
 */
export type SettingsProjection = { [N in SettingsJob['name']]?: (change: ChangeNamed<N>) => ProjectedRow };

export async function applySettingsChange(em: EntityManager, schema: string, projection: SettingsProjection, change: SettingsJob): Promise<void> {
  const toRow = projection[change.name] as ((change: SettingsJob) => ProjectedRow) | undefined;
  if (!toRow) return;
  const { table, row } = toRow(change);
  await upsertIfNewer(em, schema, table, { ...row, version: change.version });
}
