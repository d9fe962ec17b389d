import { Entity, Index, ManyToOne, PrimaryKeyProp } from '@mikro-orm/core';
import { Client } from './client.entity';
import { RateTableRecord } from './rate-table.entity';
import { references } from './references';
import { ServiceRecord } from './service.entity';

/** One (service, rate table) pair assigned to a client. */
@Entity({ tableName: 'client_services' })
@Index({ properties: ['rateTableId'] })
@Index({ properties: ['serviceId'] })
export class ClientServiceRecord {
  [PrimaryKeyProp]?: ['clientId', 'serviceId'];

  @ManyToOne({ ...references('client_services', 'client_id', () => Client), primary: true })
  clientId!: string;

  @ManyToOne({ ...references('client_services', 'service_id', () => ServiceRecord), primary: true })
  serviceId!: string;

  @ManyToOne(references('client_services', 'rate_table_id', () => RateTableRecord))
  rateTableId!: string;
}
