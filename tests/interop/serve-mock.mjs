// Serves the real Wechaty puppet service (wechaty-puppet-service) over a mock
// WeChat world (wechaty-puppet-mock) for GroupDesk's interop test.
//
//   node serve-mock.mjs --port P --token T [--rate N]
//
// Prints JSON lines on stdout so the test can follow what the server sees:
//   {"event":"listening","port":P}
//   {"event":"world", "self":{...}, "contacts":[...], "rooms":[...]}
//   {"event":"incoming","id":..,"roomId":..,"talkerId":..,"text":..}  (a message the mock world sent)
//   {"event":"sent","conversationId":..,"text":..}                      (a text GroupDesk sent)
//   {"event":"sent",...,"fileName":..,"fileSize":..,"fileType":..}      (a file GroupDesk sent)
//   {"event":"quit","roomId":..}                                         (GroupDesk's RoomQuit)
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { PuppetServer } from 'wechaty-puppet-service'
import * as PUPPET from 'wechaty-puppet'

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]])
    return pairs
  }, []))
const port = Number(args.port || 0)
const token = args.token || 'insecure_groupdesk_interop'
const intervalMs = Math.max(20, Math.round(1000 / Number(args.rate || 5)))

const say = (obj) => process.stdout.write(JSON.stringify(obj) + '\n')

const customerNames = ['王小明', '李娜', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄蕾']
const remarks = { 张伟: '张伟(老客户)', 陈静: 'VIP-陈静' }
const texts = ['退款什么时候到账', '订单一直没发货', '发票怎么开？', '收到的东西坏了怎么办 😢', 'Order #A1029 still pending']

function world (mocker) {
  mocker.scan('https://login.weixin.qq.com/l/groupdesk-interop-1', PUPPET.types.ScanStatus.Waiting)
  const user = mocker.createContact({ name: '星河客服机器人' })
  const customers = customerNames.map(name => mocker.createContact({
    name, alias: remarks[name] || '', friend: true,
  }))
  const rooms = [
    mocker.createRoom({ topic: '星河电器售后群', memberIdList: [user.id, ...customers.slice(0, 5).map(c => c.id)], ownerId: user.id }),
    mocker.createRoom({ topic: 'VIP客户服务群', memberIdList: [user.id, ...customers.slice(3).map(c => c.id)], ownerId: customers[3].id }),
  ]
  say({
    event: 'world',
    self: { id: user.id, name: user.payload.name },
    contacts: customers.map(c => ({ id: c.id, name: c.payload.name, alias: c.payload.alias })),
    rooms: rooms.map(r => ({ id: r.id, topic: r.payload.topic, memberIds: r.payload.memberIdList })),
  })

  let loginTimer = setTimeout(() => {
    mocker.scan('https://login.weixin.qq.com/l/groupdesk-interop-1', PUPPET.types.ScanStatus.Scanned)
    loginTimer = setTimeout(() => mocker.login(user), 300)
  }, 500)

  let n = 0
  const traffic = setInterval(() => {
    if (!mocker.puppet.isLoggedIn) return
    const room = rooms[n % rooms.length]
    const members = room.payload.memberIdList.filter(id => id !== user.id)
    const talker = mocker.ContactMock.load(members[n % members.length])
    talker.say(`${texts[n % texts.length]} (${n})`).to(room)
    n++
  }, intervalMs)

  return () => { clearTimeout(loginTimer); clearInterval(traffic) }
}

const mocker = new mock.Mocker()
mocker.use(world)
const puppet = new PuppetMock({ mocker })

// The mock's own roomQuit does nothing; like WeChat, refuse a group the bot
// is not in (never was, or left already) and report the quit.
const quitRooms = new Set()
puppet.roomQuit = async (roomId) => {
  let payload
  try { payload = mocker.roomPayload(roomId) } catch { payload = undefined }
  const self = puppet.isLoggedIn ? puppet.currentUserId : undefined
  if (!payload || quitRooms.has(roomId) || !payload.memberIdList.includes(self)) {
    throw new Error(`not a member of room ${roomId}`)
  }
  quitRooms.add(roomId)
  say({ event: 'quit', roomId })
}

puppet.on('message', ({ messageId }) => {
  let payload
  try { payload = mocker.messagePayload(messageId) } catch { return }
  const self = puppet.isLoggedIn ? puppet.currentUserId : undefined
  if (payload.talkerId === self) {
    const sent = { event: 'sent', id: messageId, conversationId: payload.roomId || payload.listenerId, text: payload.text }
    // A file message: the mock keeps the FileBox it was sent as JSON.
    const box = mocker.cacheFileBoxPayload.get(messageId)
    if (box) {
      sent.fileName = box.name
      sent.fileType = payload.type
      if (box.base64) sent.fileSize = Buffer.from(box.base64, 'base64').length
      else if (box.size !== undefined) sent.fileSize = box.size
    }
    say(sent)
  } else {
    say({ event: 'incoming', id: messageId, roomId: payload.roomId, talkerId: payload.talkerId, text: payload.text })
  }
})

const server = new PuppetServer({
  endpoint: `127.0.0.1:${port}`,
  puppet,
  token,
  tls: { disable: true },
})
await server.start()
say({ event: 'listening', port })

const shutdown = async () => {
  try { await server.stop() } catch {}
  process.exit(0)
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
