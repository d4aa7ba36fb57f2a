import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describePackedApp } from './packed-app';

// CDK Terrain users alias `cdktf` to `cdktn`, as its migration guide does; the package's open peer
// range (`cdktf >=0.21.0`) must let npm install it there, and the stack must synthesize.
// cdktn 0.24 pins constructs to >=10.6.0 <10.8.0, hence 10.7.2 (research/cdktf.md §8).
describePackedApp(
  'the packed package in a fresh CDK Terrain 0.24 app (cdktf aliased to cdktn)',
  { cdktn: '0.24.0', cdktf: 'npm:cdktn@0.24.0', constructs: '10.7.2' },
  (appDir) => {
    it('resolves cdktf to CDK Terrain, so the stack above was synthesized by cdktn', () => {
      const cdktf = JSON.parse(readFileSync(join(appDir(), 'node_modules', 'cdktf', 'package.json'), 'utf8'));
      expect(cdktf).toMatchObject({ name: 'cdktn', version: '0.24.0' });
      const lock = JSON.parse(readFileSync(join(appDir(), 'package-lock.json'), 'utf8'));
      expect(lock.packages['node_modules/constructs'].version).toBe('10.7.2');
    });
  },
);
