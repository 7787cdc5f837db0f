// Where files come in: a real <input type="file"> (keyboard, screen readers and automated tests
// use it as it is; its label is the visible button) inside an area that also takes dropped files.
import { useId, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { formatSize } from '../options/wording';
import { MAX_TEXT_BYTES } from '../options/upload-limits';

export function OptionsDropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const { t, locale } = useI18n();
  const inputId = useId();
  const hintId = useId();
  const [dragging, setDragging] = useState(false);
  const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
  return (
    <div
      class={dragging ? 'drop-zone is-dragging' : 'drop-zone'}
      data-zzl="drop-zone"
      onDragEnter={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(event) => {
        // Leaving for a child of the zone is not leaving the zone.
        if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setDragging(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        const files = Array.from(event.dataTransfer?.files ?? []);
        if (files.length > 0) onFiles(files);
      }}
    >
      <input
        id={inputId}
        class="visually-hidden"
        type="file"
        multiple
        accept=".txt,.json"
        data-zzl="file-input"
        aria-describedby={hintId}
        onChange={(event) => {
          const input = event.currentTarget;
          const files = Array.from(input.files ?? []);
          // Cleared so that picking the same file again (after removing its issue) fires change again.
          input.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
      <label for={inputId} class="button button-primary drop-button">
        {t('optionsPickFiles')}
      </label>
      <span class="drop-hint" aria-hidden="true">
        {t('optionsDropHint')}
      </span>
      <p id={hintId} class="drop-formats">
        {t('optionsDropFormats', formatSize(MAX_TEXT_BYTES, locale))}
      </p>
    </div>
  );
}
