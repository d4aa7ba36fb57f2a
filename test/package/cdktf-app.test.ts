import { describePackedApp } from './packed-app';

// What users get is what we test: the tarball `npm pack` makes, installed into a fresh cdktf 0.21
// app from the npm cache, compiled against its declarations and synthesized against the emulator.
describePackedApp('the packed package in a fresh cdktf 0.21 app', { cdktf: '0.21.0', constructs: '10.8.1' });
