// Every measurement a child process can run, by id. Add new ones here.
import type { Measurement } from '../harness';
import { engineMeasurement } from './engine';
import { winkMeasurement } from './wink';
import { lspMeasurement } from './lsp';
import { hostileMeasurement } from './hostile';
import { floorMeasurement } from './floor';

export const MEASUREMENTS: Measurement<never, unknown>[] = [engineMeasurement, winkMeasurement, lspMeasurement, hostileMeasurement, floorMeasurement];
