import type { Address, Contact, PickupAddress } from '@portal/contracts/http';

/** An address and contact as a form holds them: every field a string, empty when absent. */
export interface AddressDraft {
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  lat: string;
  lng: string;
  name: string;
  phone: string;
  email: string;
}

export const emptyAddressDraft = (): AddressDraft => ({
  line1: '',
  line2: '',
  city: '',
  region: '',
  postalCode: '',
  country: '',
  lat: '',
  lng: '',
  name: '',
  phone: '',
  email: '',
});

export function toAddressDraft(place: { address: Address; contact: Contact } | null | undefined): AddressDraft {
  if (!place) return emptyAddressDraft();
  const { address, contact } = place;
  return {
    line1: address.line1,
    line2: address.line2 ?? '',
    city: address.city,
    region: address.region ?? '',
    postalCode: address.postalCode,
    country: address.country,
    lat: address.location ? String(address.location.lat) : '',
    lng: address.location ? String(address.location.lng) : '',
    name: contact.name,
    phone: contact.phone ?? '',
    email: contact.email ?? '',
  };
}

const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());
// A coordinate that is not a number reaches the API as null, and its answer names the field.
const coordinate = (value: string): number => Number(value);

/** The form as the APIs take an address and contact; the APIs' validation speaks for what is wrong. */
export function fromAddressDraft(draft: AddressDraft): PickupAddress {
  const hasLocation = draft.lat.trim() !== '' || draft.lng.trim() !== '';
  return {
    address: {
      line1: draft.line1.trim(),
      line2: optional(draft.line2),
      city: draft.city.trim(),
      region: optional(draft.region),
      postalCode: draft.postalCode.trim(),
      country: draft.country.trim().toUpperCase(),
      location: hasLocation ? { lat: coordinate(draft.lat.trim()), lng: coordinate(draft.lng.trim()) } : undefined,
    },
    contact: { name: draft.name.trim(), phone: optional(draft.phone), email: optional(draft.email) },
  };
}
