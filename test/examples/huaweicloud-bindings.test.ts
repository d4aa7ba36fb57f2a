import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Testing, TerraformOutput } from 'cdktf';
import { HuaweicloudProvider } from '../../.gen/providers/huaweicloud/provider';
import { DisStream } from '../../.gen/providers/huaweicloud/dis-stream';
import { DataHuaweicloudDisPartitions } from '../../.gen/providers/huaweicloud/data-huaweicloud-dis-partitions';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateBindings } = require('../../scripts/get.js') as {
  generateBindings(outDir: string): Promise<{ outDir: string; version: string }>;
};

const root = join(__dirname, '..', '..');
const committed = join(root, '.gen', 'providers', 'huaweicloud');

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

describe('huaweicloud provider bindings', () => {
  it('are what `npm run get` generates from the committed schema (run it after editing the schema)', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'hw-bindings-'));
    try {
      const { outDir, version } = await generateBindings(tmp);
      expect(version).toBe('1.67.0');
      const fresh = listFiles(outDir)
        .map((f) => relative(outDir, f))
        .sort();
      const existing = listFiles(committed)
        .map((f) => relative(committed, f))
        .sort();
      expect(existing).toEqual(fresh);
      for (const file of fresh) {
        expect({ file, text: readFileSync(join(committed, file), 'utf8') }).toEqual({
          file,
          text: readFileSync(join(outDir, file), 'utf8'),
        });
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('synthesize the provider, the stream resource and the partitions data source', () => {
    const json = JSON.parse(
      Testing.synthScope((stack) => {
        new HuaweicloudProvider(stack, 'huaweicloud', {
          region: 'cn-north-4',
          projectId: '0123456789abcdef0123456789abcdef',
          endpoints: { dis: 'http://127.0.0.1:1/' },
        });
        const stream = new DisStream(stack, 'orders', {
          streamName: 'orders',
          partitionCount: 2,
          retentionPeriod: 48,
          streamType: 'COMMON',
          tags: { owner: 'data-platform' },
        });
        const partitions = new DataHuaweicloudDisPartitions(stack, 'orders-partitions', {
          streamName: stream.streamName,
        });
        new TerraformOutput(stack, 'first-partition', { value: partitions.partitions.get(0).id });
        new TerraformOutput(stack, 'stream-status', { value: stream.status });
      }),
    );

    expect(json.provider.huaweicloud).toEqual([
      {
        region: 'cn-north-4',
        project_id: '0123456789abcdef0123456789abcdef',
        endpoints: { dis: 'http://127.0.0.1:1/' },
      },
    ]);
    expect(json.resource.huaweicloud_dis_stream.orders).toEqual({
      stream_name: 'orders',
      partition_count: 2,
      retention_period: 48,
      stream_type: 'COMMON',
      tags: { owner: 'data-platform' },
    });
    expect(json.data.huaweicloud_dis_partitions['orders-partitions']).toEqual({
      stream_name: '${huaweicloud_dis_stream.orders.stream_name}',
    });
    expect(json.output['first-partition'].value).toBe(
      '${data.huaweicloud_dis_partitions.orders-partitions.partitions[0].id}',
    );
    expect(json.output['stream-status'].value).toBe('${huaweicloud_dis_stream.orders.status}');
    expect(json.terraform.required_providers.huaweicloud).toEqual({
      source: 'registry.terraform.io/huaweicloud/huaweicloud',
      version: '1.67.0',
    });
  });

  it('render the assume_role block and the update timeout in Terraform syntax', () => {
    const json = JSON.parse(
      Testing.synthScope((stack) => {
        new HuaweicloudProvider(stack, 'huaweicloud', {
          assumeRole: { agencyName: 'dis-readonly', domainName: 'ops-account' },
        });
        new DisStream(stack, 's', { streamName: 's', partitionCount: 1, timeouts: { update: '5m' } });
      }),
    );
    expect(json.provider.huaweicloud[0].assume_role).toEqual({
      agency_name: 'dis-readonly',
      domain_name: 'ops-account',
    });
    expect(json.resource.huaweicloud_dis_stream.s.timeouts).toEqual({ update: '5m' });
  });
});
