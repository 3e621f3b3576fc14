// Every measurement a child process can run, by id. Add new ones here.
import type { Measurement } from '../harness';
import { engineMeasurement } from './engine';
import { winkMeasurement } from './wink';
import { lspMeasurement } from './lsp';
import { hostileMeasurement } from './hostile';

export const MEASUREMENTS: Measurement<never, unknown>[] = [engineMeasurement, winkMeasurement, lspMeasurement, hostileMeasurement];
