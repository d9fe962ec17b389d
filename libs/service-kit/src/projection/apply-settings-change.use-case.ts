import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { FactoryProvider } from '@nestjs/common';
import type { SettingsJob } from '@portal/contracts';
import { applySettingsChange, type SettingsProjection } from './settings-projection';

/**
 * Applies one client-settings change to an app's projection, as that app's mapping says; its
 * settings processor only parses the job and calls this.
 */
export class ApplySettingsChangeUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly schema: string,
    private readonly projection: SettingsProjection,
  ) {}

  execute(change: SettingsJob): Promise<void> {
    return applySettingsChange(this.orm.em.fork() as EntityManager, this.schema, this.projection, change);
  }
}

/** Provides `ApplySettingsChangeUseCase` with the app's own schema and mapping. */
export const settingsProjectionProvider = (schema: string, projection: SettingsProjection): FactoryProvider<ApplySettingsChangeUseCase> => ({
  provide: ApplySettingsChangeUseCase,
  inject: [MikroORM],
  useFactory: (orm: MikroORM) => new ApplySettingsChangeUseCase(orm, schema, projection),
});
