import { EntityManager } from '@mikro-orm/postgresql';
import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Order as OrderView, Page } from '@portal/contracts';
import { ApiKeyGuard, CurrentPrincipal, decodeCursor, notFound, Principal, resourceId, toPage } from '@portal/service-kit';
import { ZodResponse } from 'nestjs-zod';
import { ListOrdersQueryDto, OrderDto, OrderPageDto } from '../dto';
import { Order } from '../entities/order.entity';
import { tenantFilter } from '../tenant-filter';
import { toOrderView } from './order-view';

@ApiTags('orders')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('v1/orders')
export class OrdersController {
  constructor(private readonly em: EntityManager) {}

  @Get()
  @ApiOperation({ summary: 'Orders the key reaches, newest first; every status unless one is asked for.' })
  @ZodResponse({ status: 200, type: OrderPageDto })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListOrdersQueryDto): Promise<Page<OrderView>> {
    const before = decodeCursor(query.cursor);
    const rows = await this.em.find(
      Order,
      {
        ...tenantFilter(principal, query.clientId),
        ...(query.status ? { status: query.status } : {}),
        ...(before ? { id: { $lt: before } } : {}),
      },
      { orderBy: { id: 'desc' }, limit: query.limit + 1 },
    );
    return toPage(rows, query.limit, toOrderView);
  }

  @Get(':orderId')
  @ZodResponse({ status: 200, type: OrderDto })
  async get(@CurrentPrincipal() principal: Principal, @Param('orderId') orderId: string): Promise<OrderView> {
    const order = await this.em.findOne(Order, { id: resourceId(orderId, 'Order'), ...tenantFilter(principal) });
    if (!order) throw notFound('Order');
    return toOrderView(order);
  }
}
