// The official Wechaty client (PuppetService from wechaty-puppet-service)
// draining a burst of messages from a gateway, fetching each payload as a
// Wechaty bot does on every `message` event. Used by tests/bench/bench_login_burst
// as the yardstick for GroupDesk's ingest.
//
//   node drain-burst.mjs --endpoint HOST:PORT --token T --count N [--timeout-s S]
//
// Prints JSON lines on stdout; times are milliseconds since this process started:
//   {"event":"login","ms":..}
//   {"event":"done","fetched":N,"failed":F,"ms":..}     (the last payload fetched)
//   {"event":"timeout","fetched":n,"failed":F,"ms":..}
import { PuppetService } from 'wechaty-puppet-service'
import { performance } from 'node:perf_hooks'

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]])
    return pairs
  }, []))
const count = Number(args.count || 0)
const timeoutS = Number(args['timeout-s'] || 600)
const say = (obj) => process.stdout.write(JSON.stringify(obj) + '\n')

const puppet = new PuppetService({
  endpoint: args.endpoint,
  token: args.token, // needs the "insecure_" prefix (the client's SNI rule)
  tls: { disable: true },
})

const fetched = new Set()
let failed = 0
let finished = false
const finish = async (event) => {
  if (finished) return
  finished = true
  say({ event, fetched: fetched.size, failed, ms: Math.round(performance.now()) })
  try { await puppet.stop() } catch {}
  process.exit(event === 'done' ? 0 : 1)
}

puppet.on('login', () => say({ event: 'login', ms: Math.round(performance.now()) }))
puppet.on('message', ({ messageId }) => {
  puppet.messagePayload(messageId).then((payload) => {
    fetched.add(payload.id)
    if (fetched.size >= count) finish('done')
  }).catch(() => { ++failed })
})

setTimeout(() => finish('timeout'), timeoutS * 1000)
await puppet.start()
