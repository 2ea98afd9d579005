// The contract is built with zod/mini, which ships no messages: without a locale every issue reads "Invalid input".
// The 422 answers list zod's message per field and forms show them, so the server loads zod's English messages
// ("Too big: expected string to have <=200 characters"). The browser does without: its forms write out their own.
import { en } from 'zod/locales';
import { z } from '../../src/api/contract/zod';

z.config(en());
