import type { Connection, ConnectionWithSecret } from '@portal/contracts/http';
import { clientSettingsApi } from '../../api/client-settings';
import { Badge } from '../../components/Badge';
import { ConfirmButton } from '../../components/ConfirmButton';
import { CopyButton } from '../../components/CopyButton';
import { DateTime } from '../../components/DateTime';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatAgo } from '../../format/time';
import { HEALTH_TONE, HEALTH_WORDS, PLATFORM_WORDS } from '../../format/words';
import { useAction } from '../../hooks/use-action';

interface ConnectionRowProps {
  connection: Connection;
  timeZone: string;
  onRotated: (c: ConnectionWithSecret) => void;
  onDeleted: () => void;
}

/** One connection: where its platform sends, whether it still does, and rotate or delete. */
export function ConnectionRow({ connection, timeZone, onRotated, onDeleted }: ConnectionRowProps) {
  const rotate = useAction(async () => onRotated(await clientSettingsApi.rotateSecret(connection.clientId, connection.id)));
  const remove = useAction(async () => {
    await clientSettingsApi.deleteConnection(connection.clientId, connection.id);
    onDeleted();
  });
  const title = connection.name ?? PLATFORM_WORDS[connection.platform];
  const silentAfter = connection.settings.silentAfterHours ?? 48;
  return (
    <li className="connection" aria-label={`Connection ${title}`}>
      <div className="connection__head">
        <div>
          <p className="connection__name">{title}</p>
          <p className="muted">{PLATFORM_WORDS[connection.platform]}</p>
        </div>
        <Badge tone={HEALTH_TONE[connection.health]} title={HEALTH_WORDS[connection.health]}>
          {connection.health}
        </Badge>
      </div>
      <p className="connection__health">
        {connection.health === 'NEW' && 'Nothing has arrived yet: paste the webhook URL and secret into the platform.'}
        {connection.health === 'OK' && connection.lastDeliveryAt && `Delivering: last delivery ${formatAgo(connection.lastDeliveryAt)}.`}
        {connection.health === 'SILENT' &&
          `Silent: nothing for more than ${silentAfter} hours. Check that the platform still sends (WooCommerce turns a failing webhook off without a word).`}
      </p>
      <dl className="facts">
        <div>
          <dt>Webhook URL</dt>
          <dd className="connection__url">
            <code>{connection.webhookUrl}</code>
            <CopyButton value={connection.webhookUrl} what="Webhook URL" />
          </dd>
        </div>
        <div>
          <dt>Last delivery</dt>
          <dd>
            <DateTime iso={connection.lastDeliveryAt} timeZone={timeZone} empty="Never" />
          </dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>
            <DateTime iso={connection.createdAt} timeZone={timeZone} />
          </dd>
        </div>
      </dl>
      <div className="row-actions">
        <ConfirmButton
          variant="secondary"
          question="Rotate the secret? The old one keeps working for a grace period (24 h by default)."
          confirmLabel="Rotate secret"
          onConfirm={() => void rotate.run()}
          pending={rotate.pending}
          pendingText="Rotating…"
        >
          Rotate secret
        </ConfirmButton>
        <ConfirmButton
          question="Delete this connection? Its webhook URL answers 404 from now on."
          confirmLabel="Delete connection"
          onConfirm={() => void remove.run()}
          pending={remove.pending}
          pendingText="Deleting…"
        >
          Delete
        </ConfirmButton>
      </div>
      <ErrorNotice error={rotate.error} action="Rotating the secret" onDismiss={rotate.clearError} />
      <ErrorNotice error={remove.error} action="Deleting the connection" onDismiss={remove.clearError} />
    </li>
  );
}
