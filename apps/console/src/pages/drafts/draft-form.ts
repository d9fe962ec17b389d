import type { Order, Task, TaskInput, Units, UpdateDraft } from '@portal/contracts/http';
import { fromAddressDraft, toAddressDraft, type AddressDraft } from '../../format/address-draft';

/** A draft as its edit form holds it. */
export interface DraftForm {
  weightValue: string;
  weightUnit: Units;
  pieces: string;
  serviceCode: string;
  pickup: AddressDraft;
  dropoff: AddressDraft;
  pickupTouched: boolean;
  dropoffTouched: boolean;
}

export function toDraftForm(order: Order, clientUnits: Units): DraftForm {
  return {
    weightValue: order.weight ? String(order.weight.value) : '',
    weightUnit: order.weight?.unit ?? clientUnits,
    pieces: order.pieces === null ? '' : String(order.pieces),
    serviceCode: order.serviceCode ?? '',
    pickup: toAddressDraft(order.pickup),
    dropoff: toAddressDraft(order.dropoff),
    pickupTouched: false,
    dropoffTouched: false,
  };
}

// A task keeps its times and notes when only its address or contact is edited.
const taskInput = (draft: AddressDraft, stored: Task | null): TaskInput => ({
  ...fromAddressDraft(draft),
  completeAfter: stored?.completeAfter ?? undefined,
  completeBefore: stored?.completeBefore ?? undefined,
  notes: stored?.notes ?? undefined,
});

/** Only what the person changed, so an edit never rewrites what they did not touch. */
export function draftChanges(order: Order, form: DraftForm): UpdateDraft {
  const changes: UpdateDraft = {};
  const weightChanged = form.weightValue.trim() !== '' && (Number(form.weightValue) !== order.weight?.value || form.weightUnit !== order.weight?.unit);
  if (weightChanged) changes.weight = { value: Number(form.weightValue), unit: form.weightUnit };
  if (form.pieces.trim() !== '' && Number(form.pieces) !== order.pieces) changes.pieces = Number(form.pieces);
  const code = form.serviceCode.trim();
  if (code !== (order.serviceCode ?? '')) changes.serviceCode = code === '' ? null : code;
  if (form.pickupTouched) changes.pickup = taskInput(form.pickup, order.pickup);
  if (form.dropoffTouched) changes.dropoff = taskInput(form.dropoff, order.dropoff);
  return changes;
}

export const hasChanges = (changes: UpdateDraft): boolean => Object.keys(changes).length > 0;
