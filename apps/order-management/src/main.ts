import 'reflect-metadata';
import { runService } from '@portal/service-kit';
import { orderManagementService } from './order-management.service';

runService(orderManagementService);
