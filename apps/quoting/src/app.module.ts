import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { QueueNames } from '@portal/contracts';
import { APP_CONFIG, AppLoggerModule, HealthModule, messagingFor, MetricsController, settingsProjectionProvider } from '@portal/service-kit';
import type { QuotingConfig } from './config';
import { ormOptions } from './orm-options';
import { QuotingSettingsProcessor } from './projection/settings.processor';
import { PROJECTION } from './projection/settings-projection';
import { SCHEMA } from './schema';
import { ClientCatalogs } from './quotes/client-catalog';
import { QuoteOrder } from './quotes/quote-order.use-case';
import { QuotePreviewsProcessor } from './quotes/quote-previews.processor';
import { QuoteRequestsProcessor } from './quotes/quote-requests.processor';

export class QuotingModule {
  static create(config: QuotingConfig) {
    @Module({
      imports: [
        AppLoggerModule.forRoot('quoting', config),
        // Every database access here forks its own entity manager: no per-request context to pay for.
        MikroOrmModule.forRoot({ ...ormOptions(config), registerRequestContext: false }),
        messagingFor(config, { outbox: false, consumes: [QueueNames.settingsForQuoting, QueueNames.quoteRequests, QueueNames.quotePreviews] }),
        HealthModule,
      ],
      controllers: [MetricsController],
      providers: [{ provide: APP_CONFIG, useValue: config },
        settingsProjectionProvider(SCHEMA, PROJECTION), QuotingSettingsProcessor, ClientCatalogs, QuoteOrder, QuoteRequestsProcessor, QuotePreviewsProcessor],
    })
    class AppModule {}
    return AppModule;
  }
}
