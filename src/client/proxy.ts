// Which way a request goes when the environment names a proxy: through the proxy (HTTPS_PROXY,
// HTTP_PROXY, NO_PROXY, read from the client's `env` option only), except loopback targets, which
// always go direct, so a token meant for a local emulator never crosses a proxy in clear. undici's
// EnvHttpProxyAgent has no loopback exception of its own, and waits up to 300 s for a proxy to
// answer CONNECT whatever the request's abort signal says: the proxy's client here gives up after
// the attempt timeout, so an abandoned tunnel does not keep the process alive.
import { Agent, Dispatcher, EnvHttpProxyAgent, Pool } from 'undici';
import { isLoopbackHost } from './config';

type Env = Readonly<Record<string, string | undefined>>;

/** The first non-empty value of the variables, in order (`HTTPS_PROXY` before `https_proxy`, as undici reads them). */
function firstSet(env: Env, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

/**
 * Sends loopback targets through a direct agent and everything else through the environment's
 * proxy agent. Closing or destroying it closes or destroys both.
 */
class LoopbackBypass extends Dispatcher {
  public constructor(
    private readonly direct: Dispatcher,
    private readonly proxied: Dispatcher,
  ) {
    super();
  }

  public override dispatch(
    options: Dispatcher.DispatchOptions,
    handler: Dispatcher.DispatchHandler,
  ): boolean {
    const origin = new URL(String(options.origin));
    return (isLoopbackHost(origin.hostname) ? this.direct : this.proxied).dispatch(options, handler);
  }

  public override close(): Promise<void>;
  public override close(callback: () => void): void;
  public override close(callback?: () => void): Promise<void> | void {
    const done = Promise.all([this.direct.close(), this.proxied.close()]).then(() => undefined);
    if (!callback) return done;
    void done.then(callback);
  }

  public override destroy(): Promise<void>;
  public override destroy(error: Error | null): Promise<void>;
  public override destroy(callback: () => void): void;
  public override destroy(error: Error | null, callback: () => void): void;
  public override destroy(
    errorOrCallback?: Error | null | (() => void),
    callback?: () => void,
  ): Promise<void> | void {
    const error = typeof errorOrCallback === 'function' ? null : (errorOrCallback ?? null);
    const cb = typeof errorOrCallback === 'function' ? errorOrCallback : callback;
    const done = Promise.all([this.direct.destroy(error), this.proxied.destroy(error)]).then(() => undefined);
    if (!cb) return done;
    void done.then(cb);
  }
}

/**
 * The dispatcher for a client whose environment is `env`: `undefined` (undici's global one) when
 * no proxy variable is set; otherwise one that tunnels through `HTTPS_PROXY`/`HTTP_PROXY` (either
 * case), honours `NO_PROXY`, and sends loopback hosts (`localhost`, `127.0.0.0/8`, `[::1]`) direct.
 * Only `env` is read, never `process.env`, so tests and workers decide.
 *
 * @param proxyTimeoutMs how long the proxy may take to answer (CONNECT included) before its
 *   connection is dropped; the client passes its attempt timeout.
 */
export function proxyDispatcher(env: Env, proxyTimeoutMs = 10_000): Dispatcher | undefined {
  const httpProxy = firstSet(env, 'HTTP_PROXY', 'http_proxy');
  const httpsProxy = firstSet(env, 'HTTPS_PROXY', 'https_proxy') ?? httpProxy;
  if (!httpProxy && !httpsProxy) return undefined;
  const proxied = new EnvHttpProxyAgent({
    // '' (not undefined) so that undici does not fall back to process.env
    httpProxy: httpProxy ?? '',
    httpsProxy: httpsProxy ?? '',
    noProxy: env.NO_PROXY ?? env.no_proxy ?? '',
    clientFactory: (origin: string | URL, options: object) =>
      new Pool(origin, { ...options, headersTimeout: proxyTimeoutMs, bodyTimeout: proxyTimeoutMs }),
  } as ConstructorParameters<typeof EnvHttpProxyAgent>[0]);
  return new LoopbackBypass(new Agent(), proxied);
}
