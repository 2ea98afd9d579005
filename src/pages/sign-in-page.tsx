import Visibility from '@mui/icons-material/Visibility';
import VisibilityOff from '@mui/icons-material/VisibilityOff';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Redirect, useSearchParams } from 'wouter';
import { OutlinedField } from '../shared/fields';
import { useNavigate } from '../shared/navigation';
import { isApiError } from '../api/api-error';
import { safeNextPath, useSession, useTokenState } from '../shared/session';

function signInError(error: unknown): string {
  if (isApiError(error) && error.kind === 'unauthorized')
    return 'This API token was not recognised. Check it and try again.';
  if (isApiError(error)) return error.detail;
  return 'Signing in failed unexpectedly. Please try again.';
}

export function SignInPage() {
  const { token, signIn } = useSession();
  const { reason } = useTokenState();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNextPath(searchParams.get('next'));
  const [value, setValue] = useState('');
  const [reveal, setReveal] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const tokenInput = useRef<HTMLInputElement>(null);
  // The page's one task is this box: start in it, as a keyboard user expects.
  useEffect(() => tokenInput.current?.focus(), []);

  if (token && !pending) return <Redirect to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const candidate = value.trim();
    setFormError(null);
    setFieldError(null);
    if (!candidate) {
      setFieldError('Enter your API token.');
      return;
    }
    setPending(true);
    try {
      await signIn(candidate);
      navigate(next, { replace: true });
    } catch (error) {
      if (isApiError(error) && error.kind === 'unauthorized') setFieldError(signInError(error));
      else setFormError(signInError(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <Box
      component="main"
      sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 2, bgcolor: 'background.default' }}
    >
      <title>Sign in · Qualytics Integrations</title>
      <Paper component="section" sx={{ p: 4, width: '100%', maxWidth: 440 }} aria-labelledby="sign-in-title">
        <Typography variant="overline" component="p" color="text.secondary">
          Qualytics Integrations
        </Typography>
        <Typography variant="h1" id="sign-in-title" gutterBottom>
          Sign in
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          Use an API token from Qualytics (Settings &gt; Tokens). It is kept for this browser tab only.
        </Typography>
        {reason === 'expired' && (
          <Alert severity="info" sx={{ mb: 2 }}>
            Your session has ended. Sign in again to continue where you were.
          </Alert>
        )}
        {formError && (
          <Alert severity="error" sx={{ mb: 2 }} role="alert">
            {formError}
          </Alert>
        )}
        <Box component="form" noValidate onSubmit={(event) => void submit(event)}>
          <OutlinedField
            label="API token"
            inputRef={tokenInput}
            type={reveal ? 'text' : 'password'}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            error={fieldError !== null}
            helperText={fieldError ?? ' '}
            required
            fullWidth
            autoComplete="off"
            inputProps={{ spellCheck: false, autoCapitalize: 'off' }}
            endAdornment={
              <InputAdornment position="end">
                <IconButton
                  onClick={() => setReveal((shown) => !shown)}
                  aria-label={reveal ? 'Hide token' : 'Show token'}
                  aria-pressed={reveal}
                  edge="end"
                >
                  {reveal ? <VisibilityOff /> : <Visibility />}
                </IconButton>
              </InputAdornment>
            }
          />
          <Button type="submit" variant="contained" fullWidth disabled={pending} sx={{ mt: 1 }}>
            {pending ? 'Signing in…' : 'Sign in'}
          </Button>
        </Box>
      </Paper>
    </Box>
  );
}
