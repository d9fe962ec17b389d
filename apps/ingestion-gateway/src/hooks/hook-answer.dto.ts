import { HookAnswerSchema } from '@portal/contracts';
import { createZodDto } from '@portal/service-kit';

export class HookAnswerDto extends createZodDto(HookAnswerSchema) {}
