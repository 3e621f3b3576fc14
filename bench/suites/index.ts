// The suites `npm run bench` runs, in order. A new measurement is a new suite
// here (plus, if it needs its own process, a module in ../measurements/).
import type { Suite } from '../harness';
import { throughputSuite } from './throughput';
import { lspSuite } from './lsp';
import { hostileSuite } from './hostile';

export const SUITES: Suite[] = [throughputSuite, lspSuite, hostileSuite];
