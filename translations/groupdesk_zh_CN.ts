<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountSession</name>
    <message>
        <location filename="../core/engine/AccountSession.cpp" line="+865"/>
        <source>The gateway sent the file in a form GroupDesk cannot read.</source>
        <translation>网关发送的文件格式 GroupDesk 无法读取。</translation>
    </message>
    <message>
        <location filename="../core/engine/AccountSessionFiles.cpp" line="+40"/>
        <source>The file changed after it was queued; add it again to send it.</source>
        <translation>文件在排队后被修改过，请重新添加后再发送。</translation>
    </message>
</context>
<context>
    <name>AccountStateText</name>
    <message>
        <location filename="../ui/AccountStateText.cpp" line="+16"/>
        <source>Offline, reconnecting in %1 s</source>
        <translation>离线，%1 秒后重连</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+26"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting for QR scan</source>
        <translation>等待扫码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scanned, confirm on the phone</source>
        <translation>已扫码，请在手机上确认</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Syncing %1 of %2</source>
        <translation>正在同步 %1/%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logged in, syncing…</source>
        <translation>已登录，正在同步…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Logged out</source>
        <translation>已退出登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logged out: %1</source>
        <translation>已退出登录：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>出错</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Error: %1</source>
        <translation>出错：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 Reconnecting in %2 s.</source>
        <translation>%1 %2 秒后重连。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Logged in</source>
        <translation>已登录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connecting to the gateway…</source>
        <translation>正在连接网关…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+10"/>
        <source>Scan the QR code with WeChat</source>
        <translation>请用微信扫描二维码</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Scanned — confirm on the phone</source>
        <translation>已扫码，请在手机上确认登录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirmed, logging in…</source>
        <translation>已确认，正在登录…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QR code expired, a new one is coming</source>
        <translation>二维码已过期，正在获取新的二维码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Login cancelled on the phone, a new QR code is coming</source>
        <translation>已在手机上取消登录，正在获取新的二维码</translation>
    </message>
</context>
<context>
    <name>AppOptions</name>
    <message>
        <location filename="../app/groupdesk/AppOptions.cpp" line="+26"/>
        <source>GroupDesk: a console for customer-service teams running WeChat bot accounts.</source>
        <translation>GroupDesk：为运营微信机器人账号的客服团队打造的工作台。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keep the database and the log in &lt;dir&gt; (default: %1).</source>
        <translation>数据库和日志保存在 &lt;目录&gt; 中（默认：%1）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dir</source>
        <translation>目录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start the built-in demo gateway (a simulated WeChat) and connect a demo bot to it.</source>
        <translation>启动内置演示网关（模拟的微信），并连接一个演示机器人。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run the engine without a window (for servers); stop with SIGTERM or Ctrl+C.</source>
        <translation>无窗口运行引擎（用于服务器）；用 SIGTERM 或 Ctrl+C 停止。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect a bot account to the gateway at &lt;host:port&gt;.</source>
        <translation>将机器人账号连接到 &lt;主机:端口&gt; 处的网关。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>host:port</source>
        <translation>主机:端口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the gateway token from &lt;file&gt; (used with --connect).</source>
        <translation>从 &lt;文件&gt; 读取网关令牌（与 --connect 一起使用）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Connect without TLS (only for gateways on this machine or a trusted network).</source>
        <translation>不使用 TLS 连接（仅限本机或可信网络中的网关）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust the gateway certificate issued by the CA in &lt;file&gt; (PEM).</source>
        <translation>信任 &lt;文件&gt;（PEM）中的 CA 签发的网关证书。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Expect &lt;name&gt; in the gateway&apos;s certificate (e.g. insecure for the reference gateway).</source>
        <translation>网关证书中应包含的 &lt;名称&gt;（参考网关为 insecure）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Unexpected argument: %1</source>
        <translation>无法识别的参数：%1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No data directory: pass --data-dir.</source>
        <translation>没有数据目录：请指定 --data-dir。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--connect needs --token-file with the gateway token.</source>
        <translation>--connect 需要用 --token-file 提供网关令牌。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--token-file is only used with --connect.</source>
        <translation>--token-file 只能与 --connect 一起使用。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use either --demo or --connect, not both.</source>
        <translation>--demo 和 --connect 只能选择其一。</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <location filename="../core/store/Exporter.cpp" line="+187"/>
        <source>The archive could not be read.</source>
        <translation>无法读取消息存档。</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+77"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>The export was cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
