import type { Dispatcher } from 'undici';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * An `EnvHttpProxyAgent` when `HTTPS_PROXY`/`HTTP_PROXY` (either case) is set in `env`, honouring
 * `NO_PROXY`; `undefined` (undici's global dispatcher) otherwise. The variables are read from the
 * client's `env` option rather than `process.env`, so tests and workers can set them. undici is
 * loaded only when a proxy is set: constructing a client without one costs nothing.
 */
export function proxyDispatcher(env: Env): Dispatcher | undefined {
  const httpProxy = env.HTTP_PROXY ?? env.http_proxy;
  const httpsProxy = env.HTTPS_PROXY ?? env.https_proxy;
  if (!httpProxy && !httpsProxy) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { EnvHttpProxyAgent } = require('undici') as typeof import('undici');
  return new EnvHttpProxyAgent({
    httpProxy: httpProxy || undefined,
    httpsProxy: httpsProxy || httpProxy || undefined,
    noProxy: env.NO_PROXY ?? env.no_proxy ?? '',
  });
}
