import type { SelectHTMLAttributes } from 'react';
import { useClientsDirectory } from '../hooks/clients-directory';

interface ClientSelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> {
  value: string;
  onChange: (clientId: string) => void;
  allLabel?: string;
}

/** Picks one of the key's clients, or all of them. */
export function ClientSelect({ value, onChange, allLabel = 'All clients', ...rest }: ClientSelectProps) {
  const { clients } = useClientsDirectory();
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} {...rest}>
      <option value="">{allLabel}</option>
      {clients.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </select>
  );
}