</context>
<context>
    <name>GatewayStatus</name>
    <message>
        <location filename="../core/gateway/GatewayStatus.cpp" line="+15"/>
        <source>The request was cancelled.</source>
        <translation>请求已取消。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The gateway reported an error. Details are in the log.</source>
        <translation>网关报告了一个错误，详情见日志。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The gateway rejected the request as invalid.</source>
        <translation>网关认为请求无效并予以拒绝。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The gateway did not answer in time.</source>
        <translation>网关未能及时响应。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The gateway does not know this item (it may have been deleted).</source>
        <translation>网关找不到该项目（可能已被删除）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Another client is already connected to this account&apos;s gateway (only one may receive its events). Retrying...</source>
        <translation>已有另一个客户端连接到此账号的网关（同一时间只能有一个接收事件）。正在重试…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The gateway refused this action for the account.</source>
        <translation>网关拒绝了该账号的此项操作。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The gateway is overloaded or the message is too large.</source>
        <translation>网关负载过高，或消息过大。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The account is not in a state that allows this (is it logged in?).</source>
        <translation>账号当前状态不允许此操作（是否已登录？）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The request was aborted by the gateway.</source>
        <translation>请求被网关中止。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The request was out of range.</source>
        <translation>请求超出范围。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This gateway does not support this action.</source>
        <translation>此网关不支持该操作。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The gateway had an internal error.</source>
        <translation>网关内部出错。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The secure connection (TLS) to the gateway failed: its certificate is not trusted or does not match the server name. Check the CA file and the server name.</source>
        <translation>与网关的安全连接（TLS）失败：其证书不受信任或与服务器名称不符。请检查 CA 文件和服务器名称。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The gateway cannot be reached. Check the address, that it is running, and the TLS setting.</source>
        <translation>无法连接到网关。请检查地址、网关是否在运行以及 TLS 设置。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data was lost on the way to the gateway.</source>
        <translation>数据在发送到网关的途中丢失。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The gateway rejected the token. Check the account&apos;s token.</source>
        <translation>网关拒绝了令牌。请检查该账号的令牌。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The gateway call failed (code %1).</source>
        <translation>网关调用失败（代码 %1）。</translation>
    </message>
</context>
<context>
    <name>LoginStateMachine</name>
    <message>
        <location filename="../core/engine/LoginStateMachine.cpp" line="+43"/>
        <source>Scanned. Confirm the login on the phone.</source>
        <translation>已扫码，请在手机上确认登录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Confirmed on the phone. Logging in...</source>
        <translation>已在手机上确认，正在登录…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The QR code expired. Waiting for a new one...</source>
        <translation>二维码已过期，正在等待新的二维码…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The login was cancelled on the phone. Waiting for a new QR code...</source>
        <translation>已在手机上取消登录，正在等待新的二维码…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Scan the QR code with WeChat on the bot&apos;s phone.</source>
        <translation>请用机器人手机上的微信扫描二维码。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The account was logged out.</source>
        <translation>账号已退出登录。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The account was logged out: %1</source>
        <translation>账号已退出登录：%1</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <location filename="../core/util/SecretStore.cpp" line="+18"/>
        <source>No token is saved for this account.</source>
        <translation>此账号没有保存令牌。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Access to the keychain was denied.</source>
        <translation>访问钥匙串被拒绝。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No keychain is available on this system to store the token.</source>
        <translation>此系统上没有可用于保存令牌的钥匙串。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The keychain reported an error: %1</source>
        <translation>钥匙串报告错误：%1</translation>
    </message>
