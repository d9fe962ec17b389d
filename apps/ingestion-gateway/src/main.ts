import 'reflect-metadata';
import { runService } from '@portal/service-kit';
import { gatewayService } from './ingestion-gateway.service';

runService(gatewayService);
