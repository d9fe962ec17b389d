import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, MikroOrmHealthIndicator } from '@nestjs/terminus';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: MikroOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  /** Liveness: the process answers. Dependencies are /ready's business, so a blip does not restart us. */
  @Get('health')
  @HealthCheck()
  @ApiOperation({ operationId: 'checkHealth', summary: 'Liveness: the process answers.' })
  live() {
    return this.health.check([]);
  }

  /** Readiness: the database and Redis answer. */
  @Get('ready')
  @HealthCheck()
  @ApiOperation({ operationId: 'checkReadiness', summary: 'Readiness: its database and Redis answer.' })
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1500 }),
      () => this.redis.ping('redis'),
    ]);
  }
}
