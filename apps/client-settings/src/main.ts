import 'reflect-metadata';
import { runService } from '@portal/service-kit';
import { clientSettingsService } from './client-settings.service';

runService(clientSettingsService);