</context>
<context>
    <name>SimCommandLine</name>
    <message>
        <location filename="../core/sim/SimCommandLine.cpp" line="+26"/>
        <source>Delay from SCAN Waiting to Scanned (default 1500).</source>
        <translation>从 SCAN 等待扫码到已扫码的延迟（默认 1500）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delay from Scanned to Confirmed and LOGIN (default 1000).</source>
        <translation>从已扫码到确认并 LOGIN 的延迟（默认 1000）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QR codes shown before the scan; all but the last time out (default 1).</source>
        <translation>扫码前展示的二维码数量；除最后一个外都会过期（默认 1）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How long a QR code that times out stays up (default 3000).</source>
        <translation>会过期的二维码保持显示的时长（默认 3000）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seconds between HEARTBEAT events; 0 = only on subscribe (default 10).</source>
        <translation>HEARTBEAT 事件的间隔秒数；0 = 仅在订阅时发送（默认 10）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number of groups; 0 = the default world of 10 (default 0).</source>
        <translation>群数量；0 = 默认的 10 个群（默认 0）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Members of every group; 0 = 8 to 25 (default 0).</source>
        <translation>每个群的成员数；0 = 8 到 25 人（默认 0）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Once logged in and listened to, emit this many messages as fast as possible.</source>
        <translation>登录且有订阅者后，以最快速度发出这么多条消息。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of traffic (in %) that goes to the first group (default 0).</source>
        <translation>发往第一个群的流量占比（%，默认 0）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About one room event per this many messages (default 200).</source>
        <translation>大约每这么多条消息产生一个群事件（默认 200）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every Nth message is a photo or a PDF receipt; 0 = text only (default 15).</source>
        <translation>每隔 N 条消息发送一张照片或一份 PDF 收据；0 表示只发文字（默认 15）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every Nth photo is served truncated (a corrupt image).</source>
        <translation>每隔 N 张照片提供一张被截断的照片（损坏的图片）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every Nth MESSAGE event carries broken JSON (never counted).</source>
        <translation>每第 N 个 MESSAGE 事件携带损坏的 JSON（不计数）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every Nth MESSAGE event is written twice (counted once).</source>
        <translation>每第 N 个 MESSAGE 事件发送两次（只计一次）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every Nth MessagePayload call fails with --fault-fail-code.</source>
        <translation>每第 N 次 MessagePayload 调用以 --fault-fail-code 失败。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>gRPC status code for failed payload calls (default 14, UNAVAILABLE).</source>
        <translation>失败的 payload 调用使用的 gRPC 状态码（默认 14，UNAVAILABLE）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delay every MessagePayload answer by this many milliseconds.</source>
        <translation>每个 MessagePayload 应答延迟这么多毫秒。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>End each Event stream with UNAVAILABLE after N MESSAGE events.</source>
        <translation>每个 Event 流在 N 个 MESSAGE 事件后以 UNAVAILABLE 结束。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log the bot out this many seconds after its first login.</source>
        <translation>机器人首次登录这么多秒后让其退出登录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop answering calls and events this many seconds after the first login.</source>
        <translation>首次登录这么多秒后停止响应调用和事件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exit abruptly, without stats, this many seconds after starting.</source>
        <translation>启动这么多秒后立即退出，不写统计。</translation>
    </message>
</context>
<context>
    <name>Simulator</name>
    <message>
        <location filename="../core/sim/SimPuppetServer.cpp" line="+759"/>
        <source>Cannot read the TLS certificate or key.</source>
        <translation>无法读取 TLS 证书或私钥。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot listen on %1.</source>
        <translation>无法在 %1 上监听。</translation>
    </message>
    <message>
        <location filename="../core/sim/Simulator.cpp" line="+99"/>
        <location line="+7"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <location filename="../core/store/StoreWriter.cpp" line="+25"/>
        <source>The database %1 was written by a newer version of GroupDesk (schema version %2; this version understands up to %3). It was not opened and not changed; please update GroupDesk.</source>
        <translation>数据库 %1 由更新版本的 GroupDesk 写入（结构版本 %2；当前版本最高支持 %3）。数据库未被打开，也未被修改；请升级 GroupDesk。</translation>
    </message>
    <message>
        <location line="+183"/>
        <source>%1 is not a GroupDesk database.</source>
        <translation>%1 不是 GroupDesk 数据库。</translation>
    </message>
    <message>
        <location filename="../core/store/Store.cpp" line="+680"/>
        <source>The file could not be read or copied for sending.</source>
        <translation>无法读取或复制该文件，未能发送。</translation>
    </message>
