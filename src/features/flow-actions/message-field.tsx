import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import WarningAmber from '@mui/icons-material/WarningAmber';
import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { triggerTypeLabels, type MessageToken, type TriggerType } from '../../api/contract';
import { OutlinedField } from '../../shared/fields';
import { insertToken, tokenAtCaret, unknownTokens } from './render-message';

export interface MessageFieldProps {
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  inputRef?: (el: HTMLInputElement | null) => void;
  name?: string;
  triggerType: TriggerType;
  /** Tokens valid for the trigger type. */
  tokens: readonly MessageToken[];
  /** A validation or server error, or a PagerDuty limit this message breaks. */
  error?: string;
  disabled?: boolean;
  id?: string;
}

const staticTriggers: readonly TriggerType[] = ['schedule', 'manual'];

/** The Message (`tokenized_message`) input: `{{` opens a list of the trigger's tokens (an ARIA combobox). */
export function MessageField(props: MessageFieldProps) {
  const { value, onChange, onBlur, triggerType, tokens, error, disabled, name } = props;
  const generatedId = useId();
  const id = props.id ?? `message-${generatedId}`;
  const listboxId = `${id}-tokens`;
  const helpId = `${id}-help`;
  const inputEl = useRef<HTMLInputElement | null>(null);
  const [caret, setCaret] = useState<number | null>(null);
  const [focused, setFocused] = useState(false);
  const [active, setActive] = useState(0);
  // Escape hides the list until the user starts another token.
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const pendingCaret = useRef<number | null>(null);

  const isStatic = staticTriggers.includes(triggerType);
  const typing = caret === null ? null : tokenAtCaret(value, caret);
  const suggestions = useMemo(() => {
    if (!typing || isStatic) return [];
    const query = typing.query.toLowerCase();
    return tokens.filter((t) => t.name.toLowerCase().includes(query));
  }, [typing, tokens, isStatic]);
  const open = focused && !disabled && typing !== null && suggestions.length > 0 && dismissedAt !== typing.start;
  const activeIndex = Math.min(active, Math.max(suggestions.length - 1, 0));
  const optionId = (i: number) => `${id}-token-${i}`;

  const unknown = isStatic ? [] : unknownTokens(value, tokens);
  // A warning, not an error: the message is still valid and is sent with the unknown token as typed.
  const warning =
    unknown.length > 0 && !error
      ? `Unknown ${unknown.length === 1 ? 'token' : 'tokens'}: ${unknown.map((n) => `{{ ${n} }}`).join(', ')}. Not available for ${triggerTypeLabels[triggerType]} triggers; it will be sent as typed.`
      : null;

  useLayoutEffect(() => {
    const el = inputEl.current;
    if (pendingCaret.current !== null && el) {
      el.setSelectionRange(pendingCaret.current, pendingCaret.current);
      setCaret(pendingCaret.current);
      pendingCaret.current = null;
    }
  }, [value]);

  const syncCaret = () => setCaret(inputEl.current?.selectionStart ?? null);

  const choose = (token: MessageToken) => {
    const at = caret ?? value.length;
    const next = insertToken(value, at, token.name);
    pendingCaret.current = next.caret;
    onChange(next.value);
    setActive(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!open) return;
    const chosen = suggestions[activeIndex];
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setActive((activeIndex + 1) % suggestions.length);
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive((activeIndex - 1 + suggestions.length) % suggestions.length);
        break;
      case 'Enter':
      case 'Tab':
        if (chosen) {
          event.preventDefault();
          choose(chosen);
        }
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        if (typing) setDismissedAt(typing.start);
        break;
    }
  };

  const { inputRef } = props;
  const setRefs = useCallback(
    (el: HTMLInputElement | null) => {
      inputEl.current = el;
      inputRef?.(el);
    },
    [inputRef],
  );

  const help = isStatic
    ? 'Plain text: this trigger has no tokens.'
    : 'Becomes the incident title. Type {{ to insert a token.';

  return (
    <Box sx={{ position: 'relative' }}>
      <OutlinedField
        id={id}
        name={name}
        label="Message"
        value={value}
        fullWidth
        disabled={disabled}
        error={Boolean(error)}
        color={warning ? 'warning' : 'primary'}
        helperText={
          error ??
          (warning ? (
            <>
              <WarningAmber
                fontSize="inherit"
                aria-hidden
                sx={{ color: 'warning.main', verticalAlign: 'text-bottom', mr: 0.5 }}
              />
              {warning}
            </>
          ) : (
            help
          ))
        }
        sx={warning ? { '& .MuiOutlinedInput-notchedOutline': { borderColor: 'warning.main' } } : undefined}
        onChange={(e) => {
          onChange(e.target.value);
          setCaret(e.target.selectionStart);
          setActive(0);
        }}
        onFocus={() => {
          setFocused(true);
          syncCaret();
        }}
        onBlur={() => {
          setFocused(false);
          onBlur?.();
        }}
        onKeyDown={onKeyDown}
        onKeyUp={(e) => {
          if (!['ArrowDown', 'ArrowUp', 'Enter', 'Tab', 'Escape'].includes(e.key)) syncCaret();
        }}
        onClick={syncCaret}
        inputRef={setRefs}
        // Theme warning colours fail text contrast as small text; the icon and the outline carry the amber.
        helperTextProps={{ id: helpId, ...(warning ? { sx: { color: 'text.primary' } } : {}) }}
        inputProps={{
          role: 'combobox',
          'aria-autocomplete': 'list',
          'aria-expanded': open,
          'aria-controls': listboxId,
          'aria-activedescendant': open ? optionId(activeIndex) : undefined,
          'aria-describedby': helpId,
          autoComplete: 'off',
          spellCheck: true,
          maxLength: 4096,
        }}
      />
      {open && (
        <Paper
          elevation={8}
          sx={{
            position: 'absolute',
            zIndex: (t) => t.zIndex.modal + 1,
            left: 0,
            right: 0,
            maxHeight: 280,
            overflow: 'auto',
          }}
        >
          <List
            id={listboxId}
            role="listbox"
            aria-label={`Tokens for ${triggerTypeLabels[triggerType]} triggers`}
            dense
          >
            {suggestions.map((token, i) => (
              <ListItemButton
                key={token.name}
                id={optionId(i)}
                role="option"
                aria-selected={i === activeIndex}
                selected={i === activeIndex}
                tabIndex={-1}
                // Keep focus in the input so typing continues where it was.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(token)}
              >
                <ListItemText
                  primary={`{{ ${token.name} }}`}
                  secondary={token.description}
                  slotProps={{ primary: { sx: { fontFamily: 'monospace' } } }}
                />
              </ListItemButton>
            ))}
          </List>
        </Paper>
      )}
      {!open && <div id={listboxId} role="listbox" aria-label="Tokens" hidden />}
      {isStatic && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {triggerTypeLabels[triggerType]} triggers have no tokens: anything in {'{{ }}'} is sent exactly as typed, not
          filled in.
        </Alert>
      )}
    </Box>
  );
}
