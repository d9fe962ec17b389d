import type { Address, Contact } from '@portal/contracts/http';

/** An address as a dispatcher reads it, with who to ask for. */
export function AddressView({ address, contact }: { address: Address; contact: Contact }) {
  return (
    <address className="address">
      <span>{address.line1}</span>
      {address.line2 && <span>{address.line2}</span>}
      <span>
        {address.city}
        {address.region ? `, ${address.region}` : ''} {address.postalCode}
      </span>
      <span>{address.country}</span>
      <span className="address__contact">
        {contact.name}
        {contact.phone ? ` · ${contact.phone}` : ''}
        {contact.email ? ` · ${contact.email}` : ''}
      </span>
      {!address.location && <span className="muted">No map location</span>}
    </address>
  );
}