</context>
<context>
    <name>gd::AccountListModel</name>
    <message>
        <location filename="../ui/AccountListModel.cpp" line="+31"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>gd::AccountNotifier</name>
    <message>
        <location filename="../ui/AccountNotifier.cpp" line="+31"/>
        <source>%1 was logged out</source>
        <translation>%1 已退出登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 lost its connection</source>
        <translation>%1 的连接已断开</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan a new QR code to log in again.</source>
        <translation>请扫描新的二维码重新登录。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1
Scan a new QR code to log in again.</source>
        <translation>%1
请扫描新的二维码重新登录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconnecting automatically.</source>
        <translation>正在自动重连。</translation>
    </message>
</context>
<context>
    <name>gd::AccountSession</name>
    <message>
        <location filename="../core/engine/AccountSession.cpp" line="-682"/>
        <source>The connection was lost while sending. Check the chat before retrying.</source>
        <translation>发送时连接中断。重试前请先检查聊天中是否已发出。</translation>
    </message>
    <message>
        <location line="+137"/>
        <location line="+13"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>%1 joined the group</source>
        <translation>%1 加入了群聊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 invited %2 to the group</source>
        <translation>%1 邀请 %2 加入了群聊</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 left the group</source>
        <translation>%1 退出了群聊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 removed %2 from the group</source>
        <translation>%1 将 %2 移出了群聊</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The group name was changed to &quot;%1&quot;</source>
        <translation>群名已修改为“%1”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 changed the group name to &quot;%2&quot;</source>
        <translation>%1 将群名修改为“%2”</translation>
    </message>
