import { useEffect, useId, useState, type ReactNode } from "react";

export interface ComboOption<T> {
  key: string;
  label: string;
  value: T;
}

export interface ComboGroup<T> {
  label: string;
  options: ComboOption<T>[];
}

interface ComboboxProps<T> {
  label: ReactNode;
  hint?: string;
  inputValue: string;
  onInputChange: (text: string) => void;
  groups: ComboGroup<T>[];
  onSelect: (option: ComboOption<T>) => void;
  status?: string;
  /** Shown under the field when the text found nothing ("Aucun métier trouvé"). */
  empty?: string | null;
  error?: string | null;
  placeholder?: string;
  required?: boolean;
  disabled?: boolean;
  name: string;
}

/** ARIA 1.2 combobox with a grouped listbox popup; focus stays in the input (aria-activedescendant). */
export function Combobox<T>(props: ComboboxProps<T>) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const flat = props.groups.flatMap((group) => group.options);
  const expanded = open && flat.length > 0;
  const optionId = (index: number) => `${id}-option-${index}`;
  const describedBy = [props.hint && `${id}-hint`, props.error && `${id}-error`].filter(Boolean).join(" ");

  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: "nearest" });
  }, [active]);

  const choose = (index: number) => {
    const option = flat[index];
    if (!option) return;
    props.onSelect(option);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        setOpen(true);
        if (!event.altKey) setActive((i) => (flat.length === 0 ? -1 : (i + 1) % flat.length));
        break;
      case "ArrowUp":
        event.preventDefault();
        setOpen(true);
        setActive((i) => (flat.length === 0 ? -1 : i <= 0 ? flat.length - 1 : i - 1));
        break;
      case "Enter":
        if (expanded && active >= 0) {
          event.preventDefault();
          choose(active);
        }
        break;
      case "Escape":
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (props.inputValue) props.onInputChange("");
        break;
      default:
        break;
    }
  };

  let index = -1;
  return (
    <div className={`field combobox${props.error ? " field--error" : ""}`}>
      <label htmlFor={`${id}-input`} id={`${id}-label`}>
        {props.label}
        {props.hint && (
          <span className="hint" id={`${id}-hint`}>
            {props.hint}
          </span>
        )}
      </label>
      <div className="combobox__wrap">
        <input
          id={`${id}-input`}
          name={props.name}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={`${id}-listbox`}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={describedBy || undefined}
          aria-invalid={props.error ? true : undefined}
          aria-required={props.required || undefined}
          placeholder={props.placeholder}
          disabled={props.disabled}
          value={props.inputValue}
          onChange={(event) => {
            props.onInputChange(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => props.inputValue && setOpen(true)}
        />
        <ul
          id={`${id}-listbox`}
          role="listbox"
          aria-labelledby={`${id}-label`}
          className="combobox__popup"
          hidden={!expanded}
        >
          {props.groups.map((group, g) => (
            <li key={group.label} role="presentation">
              <ul role="group" aria-labelledby={`${id}-group-${g}`}>
                <li role="presentation" className="combobox__group" id={`${id}-group-${g}`}>
                  {group.label}
                </li>
                {group.options.map((option) => {
                  index += 1;
                  const current = index;
                  return (
                    <li
                      key={option.key}
                      id={optionId(current)}
                      role="option"
                      aria-selected={current === active}
                      className="combobox__option"
                      // mousedown, not click: it fires before the input's blur closes the popup.
                      onMouseDown={(event) => {
                        event.preventDefault();
                        choose(current);
                      }}
                      onMouseEnter={() => setActive(current)}
                    >
                      {option.label}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
        {open && flat.length === 0 && props.empty && (
          <p className="combobox__empty" aria-hidden="true">
            {props.empty}
          </p>
        )}
      </div>
      <p className="sr-only" role="status">
        {open ? props.status : ""}
      </p>
      {props.error && (
        <p className="error-text" id={`${id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}
