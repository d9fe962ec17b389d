import { createRoot } from 'react-dom/client';
import type { Client } from '@portal/contracts/http';
import { UnitsSchema } from '@portal/contracts/http';

const c: Pick<Client, 'units'> = { units: UnitsSchema.options[0] };
createRoot(document.getElementById('root')!).render(<p>{c.units}</p>);