</context>
<context>
    <name>gd::AddAccountDialog</name>
    <message>
        <location filename="../ui/AddAccountDialog.cpp" line="+23"/>
        <source>Use TLS</source>
        <translation>使用 TLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the demo gateway (a simulated WeChat, for trying GroupDesk out)</source>
        <translation>使用演示网关（模拟的微信，用于试用 GroupDesk）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add bot account</source>
        <translation>添加机器人账号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. After-sales bot 1</source>
        <translation>例如：售后机器人 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>host:port, e.g. 10.0.0.5:8788</source>
        <translation>主机:端口，例如 10.0.0.5:8788</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The gateway&apos;s token</source>
        <translation>网关的令牌</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional: PEM file of the gateway&apos;s CA</source>
        <translation>可选：网关 CA 的 PEM 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: e.g. insecure</source>
        <translation>可选：例如 insecure</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Gateway endpoint:</source>
        <translation>网关地址：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token:</source>
        <translation>令牌：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CA file:</source>
        <translation>CA 文件：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS server name:</source>
        <translation>TLS 服务器名称：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add account</source>
        <translation>添加账号</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose the CA certificate</source>
        <translation>选择 CA 证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>证书 (*.pem *.crt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Enter the gateway endpoint as host:port.</source>
        <translation>请按“主机:端口”的格式填写网关地址。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The gateway endpoint needs a port, as in host:port.</source>
        <translation>网关地址需要包含端口，格式为“主机:端口”。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>端口必须是 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The host name &quot;%1&quot; is not valid.</source>
        <translation>主机名“%1”无效。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Give the account a name, so staff can tell the bots apart.</source>
        <translation>请为账号命名，方便同事区分各个机器人。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the gateway&apos;s token.</source>
        <translation>请填写网关的令牌。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The CA file &quot;%1&quot; cannot be read.</source>
        <translation>无法读取 CA 文件“%1”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An account for this gateway already exists.</source>
        <translation>此网关的账号已存在。</translation>
    </message>
</context>
<context>
    <name>gd::AppRuntime</name>
    <message>
        <location filename="../app/groupdesk/AppRuntime.cpp" line="+44"/>
        <source>Cannot create the data directory %1.</source>
        <translation>无法创建数据目录 %1。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot open the database %1.</source>
        <translation>无法打开数据库 %1。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Demo bot</source>
        <translation>演示机器人</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The demo gateway did not start: %1</source>
        <translation>演示网关未能启动：%1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Cannot read the token file %1: %2</source>
        <translation>无法读取令牌文件 %1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The token file %1 is empty.</source>
        <translation>令牌文件 %1 是空的。</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The token of %1 could not be read from the keychain: %2</source>
        <translation>无法从钥匙串读取 %1 的令牌：%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The token of %1 could not be saved in the keychain (%2). The account works now but must be added again after a restart.</source>
        <translation>无法将 %1 的令牌保存到钥匙串（%2）。账号现在可以使用，但重启后需要重新添加。</translation>
    </message>
</context>
<context>
    <name>gd::Composer</name>
    <message>
        <location filename="../ui/Composer.cpp" line="+28"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image or File…</source>
        <translation>图片或文件…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Send an image or a file to this group</source>
        <translation>向此群发送图片或文件</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Message %1</source>
        <translation>发消息到 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Enter to send, Shift+Enter for a new line</source>
        <translation>Enter 发送，Shift+Enter 换行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a group to start answering</source>
        <translation>选择一个群开始回复</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Send Image or File</source>
        <translation>发送图片或文件</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The pasted image could not be saved for sending.</source>
        <translation>粘贴的图片无法保存，未能发送。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>This message is %1 characters long; WeChat accepts at most %2. Please shorten it or split it.</source>
        <translation>这条消息有 %1 个字符，微信最多接受 %2 个。请缩短或分成几条发送。</translation>
    </message>
</context>
<context>
    <name>gd::ContactsPage</name>
    <message>
        <location filename="../ui/ContactsPage.cpp" line="+71"/>
        <source>Show former members</source>
        <translation>显示已退群成员</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Name</source>
        <translation>昵称</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>WeChat ID</source>
        <translation>微信 ID</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+2"/>
        <location line="+1"/>
        <source>Group</source>
        <translation>群聊</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+41"/>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Joined / left</source>
        <translation>入群 / 退群</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Groups of the contact</source>
        <translation>所在群聊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent messages (double-click to open)</source>
        <translation>最近消息（双击打开）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Groups</source>
        <translation>群聊</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>left on %1</source>
        <translation>%1 退群</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>joined %1</source>
        <translation>%1 入群</translation>
    </message>
    <message numerus="yes">
        <location line="+105"/>
        <source>%1 is in %n group(s)</source>
        <translation>
            <numerusform>%1 在 %n 个群中</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Private chat</source>
        <translation>私聊</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Members (%1, %2 former)</source>
        <translation>成员（%1 人，已退群 %2 人）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members (%1)</source>
        <translation>成员（%1）</translation>
    </message>
</context>
<context>
    <name>gd::ExportDialog</name>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="+48"/>
        <location line="+201"/>
        <location line="+13"/>
        <location line="+52"/>
        <source>Export messages</source>
        <translation>导出消息</translation>
    </message>
    <message>
        <location line="-264"/>
        <source>What to export</source>
        <translation>导出内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This group</source>
        <translation>本群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All groups and chats of this account, between dates</source>
        <translation>此账号的所有群聊和私聊（按日期范围）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The current search result</source>
        <translation>当前搜索结果</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV (spreadsheets)</source>
        <translation>CSV（电子表格）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UTF-8 BOM for Excel</source>
        <translation>添加 UTF-8 BOM（供 Excel 使用）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Without it, Excel shows Chinese text in a CSV file as garbled characters.</source>
        <translation>不加 BOM 时，Excel 打开 CSV 文件会把中文显示为乱码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protect against spreadsheet formulas</source>
        <translation>防止电子表格公式注入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cells starting with = + - @ get a leading &apos; so a spreadsheet shows a customer&apos;s text instead of running it.</source>
        <translation>以 = + - @ 开头的单元格前加一个 &apos;，让电子表格显示客户的原文而不是把它当公式执行。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This group: %1</source>
        <translation>本群：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Messages matching &quot;%1&quot;</source>
        <translation>匹配“%1”的消息</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>messages-%1-to-%2</source>
        <translation>消息-%1-至-%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>search-%1-%2</source>
        <translation>搜索-%1-%2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exporting messages…</source>
        <translation>正在导出消息…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Exported %n message(s)…</source>
        <translation>
            <numerusform>已导出 %n 条消息…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exported %1 of %2 messages…</source>
        <translation>已导出 %1/%2 条消息…</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>Exported %n message(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 条消息导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The export did not finish: %1</source>
        <translation>导出未完成：%1</translation>
    </message>
</context>
<context>
    <name>gd::FeedView</name>
    <message>
        <location filename="../ui/FeedView.cpp" line="+125"/>
        <source>[Image]</source>
        <translation>[图片]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[Voice message]</source>
        <translation>[语音]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[Video]</source>
        <translation>[视频]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[Sticker]</source>
        <translation>[表情]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[File]</source>
        <translation>[文件]</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>[File] %1</source>
        <translation>[文件] %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[Link]</source>
        <translation>[链接]</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>[Link] %1</source>
        <translation>[链接] %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[Contact card]</source>
        <translation>[名片]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[Location]</source>
        <translation>[位置]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[Mini program]</source>
        <translation>[小程序]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[Money transfer]</source>
        <translation>[转账]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[Red envelope]</source>
        <translation>[红包]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[Message recalled]</source>
        <translation>[消息已撤回]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[Chat history]</source>
        <translation>[聊天记录]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[Group note]</source>
        <translation>[群公告]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[Post]</source>
        <translation>[动态]</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>[Unsupported message]</source>
        <translation>[暂不支持的消息]</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>%1 (click to save)</source>
        <translation>%1（点击保存）</translation>
    </message>
    <message numerus="yes">
        <location line="+222"/>
        <source>%n new message(s) ↓</source>
        <translation>
            <numerusform>%n 条新消息 ↓</numerusform>
        </translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>Image failed to load — Retry</source>
        <translation>图片加载失败 — 重试</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Damaged image</source>
        <translation>图片已损坏</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loading image…</source>
        <translation>正在加载图片…</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Uploading %1 %</source>
        <translation>正在上传 %1 %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sending…</source>
        <translation>发送中…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Failed</source>
        <translation>发送失败</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failed: %1</source>
        <translation>发送失败：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown outcome</source>
        <translation>结果未知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send again</source>
        <translation>再次发送</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Copy text</source>
        <translation>复制文字</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
</context>
<context>
    <name>gd::FileCheck</name>
    <message>
        <location filename="../core/util/FileCheck.cpp" line="+115"/>
        <source>The file %1 does not exist.</source>
        <translation>文件 %1 不存在。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+30"/>
        <source>The file %1 is empty.</source>
        <translation>文件 %1 是空的。</translation>
    </message>
    <message>
        <location line="-25"/>
        <location line="+34"/>
        <source>%1 is too large to send (%2; the limit is %3).</source>
        <translation>%1 太大，无法发送（%2；上限为 %3）。</translation>
    </message>
    <message>
        <location line="-27"/>
        <location line="+5"/>
        <source>The file %1 cannot be read.</source>
        <translation>无法读取文件 %1。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The image %1 is too large to send (%2; the limit is %3).</source>
        <translation>图片 %1 太大，无法发送（%2；上限为 %3）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The image %1 is damaged and cannot be sent.</source>
        <translation>图片 %1 已损坏，无法发送。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not an image: its content is not in any image format.</source>
        <translation>%1 不是图片：其内容不属于任何图片格式。</translation>
    </message>
</context>
<context>
    <name>gd::ImageViewer</name>
    <message>
        <location filename="../ui/ImageViewer.cpp" line="+24"/>
        <source>Loading image…</source>
        <translation>正在加载图片…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The image is damaged and cannot be shown.</source>
        <translation>图片已损坏，无法显示。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+7"/>
        <source>Save image</source>
        <translation>保存图片</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>gd::LoginPanel</name>
    <message>
        <location filename="../ui/LoginPanel.cpp" line="+32"/>
        <source>Open WeChat on the bot&apos;s phone, tap + then Scan, and point it at this code.</source>
        <translation>在机器人手机上打开微信，点击右上角“+”→“扫一扫”，对准此二维码。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Log in %1</source>
        <translation>登录 %1</translation>
    </message>
</context>
<context>
    <name>gd::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+96"/>
        <source>image.jpg</source>
        <translation>图片.jpg</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save file</source>
        <translation>保存文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Downloading %1…</source>
        <translation>正在下载 %1…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not download the file: %1</source>
        <translation>无法下载文件：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saved %1 (%2)</source>
        <translation>已保存 %1（%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+137"/>
        <source>GroupDesk</source>
        <translation>GroupDesk</translation>
    </message>
    <message>
        <location line="-119"/>
        <source>Chats</source>
        <translation>会话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contacts</source>
        <translation>通讯录</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Search messages</source>
        <translation>搜索消息</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+144"/>
        <source>Search in this group</source>
        <translation>在本群中搜索</translation>
    </message>
    <message>
        <location line="-137"/>
        <location line="+113"/>
        <location line="+28"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>Could not save to the database. Details are in the log.</source>
        <translation>无法保存到数据库，详情见日志。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Add bot account</source>
        <translation>添加机器人账号</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>BOT ACCOUNTS</source>
        <translation>机器人账号</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Right-click an account to reconnect, restart its login or remove it.</source>
        <translation>右键点击账号可重新连接、重新扫码登录或移除账号。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Filter groups</source>
        <translation>筛选群聊</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export a group or a date range to CSV or JSON (Ctrl+E)</source>
        <translation>将一个群或一段日期内的消息导出为 CSV 或 JSON（Ctrl+E）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Tags…</source>
        <translation>标签…</translation>
    </message>
    <message numerus="yes">
        <location line="+230"/>
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n 位成员</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No bot account yet.
Click + at the top left to add one, or start with --demo.</source>
        <translation>还没有机器人账号。
点击左上角的 + 添加，或使用 --demo 启动。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Syncing groups and contacts…</source>
        <translation>正在同步群聊和联系人…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No groups for this account yet.</source>
        <translation>此账号还没有群聊。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a group on the left to see its messages.</source>
        <translation>在左侧选择一个群查看消息。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Syncing %1: %2 of %3</source>
        <translation>正在同步 %1：%2/%3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No accounts</source>
        <translation>没有账号</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 of %n account(s) online</source>
        <translation>
            <numerusform>%1/%n 个账号在线</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Reconnect now</source>
        <translation>立即重连</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart QR login</source>
        <translation>重新扫码登录</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Remove account</source>
        <translation>移除账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the account &quot;%1&quot; from GroupDesk? Its archived messages stay in the database.</source>
        <translation>要从 GroupDesk 移除账号“%1”吗？已存档的消息会保留在数据库中。</translation>
    </message>
</context>
<context>
    <name>gd::RoomListModel</name>
    <message>
        <location filename="../ui/RoomListModel.cpp" line="+169"/>
        <source>No messages yet</source>
        <translation>暂无消息</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2</source>
        <comment>room list preview: sender, text</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>M/d</source>
        <comment>short date in the room list</comment>
        <translation>M月d日</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%1 · %n member(s)</source>
        <translation>
            <numerusform>%1 · %n 位成员</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gd::SearchPanel</name>
    <message>
        <location filename="../ui/SearchPanel.cpp" line="+38"/>
        <source>Search messages (e.g. 退款)</source>
        <translation>搜索消息（例如：退款）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>All groups and chats</source>
        <translation>全部群聊和会话</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Anyone</source>
        <translation>任何人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any time</source>
        <translation>任何时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 12 months</source>
        <translation>最近 12 个月</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any type</source>
        <translation>任何类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Links</source>
        <translation>链接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group events</source>
        <translation>群事件</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Load more</source>
        <translation>加载更多</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export results…</source>
        <translation>导出结果…</translation>
    </message>
    <message numerus="yes">
        <location line="+165"/>
        <source>Single characters are searched in the last %n day(s) only; pick a date range to look further back.</source>
        <translation>
            <numerusform>单个字只搜索最近 %n 天；如需更早的消息，请选择日期范围。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type to search the archive.</source>
        <translation>输入关键词搜索消息存档。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No messages found.</source>
        <translation>没有找到消息。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n message(s) shown, more available</source>
        <translation>
            <numerusform>已显示 %n 条消息，还有更多</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n message(s) found</source>
        <translation>
            <numerusform>找到 %n 条消息</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gd::SendFilePreviewDialog</name>
    <message>
        <location filename="../ui/SendFilePreviewDialog.cpp" line="+39"/>
        <source>Send File</source>
        <translation>发送文件</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Send to %1</source>
        <translation>发送到 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>gd::TagEditorDialog</name>
    <message>
        <location filename="../ui/TagEditorDialog.cpp" line="+26"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags of %1</source>
        <translation>%1 的标签</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New tag, e.g. 售后</source>
        <translation>新标签，例如：售后</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
</context>
<context>
    <name>gd::sim</name>
    <message>
        <location filename="../core/sim/SimCommandLine.cpp" line="+8"/>
        <source>Address to listen on (default 127.0.0.1).</source>
        <translation>监听地址（默认 127.0.0.1）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Port to listen on; 0 picks a free one (default 0).</source>
        <translation>监听端口；0 表示自动选择空闲端口（默认 0）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Token every call must carry; empty accepts all.</source>
        <translation>每个调用必须携带的令牌；为空则全部接受。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MESSAGE events per second while traffic runs (default 5).</source>
        <translation>产生流量时每秒的 MESSAGE 事件数（默认 5）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>messages/s</source>
        <translation>条/秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop traffic this many seconds after the first subscribe; keep serving (0 = never).</source>
        <translation>首次订阅这么多秒后停止产生流量，但继续提供服务（0 = 不停止）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write statistics as JSON to this file on exit.</source>
        <translation>退出时将统计信息以 JSON 写入此文件。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Append one line per message payload served to this file (survives a crash).</source>
        <translation>每提供一条消息内容，就向此文件追加一行（进程崩溃后仍保留）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serve TLS with this PEM certificate (needs --tls-key).</source>
        <translation>使用此 PEM 证书提供 TLS 服务（需要 --tls-key）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEM private key of --tls-cert.</source>
        <translation>--tls-cert 的 PEM 私钥。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed of the world and the traffic (default 1).</source>
        <translation>模拟世界和流量的随机种子（默认 1）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+7"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Log the bot in right after Start, without a QR scan.</source>
        <translation>Start 后立即登录机器人，无需扫码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Occasional joins, leaves and topic changes: on or off (default on).</source>
        <translation>偶尔产生入群、退群和改群名事件：on 或 off（默认 on）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on|off</source>
        <translation>on|off</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Invalid value for --%1: %2</source>
        <translation>--%1 的值无效：%2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>--tls-cert and --tls-key go together.</source>
        <translation>--tls-cert 和 --tls-key 必须同时指定。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/groupdesk/main.cpp" line="+67"/>
        <source>Demo gateway</source>
        <translation>演示网关</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+5"/>
        <source>GroupDesk</source>
        <translation>GroupDesk</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>GroupDesk cannot start</source>
        <translation>GroupDesk 无法启动</translation>
    </message>
    <message>
        <location filename="../app/sim/main.cpp" line="+40"/>
        <source>GroupDesk gateway simulator: a wechaty.Puppet gRPC server with a scripted world.</source>
        <translation>GroupDesk 网关模拟器：带脚本化模拟世界的 wechaty.Puppet gRPC 服务器。</translation>
    </message>
</context>
</TS>
