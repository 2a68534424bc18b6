// Writes schema.graphql from the Pothos schema.
import { writeFileSync } from 'node:fs';
import { printedSchema } from '../src/schema/print.js';

writeFileSync(new URL('../schema.graphql', import.meta.url), printedSchema());
