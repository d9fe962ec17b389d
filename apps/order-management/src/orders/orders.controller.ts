import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Order, Page } from '@portal/contracts';
import { ApiKeyGuard, CurrentPrincipal, Principal } from '@portal/service-kit';
import { ZodResponse } from 'nestjs-zod';
import { ListOrdersQueryDto, OrderDto, OrderPageDto } from '../dto';
import { GetOrderUseCase } from './get-order.use-case';
import { ListOrdersUseCase } from './list-orders.use-case';

@ApiTags('orders')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('v1/orders')
export class OrdersController {
  constructor(
    private readonly listOrders: ListOrdersUseCase,
    private readonly getOrder: GetOrderUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Orders the key reaches, newest first; every status unless one is asked for.' })
  @ZodResponse({ status: 200, type: OrderPageDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListOrdersQueryDto): Promise<Page<Order>> {
    return this.listOrders.execute({ principal, query });
  }

  @Get(':orderId')
  @ZodResponse({ status: 200, type: OrderDto })
  get(@CurrentPrincipal() principal: Principal, @Param('orderId') orderId: string): Promise<Order> {
    return this.getOrder.execute({ principal, orderId });
  }
}
