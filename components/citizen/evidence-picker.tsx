'use client';
// Choosing evidence files (SPEC §4): a quick check in the browser (count, size, declared type) gives an instant message
// beside each file; the server checks the content again. A refused file is listed with its message until removed.
import { useId } from 'react';
import { useTranslations } from 'next-intl';
import {
  ALLOWED_EVIDENCE_TYPES,
  MAX_EVIDENCE_BYTES,
  MAX_EVIDENCE_FILES,
  type EvidenceErrorKey,
} from '@/lib/cases/rules/evidence-limits';
import { describedBy, FieldError } from '@/components/ui/field-error';

export interface PickedFile {
  id: string;
  file: File;
  /** A message key (evidence.errors.*) when the browser or the server refused the file. */
  error: string | null;
}

const EXTENSION = /\.(pdf|jpe?g|png)$/i;

/** The browser's quick check; the server decides by the file's content. */
export function quickCheckEvidence(file: File): EvidenceErrorKey | null {
  if (file.size === 0) return 'evidence.errors.empty';
  if (file.size > MAX_EVIDENCE_BYTES) return 'evidence.errors.tooLarge';
  const declared =
    (ALLOWED_EVIDENCE_TYPES as readonly string[]).includes(file.type) ||
    (file.type === '' && EXTENSION.test(file.name));
  if (!declared || !EXTENSION.test(file.name)) return 'evidence.errors.typeNotAllowed';
  return null;
}

let sequence = 0;
/** Ids stay unique beside files restored from an earlier page load (the wizard keeps its files across reloads). */
const loadMark = Date.now().toString(36);

/** Adds newly chosen files to the list (at most MAX_EVIDENCE_FILES); returns the list and whether some were left out. */
export function addPickedFiles(current: PickedFile[], chosen: File[]): { files: PickedFile[]; overflow: boolean } {
  const room = Math.max(0, MAX_EVIDENCE_FILES - current.length);
  const added = chosen.slice(0, room).map((file) => {
    sequence += 1;
    return { id: `f${loadMark}-${sequence}`, file, error: quickCheckEvidence(file) };
  });
  return { files: [...current, ...added], overflow: chosen.length > room };
}

export function evidenceFileFieldId(file: PickedFile): string {
  return `evidence-file-${file.id}`;
}

function formatSize(t: ReturnType<typeof useTranslations>, bytes: number): string {
  return bytes >= 1024 * 1024
    ? t('sizeMb', { size: (bytes / 1024 / 1024).toFixed(1) })
    : t('sizeKb', { size: Math.max(1, Math.round(bytes / 1024)) });
}

export interface EvidencePickerProps {
  /** Id of the file input (the target of error links for the whole list). */
  inputId: string;
  label: string;
  /** Renders the label as the page heading. */
  labelAsHeading?: boolean;
  files: PickedFile[];
  /** A message key for the list as a whole (e.g. too many files). */
  listError: string | null;
  onChange: (files: PickedFile[], listError: string | null) => void;
  disabled?: boolean;
}

export function EvidencePicker({
  inputId,
  label,
  labelAsHeading,
  files,
  listError,
  onChange,
  disabled,
}: EvidencePickerProps) {
  const t = useTranslations('citizenEvidence');
  const tAll = useTranslations();
  const rulesId = useId();
  const errorId = `${inputId}-error`;
  const full = files.length >= MAX_EVIDENCE_FILES;
  return (
    <div className={`mb-6 ${listError ? 'border-l-4 border-danger pl-3' : ''}`}>
      <label
        htmlFor={inputId}
        className={labelAsHeading ? 'mb-3 block text-2xl font-bold' : 'mb-1 block font-semibold'}
      >
        {label}
      </label>
      <p id={rulesId} className="mb-2 text-muted">
        {t('rules')}
      </p>
      <FieldError id={errorId} message={listError ? tAll(listError) : null} />
      <input
        id={inputId}
        type="file"
        multiple
        disabled={disabled || full}
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        aria-describedby={describedBy(rulesId, listError && errorId)}
        className="mb-3 block w-full max-w-full text-base file:mr-3 file:min-h-11 file:cursor-pointer file:border-2 file:border-ink file:bg-panel file:px-3 file:py-2 file:font-semibold"
        onChange={(event) => {
          const chosen = Array.from(event.target.files ?? []);
          event.target.value = '';
          if (chosen.length === 0) return;
          const next = addPickedFiles(files, chosen);
          onChange(next.files, next.overflow ? 'evidence.errors.tooMany' : null);
        }}
      />
      {full ? <p className="mb-2 text-muted">{t('limitReached')}</p> : null}
      <p className="mb-2 text-lg font-bold">{t('listLabel')}</p>
      {files.length === 0 ? (
        <p className="text-muted">{t('none')}</p>
      ) : (
        <ul className="m-0 list-none p-0" data-testid="evidence-list">
          {files.map((picked) => {
            const fileErrorId = `${evidenceFileFieldId(picked)}-error`;
            return (
              <li
                key={picked.id}
                className={`mb-3 flex flex-wrap items-center justify-between gap-2 border-b border-rule pb-3 ${picked.error ? 'border-l-4 border-l-danger pl-3' : ''}`}
                data-testid="evidence-item"
              >
                <div className="min-w-0 flex-1">
                  <p className="m-0 break-all font-semibold">{picked.file.name}</p>
                  <p className="m-0 text-sm text-muted">{formatSize(t, picked.file.size)}</p>
                  <FieldError id={fileErrorId} message={picked.error ? tAll(picked.error) : null} />
                </div>
                <button
                  id={evidenceFileFieldId(picked)}
                  type="button"
                  className="button button-secondary"
                  aria-describedby={picked.error ? fileErrorId : undefined}
                  aria-label={t('removeLabel', { name: picked.file.name })}
                  disabled={disabled}
                  onClick={() =>
                    onChange(
                      files.filter((file) => file.id !== picked.id),
                      null,
                    )
                  }
                >
                  {t('remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
