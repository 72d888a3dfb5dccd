interface SwitchInputProps {
  checked: boolean;
  /** Its accessible name, where no visible label wraps it. */
  label?: string;
  class?: string;
  onToggle(on: boolean): void;
}

/** An on/off switch: a checkbox a screen reader announces as a switch, on or off. */
export function SwitchInput({ checked, label, class: className, onToggle }: SwitchInputProps) {
  return (
    <input
      type="checkbox"
      role="switch"
      class={className}
      checked={checked}
      aria-checked={checked}
      aria-label={label}
      onChange={(event) => onToggle(event.currentTarget.checked)}
    />
  );
}
