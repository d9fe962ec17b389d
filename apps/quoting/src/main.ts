import 'reflect-metadata';
import { runService } from '@portal/service-kit';
import { quotingService } from './quoting.service';

runService(quotingService);
