import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { collectDefaultMetrics, register } from 'prom-client';

// prom-client samples event-loop delay every 10 ms by default, which wakes an idle app about 200
// times a second (strace): wake-ups that compete with the busy processes on a small machine. A
// tenth of a second still gives the lag percentiles operators watch.
const EVENT_LOOP_SAMPLE_MS = 100;

collectDefaultMetrics({ eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });

/** Prometheus scrape endpoint: process metrics plus whatever the app registers. */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('Content-Type', register.contentType)
  metrics(): Promise<string> {
    return register.metrics();
  }
}
