/**
 * A button that picks one JSON file. The choice is cleared once handed
 * over, so picking the same file again (after fixing it) is seen again.
 */
export function JsonFileButton({ label, onFile }: { label: string; onFile(file: File | undefined): void }) {
  return (
    <label class="file-button">
      {label}
      <input
        type="file"
        accept="application/json,.json"
        class="visually-hidden"
        onChange={(event) => {
          const input = event.currentTarget;
          onFile(input.files?.[0]);
          input.value = '';
        }}
      />
    </label>
  );
}
