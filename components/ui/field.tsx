import { cn } from "./cn";
import { inputClasses } from "./input-classes";

export { inputClasses };

// Field keeps state (an error disappears once its input is edited), so it lives in a
// client module; this one stays importable for its constants by server components.
export { Field } from "./field-input";

/** A labelled <select> from value/label pairs; the first option stands for "no choice". */
export function SelectField({
  name,
  label,
  options,
  defaultValue,
  className,
}: {
  name: string;
  label: string;
  options: Array<{ value: string; label: string }>;
  defaultValue?: string;
  className?: string;
}) {
  const id = `field-${name}`;
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue} className={inputClasses}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
