import { useAction } from '../hooks/use-action';
import { ConfirmButton } from './ConfirmButton';
import { ErrorNotice } from './ErrorNotice';

/** Delete, after asking; the API's refusal (a rate table still in use answers 409) stays beside it. */
export function DeleteAction({ label, question, remove, onDeleted }: { label: string; question: string; remove: () => Promise<void>; onDeleted: () => void }) {
  const action = useAction(async () => {
    await remove();
    onDeleted();
  });
  return (
    <div className="stack stack--tight">
      <ConfirmButton question={question} confirmLabel={label} onConfirm={() => void action.run()} pending={action.pending} pendingText="Deleting…">
        Delete
      </ConfirmButton>
      <ErrorNotice error={action.error} action={label} onDismiss={action.clearError} />
    </div>
  );
}
