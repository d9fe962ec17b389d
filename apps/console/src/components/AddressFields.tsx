import type { ApiError } from '../api/api-error';
import type { AddressDraft } from '../format/address-draft';
import { Field } from './Field';

interface AddressFieldsProps {
  value: AddressDraft;
  onChange: (value: AddressDraft) => void;
  /** Where the API names these fields in its error details (`defaultPickup`, `dropoff`). */
  path: string;
  error?: ApiError;
  legend: string;
}

/** An address with its contact, as every task and the default pickup have them. */
export function AddressFields({ value, onChange, path, error, legend }: AddressFieldsProps) {
  const input = (name: keyof AddressDraft, autoComplete?: string) => (
    <input value={value[name]} autoComplete={autoComplete} onChange={(e) => onChange({ ...value, [name]: e.target.value })} />
  );
  const at = (field: string) => `${path}.address.${field}`;
  const contactAt = (field: string) => `${path}.contact.${field}`;
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      <div className="grid grid--2">
        <Field label="Address line 1" path={at('line1')} error={error}>
          {input('line1', 'address-line1')}
        </Field>
        <Field label="Address line 2 (optional)" path={at('line2')} error={error}>
          {input('line2', 'address-line2')}
        </Field>
        <Field label="City" path={at('city')} error={error}>
          {input('city', 'address-level2')}
        </Field>
        <Field label="Region (optional)" path={at('region')} error={error}>
          {input('region', 'address-level1')}
        </Field>
        <Field label="Postal code" path={at('postalCode')} error={error}>
          {input('postalCode', 'postal-code')}
        </Field>
        <Field label="Country" path={at('country')} error={error} hint="Two letters, such as US">
          {input('country', 'country')}
        </Field>
        <Field label="Latitude (optional)" path={at('location.lat')} error={error} hint="Needed for distance rates">
          {input('lat')}
        </Field>
        <Field label="Longitude (optional)" path={at('location.lng')} error={error}>
          {input('lng')}
        </Field>
        <Field label="Contact name" path={contactAt('name')} error={error}>
          {input('name', 'name')}
        </Field>
        <Field label="Contact phone (optional)" path={contactAt('phone')} error={error}>
          {input('phone', 'tel')}
        </Field>
        <Field label="Contact email (optional)" path={contactAt('email')} error={error}>
          {input('email', 'email')}
        </Field>
      </div>
    </fieldset>
  );
}
