import { HookAnswerSchema } from '@portal/contracts';
import { createZodDto } from 'nestjs-zod';

export class HookAnswerDto extends createZodDto(HookAnswerSchema) {}
