<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountLeaseKeeper</name>
    <message>
        <location filename="../core/engine/AccountLeaseKeeper.cpp" line="+196"/>
        <source>The engine sending this message stopped before the gateway answered. Check the chat before retrying.</source>
        <translation>发送这条消息的引擎在网关应答前停止了。重试前请先查看聊天记录。</translation>
    </message>
</context>
<context>
    <name>AccountSession</name>
    <message>
        <location filename="../core/engine/AccountSession.cpp" line="+306"/>
        <source>The gateway sent the file in a form GroupDesk cannot read.</source>
        <translation>网关发送的文件格式 GroupDesk 无法读取。</translation>
    </message>
    <message>
        <location filename="../core/outbox/OutboxSender.cpp" line="+256"/>
        <source>The connection was lost while sending. Check the chat before retrying.</source>
        <translation>发送时连接中断。重试前请先查看聊天记录。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The file changed after it was queued; add it again to send it.</source>
        <translation>文件在排队后被修改过，请重新添加后再发送。</translation>
    </message>
    <message>
        <location filename="../core/model/SystemEvent.cpp" line="+77"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 joined the group</source>
        <translation>%1 加入了群聊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 invited %2 to the group</source>
        <translation>%1 邀请 %2 加入了群聊</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 left the group</source>
        <translation>%1 退出了群聊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 removed %2 from the group</source>
        <translation>%1 将 %2 移出了群聊</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The group name was changed to &quot;%1&quot;</source>
        <translation>群名已改为“%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 changed the group name to &quot;%2&quot;</source>
        <translation>%1 将群名改为“%2”</translation>
    </message>
</context>
<context>
    <name>AccountStateText</name>
    <message>
        <location filename="../ui/AccountStateText.cpp" line="+14"/>
        <source>Not responding: the gateway stopped answering. Reconnecting soon.</source>
        <translation>无响应：网关已停止应答。即将重新连接。</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <location line="+0"/>
        <source>Logged out: %1</source>
        <translation>已退出登录：%1</translation>
    </message>
    <message>
        <location line="+3"/>
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
    <message numerus="yes">
        <location line="+45"/>
        <source>%n message(s) could not be fetched yet</source>
        <translation>
            <numerusform>%n 条消息尚未取回</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n message(s) could not be fetched; see the log</source>
        <translation>
            <numerusform>%n 条消息无法取回；详见日志</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlertMailer</name>
    <message>
        <location filename="../core/monitor/AlertMailer.cpp" line="+112"/>
        <source>[GroupDesk] %1: %2</source>
        <translation>[GroupDesk] %1：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>[GroupDesk] %n alert(s), %1 critical</source>
        <translation>
            <numerusform>[GroupDesk] %n 条告警，其中 %1 条严重</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n alert(s) were raised at about the same time:</source>
        <translation>
            <numerusform>同一时间触发了 %n 条告警：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1  %2 · %3</source>
        <translation>%1  %2 · %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rule: %1</source>
        <translation>规则：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open GroupDesk&apos;s alert inbox to acknowledge, assign or resolve them.</source>
        <translation>打开 GroupDesk 的告警收件箱以确认、分派或解决这些告警。</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The e-mail password could not be read from the keychain: %1</source>
        <translation>无法从钥匙串读取邮箱密码：%1</translation>
    </message>
</context>
<context>
    <name>AlertMonitor</name>
    <message>
        <location filename="../core/monitor/AlertMonitor.cpp" line="+671"/>
        <source>The rule could not be saved.</source>
        <translation>无法保存该规则。</translation>
    </message>
</context>
<context>
    <name>AlertRule</name>
    <message>
        <location filename="../core/monitor/AlertRule.cpp" line="+47"/>
        <source>The rule&apos;s settings are not valid JSON: %1</source>
        <translation>规则的设置不是有效的 JSON：%1</translation>
    </message>
</context>
<context>
    <name>AlertRuleSet</name>
    <message>
        <location filename="../core/monitor/AlertRuleSet.cpp" line="+55"/>
        <source>The rule needs a name.</source>
        <translation>规则需要一个名称。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the group or the tag the rule watches.</source>
        <translation>请选择该规则监控的群或标签。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter at least one keyword (one per line).</source>
        <translation>请至少输入一个关键词（每行一个）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A keyword is longer than %1 characters.</source>
        <translation>有关键词超过 %1 个字符。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enter a regular expression.</source>
        <translation>请输入正则表达式。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The regular expression is longer than %1 characters.</source>
        <translation>正则表达式超过 %1 个字符。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+59"/>
        <source>The regular expression does not compile: %1</source>
        <translation>正则表达式无法编译：%1</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Set how many minutes a customer may wait (at least 1).</source>
        <translation>请设置客户最多可以等待多少分钟（至少 1 分钟）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time the first response, the next responses or both.</source>
        <translation>请选择计时首次回复、后续回复或两者。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose at least one working day.</source>
        <translation>请至少选择一个工作日。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set after how many minutes an offline bot raises an alert (at least 1).</source>
        <translation>请设置机器人离线多少分钟后告警（至少 1 分钟）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown rule kind.</source>
        <translation>未知的规则类型。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The keyword %1 cannot be used: %2</source>
        <translation>关键词 %1 无法使用：%2</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The keywords and expressions of all rules together need more memory than allowed.</source>
        <translation>所有规则的关键词和表达式合计所需内存超出允许范围。</translation>
    </message>
</context>
<context>
    <name>AlertText</name>
    <message>
        <location filename="../core/monitor/AlertText.cpp" line="+12"/>
        <source>Keyword</source>
        <translation>关键词</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pattern</source>
        <translation>模式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No first response</source>
        <translation>无首次回复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No reply</source>
        <translation>无人回复</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+66"/>
        <source>Bot offline</source>
        <translation>机器人离线</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Bot back online</source>
        <translation>机器人已恢复在线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alert</source>
        <translation>告警</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Assigned to %1</source>
        <translation>已分派给 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Snoozed until %1</source>
        <translation>暂缓至 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complaint tone</source>
        <translation>投诉语气</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Response time</source>
        <translation>响应时间</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n h</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>GroupDesk</source>
        <translation>GroupDesk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 raised</source>
        <translation>%1 已触发</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 acknowledged by %2</source>
        <translation>%1 已由 %2 确认</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 assigned to %2 by %3</source>
        <translation>%1 已由 %3 分派给 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 snoozed by %2 until %3</source>
        <translation>%1 已由 %2 暂缓至 %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 back from snooze</source>
        <translation>%1 暂缓结束</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 resolved by %2</source>
        <translation>%1 已由 %2 解决</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 resolved: the bot is back</source>
        <translation>%1 已解决：机器人已恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 resolved: staff replied</source>
        <translation>%1 已解决：客服已回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 resolved: %2 replied</source>
        <translation>%1 已解决：%2 已回复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 reopened by %2</source>
        <translation>%1 已由 %2 重新打开</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%1 has been offline for %n min</source>
        <translation>
            <numerusform>%1 已离线 %n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is back online</source>
        <translation>%1 已恢复在线</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1 in %2 waited %n min: %3</source>
        <translation>
            <numerusform>%1 在 %2 中等待了 %n 分钟：%3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 in %2: %3</source>
        <translation>%1 在 %2 中：%3</translation>
    </message>
</context>
<context>
    <name>ApiSettings</name>
    <message>
        <location filename="../core/api/ApiSettings.cpp" line="+20"/>
        <source>“%1” is not an IP address.</source>
        <translation>“%1”不是 IP 地址。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give both the certificate and the key file.</source>
        <translation>请同时提供证书文件和密钥文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The API listens on %1 only with TLS: choose a certificate and a key file, or listen on 127.0.0.1.</source>
        <translation>API 只有启用 TLS 才能监听 %1：请选择证书和密钥文件，或改为监听 127.0.0.1。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot read %1.</source>
        <translation>无法读取 %1。</translation>
    </message>
</context>
<context>
    <name>AppOptions</name>
    <message>
        <location filename="../app/groupdesk/AppOptions.cpp" line="+31"/>
        <source>GroupDesk: a console for customer-service teams running WeChat bot accounts.</source>
        <translation>GroupDesk：为运营微信机器人账号的客服团队打造的工作台。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keep the database and the log in &lt;dir&gt; (default: %1).</source>
        <translation>数据库和日志保存在 &lt;目录&gt; 中（默认：%1）。</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+3"/>
        <source>Run as a team console: no bot accounts run here; the shared archive is shown live and sends are queued for the engines that run the accounts.</source>
        <translation>作为团队控制台运行：本机不运行机器人账号；实时显示共享存档，发送的消息排队交给运行这些账号的引擎。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log details too: a line per message repeat, per failed call (large logs under heavy traffic).</source>
        <translation>同时记录详细信息：每条重复消息、每次失败的调用各一行（高流量时日志会很大）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connect a bot account to the gateway at &lt;host:port&gt;.</source>
        <translation>将机器人账号连接到 &lt;主机:端口&gt; 处的网关。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>host:port</source>
        <translation>主机:端口</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the gateway token from &lt;file&gt; (used with --connect).</source>
        <translation>从 &lt;文件&gt; 读取网关令牌（与 --connect 一起使用）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+10"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Show the --connect account as &lt;name&gt; (default: its current name, or host:port).</source>
        <translation>将 --connect 的账号显示为 &lt;name&gt;（默认：其当前名称，或 host:port）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connect without TLS (only for gateways on this machine or a trusted network).</source>
        <translation>不使用 TLS 连接（仅限本机或可信网络中的网关）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trust the gateway certificate issued by the CA in &lt;file&gt; (PEM).</source>
        <translation>信任 &lt;文件&gt;（PEM）中的 CA 签发的网关证书。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Expect &lt;name&gt; in the gateway&apos;s certificate (e.g. insecure for the reference gateway).</source>
        <translation>网关证书中应包含的 &lt;名称&gt;（参考网关为 insecure）。</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>--database needs a postgresql:// address (the default archive is a file in the data directory).</source>
        <translation>--database 需要一个 postgresql:// 地址（默认存档是数据目录中的文件）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--database: %1</source>
        <translation>--database：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--database needs --headless (an engine that runs the accounts) or --console (a team console).</source>
        <translation>--database 需要配合 --headless（运行账号的引擎）或 --console（团队控制台）使用。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The demo gateway runs only with the archive file: use either --demo or --database, not both.</source>
        <translation>演示网关只能使用存档文件：请在 --demo 和 --database 中二选一。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--engine-name is only used with --database.</source>
        <translation>--engine-name 只能与 --database 一起使用。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--store-database-password needs --database with the server&apos;s address.</source>
        <translation>--store-database-password 需要用 --database 指定服务器地址。</translation>
    </message>
    <message>
        <location line="-151"/>
        <location line="+10"/>
        <location line="+14"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Keep the archive on a PostgreSQL server shared by a team, e.g. postgresql://user@host:5432/groupdesk?sslmode=require (default: a file in the data directory). The password is taken from the keychain.</source>
        <translation>把存档放在团队共享的 PostgreSQL 服务器上，例如 postgresql://user@host:5432/groupdesk?sslmode=require（默认：数据目录中的文件）。密码从钥匙串读取。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the password of the --database server from the first line of standard input, keep it in the keychain and exit.</source>
        <translation>从标准输入的第一行读取 --database 服务器的密码，保存到钥匙串后退出。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --database: show this engine to the team as &lt;name&gt; (default: the host name).</source>
        <translation>与 --database 一起使用：以 &lt;name&gt; 向团队显示此引擎（默认：主机名）。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Unexpected argument: %1</source>
        <translation>无法识别的参数：%1</translation>
    </message>
    <message>
        <location line="+30"/>
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
        <source>--name is only used with --connect.</source>
        <translation>--name 只能与 --connect 一起使用。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--name needs a name that is not empty.</source>
        <translation>--name 需要一个非空的名称。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--console runs no bot accounts: it cannot be used with --headless, --demo or --connect.</source>
        <translation>--console 不运行机器人账号：不能与 --headless、--demo 或 --connect 一起使用。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Use either --demo or --connect, not both.</source>
        <translation>--demo 和 --connect 只能选择其一。</translation>
    </message>
</context>
<context>
    <name>AutoReplier</name>
    <message numerus="yes">
        <location filename="../core/ops/AutoReplier.cpp" line="+51"/>
        <source>Held back: the rule already answered %n time(s) in the last hour (its cap).</source>
        <translation>
            <numerusform>暂缓：该规则在过去一小时内已回复 %n 次（已达上限）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Held back: the rule answered in this group %1 s ago (cooldown %2 s).</source>
        <translation>暂缓：该规则 %1 秒前已在本群回复过（冷却 %2 秒）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Held back: the rule answered this customer %1 s ago (cooldown %2 s).</source>
        <translation>暂缓：该规则 %1 秒前已回复过这位客户（冷却 %2 秒）。</translation>
    </message>
</context>
<context>
    <name>AutoReplyRule</name>
    <message>
        <location filename="../core/ops/AutoReplyRule.cpp" line="+76"/>
        <source>The rule has no reply text.</source>
        <translation>该规则没有回复内容。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A cooldown cannot be negative.</source>
        <translation>冷却时间不能为负数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allow at least one reply per hour (or disable the rule).</source>
        <translation>每小时至少允许回复一次（或停用该规则）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A keyword rule needs at least one word or expression.</source>
        <translation>关键词规则至少需要一个词或表达式。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A busy reply needs business hours or a number of minutes without an answer.</source>
        <translation>忙碌回复需要设置营业时间，或设置无人回复的分钟数。</translation>
    </message>
</context>
<context>
    <name>BusinessHours</name>
    <message>
        <location filename="../core/monitor/BusinessHours.cpp" line="+110"/>
        <source>Weekday %1 is not between 1 and 7.</source>
        <translation>星期 %1 不在 1 到 7 之间。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Opening hours must be written as HH:mm.</source>
        <translation>营业时间须写成 HH:mm。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The holiday %1 is not a date (YYYY-MM-DD).</source>
        <translation>节假日 %1 不是日期（YYYY-MM-DD）。</translation>
    </message>
</context>
<context>
    <name>CatalogParser</name>
    <message>
        <location filename="../core/push/CatalogParser.cpp" line="+262"/>
        <source>The file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The first line must name the columns; title and price are required (for example: id,title,price,coupon_price,link,image,category,tags,available,updated_at).</source>
        <translation>第一行必须是列名；title 和 price 必填（例如：id,title,price,coupon_price,link,image,category,tags,available,updated_at）。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The file is not valid JSON: %1 (at byte %2).</source>
        <translation>文件不是有效的 JSON：%1（位于第 %2 字节）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The JSON file must hold a list of products (or an object with a &quot;products&quot; list).</source>
        <translation>JSON 文件必须是商品列表（或包含 &quot;products&quot; 列表的对象）。</translation>
    </message>
    <message>
        <location line="+161"/>
        <source>row %1: the title is missing</source>
        <translation>第 %1 行：缺少标题</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>row %1: the price &quot;%2&quot; is not a price</source>
        <translation>第 %1 行：价格“%2”不是有效价格</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>row %1: the coupon price &quot;%2&quot; is not a price</source>
        <translation>第 %1 行：券后价“%2”不是有效价格</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>row %1: the update time &quot;%2&quot; is not a date</source>
        <translation>第 %1 行：更新时间“%2”不是日期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>row %1: unknown text encoding (save the file as UTF-8 or GBK)</source>
        <translation>第 %1 行：无法识别的编码（请另存为 UTF-8 或 GBK）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>row %1: &quot;%2&quot; is neither yes nor no (available)</source>
        <translation>第 %1 行：“%2”既不是“是”也不是“否”（有货）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>row %1: the id &quot;%2&quot; appears on an earlier row</source>
        <translation>第 %1 行：编号“%2”在前面的行已出现</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>entry %1: not a product object</source>
        <translation>第 %1 项：不是商品对象</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>row %1: a field is too long (&quot;%2&quot;)</source>
        <translation>第 %1 行：字段过长（“%2”）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>row %1: no group is called &quot;%2&quot;</source>
        <translation>第 %1 行：没有名为“%2”的群</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>row %1: the product id is missing</source>
        <translation>第 %1 行：缺少商品编号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>row %1: &quot;%2&quot; is not a number of clicks or orders</source>
        <translation>第 %1 行：“%2”不是点击数或订单数</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <location filename="../core/store/Exporter.cpp" line="+203"/>
        <source>The archive could not be read.</source>
        <translation>无法读取消息存档。</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+80"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="-51"/>
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
        <location line="+3"/>
        <source>The gateway did not answer in time.</source>
        <translation>网关未能及时响应。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The gateway does not know this item (it may have been deleted).</source>
        <translation>网关找不到该项目（可能已被删除）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Another client is already connected to this account&apos;s gateway (only one may receive its events). Retrying...</source>
        <translation>已有另一个客户端连接到此账号的网关（同一时间只能有一个接收事件）。正在重试…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The gateway refused this action for the account.</source>
        <translation>网关拒绝了该账号的此项操作。</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+3"/>
        <source>The request was out of range.</source>
        <translation>请求超出范围。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This gateway does not support this action.</source>
        <translation>此网关不支持该操作。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The gateway had an internal error.</source>
        <translation>网关内部出错。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The gateway does not use TLS (it answered in plain text). Turn TLS off for this account, or check that the address is the gateway&apos;s TLS port.</source>
        <translation>网关不使用 TLS（它以明文应答）。请为此账号关闭 TLS，或检查该地址是否为网关的 TLS 端口。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The secure connection (TLS) to the gateway failed: its certificate is not trusted or does not match the server name. Check the CA file and the server name.</source>
        <translation>与网关的安全连接（TLS）失败：其证书不受信任或与服务器名称不符。请检查 CA 文件和服务器名称。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The gateway cannot be reached. Check the address, that it is running, and the TLS setting.</source>
        <translation>无法连接到网关。请检查地址、网关是否在运行以及 TLS 设置。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data was lost on the way to the gateway.</source>
        <translation>数据在发送到网关的途中丢失。</translation>
    </message>
    <message>
        <location line="+3"/>
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
    <name>GatewayToken</name>
    <message>
        <location filename="../core/gateway/GatewayToken.cpp" line="+15"/>
        <source>The token is empty.</source>
        <translation>令牌为空。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The token is longer than %1 characters; gateway tokens are much shorter. Check that only the token was entered.</source>
        <translation>令牌超过 %1 个字符；网关令牌要短得多。请检查是否只输入了令牌。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The token contains a character that gateways cannot accept (character %1). A token may contain only letters A-Z and a-z, digits, punctuation and spaces: no accented or Chinese letters, line breaks, tabs or invisible characters.</source>
        <translation>令牌含有网关无法接受的字符（第 %1 个字符）。令牌只能包含字母 A-Z 和 a-z、数字、标点和空格：不能有带重音的字母或汉字、换行、制表符或不可见字符。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The token begins or ends with a space.</source>
        <translation>令牌以空格开头或结尾。</translation>
    </message>
</context>
<context>
    <name>KeywordMatcher</name>
    <message>
        <location filename="../core/monitor/KeywordMatcher.cpp" line="+138"/>
        <source>The keyword list cannot be compiled: %1</source>
        <translation>关键词列表无法编译：%1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Out of memory for the keyword list.</source>
        <translation>关键词列表内存不足。</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+85"/>
        <source>The regular expression does not compile: %1</source>
        <translation>正则表达式无法编译：%1</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>The regular expressions together need more memory than allowed; remove some or make them simpler.</source>
        <translation>这些正则表达式合计所需内存超出允许范围；请删除一些或简化它们。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The keyword is empty.</source>
        <translation>关键词为空。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The keyword is longer than %1 characters.</source>
        <translation>关键词超过 %1 个字符。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The regular expression is empty.</source>
        <translation>正则表达式为空。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The regular expression is longer than %1 characters.</source>
        <translation>正则表达式超过 %1 个字符。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The regular expression needs more memory than allowed; make it simpler.</source>
        <translation>正则表达式所需内存超出允许范围；请简化它。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The regular expression matches empty text, so it would match every message.</source>
        <translation>正则表达式能匹配空文本，因此会匹配每一条消息。</translation>
    </message>
</context>
<context>
    <name>Lexicon</name>
    <message>
        <location filename="../core/monitor/Lexicon.cpp" line="+57"/>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>an entry before the first [section]</source>
        <translation>在第一个 [分节] 之前出现了条目</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a setting is written name = number</source>
        <translation>设置项的写法是 名称 = 数字</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the value of %1 is not a number</source>
        <translation>%1 的值不是数字</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>an entry is a word and an optional weight; words have no spaces</source>
        <translation>条目是一个词加上可选的权重；词中不能有空格</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the weight &quot;%1&quot; is not a number</source>
        <translation>权重“%1”不是数字</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is larger than %2 MB.</source>
        <translation>%1 大于 %2 MB。</translation>
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
        <location line="+10"/>
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
    <name>OutboxOutlet</name>
    <message>
        <location filename="../core/push/OutboxOutlet.cpp" line="+56"/>
        <source>The outbox did not answer.</source>
        <translation>发件箱没有响应。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The broadcast could not be created.</source>
        <translation>无法创建群发。</translation>
    </message>
</context>
<context>
    <name>PushPlanner</name>
    <message>
        <location filename="../core/push/PushPlanner.cpp" line="+132"/>
        <source>pushes are switched off for this group</source>
        <translation>此群已关闭推送</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no product qualifies</source>
        <translation>没有符合条件的商品</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the rule&apos;s daily cap is reached</source>
        <translation>已达到规则每日上限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the group&apos;s daily cap is reached</source>
        <translation>已达到本群每日上限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>every account in the group reached its daily cap</source>
        <translation>群内所有账号都已达到每日上限</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none of our accounts is in this group</source>
        <translation>我们的账号都不在此群</translation>
    </message>
</context>
<context>
    <name>PushSchedule</name>
    <message>
        <location filename="../core/push/PushSchedule.cpp" line="+49"/>
        <source>Choose at least one day of the week.</source>
        <translation>请至少选择一周中的一天。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add at least one time of day.</source>
        <translation>请至少添加一个时间。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A time of day is out of range.</source>
        <translation>时间超出范围。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run at most every 5 minutes.</source>
        <translation>最短间隔为 5 分钟。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The window must start before it ends.</source>
        <translation>时段的开始必须早于结束。</translation>
    </message>
</context>
<context>
    <name>PushTemplate</name>
    <message>
        <location filename="../core/push/PushTemplate.cpp" line="+51"/>
        <source>The text is empty.</source>
        <translation>文本为空。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A &quot;{&quot; is not closed: %1 (write {{ for a brace).</source>
        <translation>“{”没有闭合：%1（大括号本身请写作 {{）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unknown placeholder %1. Known: {title} {price} {coupon} {link} {group}.</source>
        <translation>未知的占位符 %1。可用：{title} {price} {coupon} {link} {group}。</translation>
    </message>
</context>
<context>
    <name>PushWorkspace</name>
    <message>
        <location filename="../core/push/PushWorkspace.cpp" line="+94"/>
        <source>The file is too large (more than 64 MB).</source>
        <translation>文件太大（超过 64 MB）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+73"/>
        <source>The file cannot be read: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>The products could not be saved.</source>
        <translation>商品无法保存。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The product needs an id.</source>
        <translation>商品需要编号。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The product needs a title.</source>
        <translation>商品需要标题。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The price cannot be negative.</source>
        <translation>价格不能为负数。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The product could not be saved.</source>
        <translation>商品无法保存。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The first line must name the columns: room_id (or group), product_id, clicks, orders.</source>
        <translation>第一行必须是列名：room_id（或群名）、product_id、clicks、orders。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The numbers could not be saved.</source>
        <translation>数据无法保存。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Give the rule a name.</source>
        <translation>请给规则起个名字。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the groups, or tags of groups, to push to.</source>
        <translation>请选择要推送的群或群标签。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The picture %1 does not exist.</source>
        <translation>图片 %1 不存在。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+187"/>
        <source>%1 is not a picture.</source>
        <translation>%1 不是图片。</translation>
    </message>
    <message>
        <location line="-159"/>
        <source>The rule could not be saved.</source>
        <translation>规则无法保存。</translation>
    </message>
    <message>
        <location line="+153"/>
        <source>Write a text or choose a picture.</source>
        <translation>请填写文字或选择图片。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Choose at least one group that one of the accounts is in.</source>
        <translation>请至少选择一个有我们账号的群。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sending is not available.</source>
        <translation>当前无法发送。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The broadcast could not be saved.</source>
        <translation>群发无法保存。</translation>
    </message>
</context>
<context>
    <name>QuickReplyLibrary</name>
    <message>
        <location filename="../core/ops/QuickReplyLibrary.cpp" line="+82"/>
        <source>Give the reply a title.</source>
        <translation>请为回复填写标题。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reply has neither text nor a picture.</source>
        <translation>该回复既没有文字也没有图片。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The text is %1 characters long; at most %2 are allowed.</source>
        <translation>文字长度为 %1 个字符；最多允许 %2 个。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The shortcut cannot contain spaces or &quot;/&quot;.</source>
        <translation>快捷词不能包含空格或“/”。</translation>
    </message>
</context>
<context>
    <name>ReplyTemplate</name>
    <message>
        <location filename="../core/ops/ReplyTemplate.cpp" line="+53"/>
        <source>Unknown variable {%1}: use %2.</source>
        <translation>未知变量 {%1}：请使用 %2。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{%1} has no value here, so this reply cannot be filled in.</source>
        <translation>{%1} 在此处没有值，因此无法填写该回复。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown variable {%1}.</source>
        <translation>未知变量 {%1}。</translation>
    </message>
</context>
<context>
    <name>RuleDryRun</name>
    <message>
        <location filename="../core/monitor/RuleDryRun.cpp" line="+37"/>
        <source>The archive does not record when bots were offline, so this rule cannot be tried on history.</source>
        <translation>存档没有记录机器人何时离线，因此无法在历史消息上试用此规则。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The archive cannot be read.</source>
        <translation>无法读取存档。</translation>
    </message>
</context>
<context>
    <name>RuleFile</name>
    <message>
        <location filename="../core/monitor/RuleFile.cpp" line="+62"/>
        <source>a rule must be an object, not %1</source>
        <translation>规则必须是对象，而不是 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>must be an array of strings, not %1</source>
        <translation>必须是字符串数组，而不是 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+19"/>
        <source>must be a string, not %1</source>
        <translation>必须是字符串，而不是 %1</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>the rule has no &quot;id&quot;</source>
        <translation>规则缺少 &quot;id&quot;</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+48"/>
        <source>must be a non-empty string</source>
        <translation>必须是非空字符串</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>&quot;%1&quot; is not a severity; use info, low, medium, high or critical</source>
        <translation>&quot;%1&quot; 不是严重级别；请使用 info、low、medium、high 或 critical</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must be one of &quot;info&quot;, &quot;low&quot;, &quot;medium&quot;, &quot;high&quot;, &quot;critical&quot;</source>
        <translation>必须是 &quot;info&quot;、&quot;low&quot;、&quot;medium&quot;、&quot;high&quot;、&quot;critical&quot; 之一</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+28"/>
        <source>must be &quot;global&quot; or an object with &quot;groups&quot; and/or &quot;tags&quot;</source>
        <translation>必须是 &quot;global&quot; 或包含 &quot;groups&quot; 和/或 &quot;tags&quot; 的对象</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>unknown field &quot;%1&quot;; use groups and tags</source>
        <translation>未知字段 &quot;%1&quot;；请使用 groups 和 tags</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must be an array of strings</source>
        <translation>必须是字符串数组</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown field &quot;%1&quot;</source>
        <translation>未知字段 &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the rule has no &quot;keywords&quot; and no &quot;regexes&quot;</source>
        <translation>规则既没有 &quot;keywords&quot; 也没有 &quot;regexes&quot;</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The rule file is larger than %1 MB.</source>
        <translation>规则文件大于 %1 MB。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>not valid JSON: %1</source>
        <translation>不是有效的 JSON：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the file must hold a JSON object with &quot;rules&quot;</source>
        <translation>文件必须是包含 &quot;rules&quot; 的 JSON 对象</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>version %1 is not supported (this GroupDesk reads version %2)</source>
        <translation>不支持版本 %1（此 GroupDesk 读取版本 %2）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unknown field</source>
        <translation>未知字段</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>missing: the file needs a &quot;rules&quot; array</source>
        <translation>缺失：文件需要一个 &quot;rules&quot; 数组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be an array, not %1</source>
        <translation>必须是数组，而不是 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>another rule already has the id &quot;%1&quot;</source>
        <translation>另一条规则已使用 id &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the file is larger than %1 MB</source>
        <translation>文件大于 %1 MB</translation>
    </message>
</context>
<context>
    <name>RuleSet</name>
    <message>
        <location filename="../core/monitor/RuleSet.cpp" line="+33"/>
        <source>A rule has no id.</source>
        <translation>有规则缺少 id。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Another rule already has the id &quot;%1&quot;.</source>
        <translation>另一条规则已使用 id &quot;%1&quot;。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The rule has no keyword and no regular expression.</source>
        <translation>规则既没有关键词也没有正则表达式。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>keyword &quot;%1&quot;: %2</source>
        <translation>关键词“%1”：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>regular expression &quot;%1&quot;: %2</source>
        <translation>正则表达式“%1”：%2</translation>
    </message>
</context>
<context>
    <name>RulesTool</name>
    <message>
        <location filename="../app/rules/main.cpp" line="+49"/>
        <source>rule &quot;%1&quot;</source>
        <translation>规则“%1”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2: %3</source>
        <translation>%1：%2：%3</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>check takes one rule file</source>
        <translation>check 只接受一个规则文件</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%1: %n rule(s), all usable</source>
        <translation>
            <numerusform>%1：%n 条规则，全部可用</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>classify reads messages from stdin; unexpected argument &quot;%1&quot;</source>
        <translation>classify 从标准输入读取消息；多余的参数“%1”</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the lexicon folder %1 does not exist</source>
        <translation>词库文件夹 %1 不存在</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>cannot write the results</source>
        <translation>无法写出结果</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>GroupDesk monitoring rules.
  classify  read messages (one per line) from stdin, write one JSON object per line
  check     report the problems of a rule file</source>
        <translation>GroupDesk 监控规则。
  classify  从标准输入读取消息（每行一条），每行输出一个 JSON 对象
  check     报告规则文件中的问题</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>classify or check</source>
        <translation>classify 或 check</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also apply the keyword rules of &lt;file&gt; (JSON).</source>
        <translation>同时应用 &lt;file&gt;（JSON）中的关键词规则。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Classify as messages of the group &lt;id&gt; (for scoped rules).</source>
        <translation>按群 &lt;id&gt; 的消息分类（用于限定范围的规则）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The group carries &lt;tag&gt; (repeatable; for scoped rules).</source>
        <translation>该群带有标签 &lt;tag&gt;（可重复；用于限定范围的规则）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read tone_zh.txt and question_zh.txt from &lt;dir&gt; when present there.</source>
        <translation>如果 &lt;dir&gt; 中有 tone_zh.txt 和 question_zh.txt，则从那里读取。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no command given; use classify or check (see --help)</source>
        <translation>未给出命令；请使用 classify 或 check（参见 --help）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown command &quot;%1&quot;; use classify or check</source>
        <translation>未知命令“%1”；请使用 classify 或 check</translation>
    </message>
</context>
<context>
    <name>Schema</name>
    <message>
        <location filename="../core/store/Schema.cpp" line="+316"/>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unanswered customers</source>
        <translation>未回复的客户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bot offline</source>
        <translation>机器人离线</translation>
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
    <name>Segmenter</name>
    <message>
        <location filename="../core/stats/Segmenter.cpp" line="+105"/>
        <source>Cannot open the word dictionary %1: %2</source>
        <translation>无法打开词典 %1：%2</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The word dictionary %1 holds no words</source>
        <translation>词典 %1 中没有任何词</translation>
    </message>
</context>
<context>
    <name>SelectionPolicy</name>
    <message numerus="yes">
        <location filename="../core/push/SelectionPolicy.cpp" line="+116"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n h</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no product is available and updated within 4 hours (other than the last one sent here)</source>
        <translation>没有 4 小时内更新且有货的商品（上次在此群发过的除外）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>fresh %1 ago</source>
        <translation>%1前更新</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>never pushed here</source>
        <translation>从未推送到此群</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not pushed here for %1</source>
        <translation>已 %1 未推送到此群</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>matches tag %1</source>
        <translation>匹配标签 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 clicks, %2 orders here</source>
        <translation>本群点击 %1，订单 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>fallback: every fresh product was pushed here within 3 days</source>
        <translation>放宽条件：所有新鲜商品 3 天内都推送过此群</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, </source>
        <translation>，</translation>
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
        <location line="+3"/>
        <source>QR codes shown before the scan; all but the last time out (default 1).</source>
        <translation>扫码前展示的二维码数量；除最后一个外都会过期（默认 1）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How long a QR code that times out stays up (default 3000).</source>
        <translation>会过期的二维码保持显示的时长（默认 3000）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Seconds between HEARTBEAT events; 0 = only on subscribe (default 10).</source>
        <translation>HEARTBEAT 事件的间隔秒数；0 = 仅在订阅时发送（默认 10）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Number of groups; 0 = the default world of 10 (default 0).</source>
        <translation>群数量；0 = 默认的 10 个群（默认 0）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Members of every group; 0 = 8 to 25 (default 0).</source>
        <translation>每个群的成员数；0 = 8 到 25 人（默认 0）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Once logged in and listened to, emit this many messages as fast as possible.</source>
        <translation>登录且有订阅者后，以最快速度发出这么多条消息。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Share of traffic (in %) that goes to the first group (default 0).</source>
        <translation>发往第一个群的流量占比（%，默认 0）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About one room event per this many messages (default 200).</source>
        <translation>大约每这么多条消息产生一个群事件（默认 200）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every Nth message is a photo or a PDF receipt; 0 = text only (default 15).</source>
        <translation>每隔 N 条消息发送一张照片或一份 PDF 收据；0 表示只发文字（默认 15）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every Nth photo is served truncated (a corrupt image).</source>
        <translation>每隔 N 张照片提供一张被截断的照片（损坏的图片）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every Nth MESSAGE event carries broken JSON (never counted).</source>
        <translation>每第 N 个 MESSAGE 事件携带损坏的 JSON（不计数）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every Nth MESSAGE event is written twice (counted once).</source>
        <translation>每第 N 个 MESSAGE 事件发送两次（只计一次）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every Nth MessagePayload call fails with --fault-fail-code.</source>
        <translation>每第 N 次 MessagePayload 调用以 --fault-fail-code 失败。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>gRPC status code for failed payload calls (default 14, UNAVAILABLE).</source>
        <translation>失败的 payload 调用使用的 gRPC 状态码（默认 14，UNAVAILABLE）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delay every MessagePayload answer by this many milliseconds.</source>
        <translation>每个 MessagePayload 应答延迟这么多毫秒。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>End each Event stream with UNAVAILABLE after N MESSAGE events.</source>
        <translation>每个 Event 流在 N 个 MESSAGE 事件后以 UNAVAILABLE 结束。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Log the bot out this many seconds after its first login.</source>
        <translation>机器人首次登录这么多秒后让其退出登录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop answering calls and events this many seconds after the first login.</source>
        <translation>首次登录这么多秒后停止响应调用和事件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exit abruptly, without stats, this many seconds after starting.</source>
        <translation>启动这么多秒后立即退出，不写统计。</translation>
    </message>
</context>
<context>
    <name>Simulator</name>
    <message>
        <location filename="../core/sim/SimPuppetServer.cpp" line="+808"/>
        <source>Cannot read the TLS certificate or key.</source>
        <translation>无法读取 TLS 证书或私钥。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot listen on %1.</source>
        <translation>无法在 %1 上监听。</translation>
    </message>
    <message>
        <location filename="../core/sim/Simulator.cpp" line="+97"/>
        <location line="+7"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>SmtpMailer</name>
    <message>
        <location filename="../core/monitor/SmtpMailer.cpp" line="+136"/>
        <source>E-mail is not set up: the server, the sender and a recipient are needed.</source>
        <translation>邮件尚未设置：需要服务器、发件人和至少一个收件人。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>E-mail cannot be sent (libcurl).</source>
        <translation>无法发送邮件（libcurl）。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The e-mail could not be sent: %1</source>
        <translation>邮件无法发送：%1</translation>
    </message>
</context>
<context>
    <name>StorageFaults</name>
    <message>
        <location filename="../core/store/StorageFault.cpp" line="+85"/>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file or its folder is read-only</source>
        <translation>文件或其所在文件夹为只读</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file is damaged</source>
        <translation>文件已损坏</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the disk reported a read or write error</source>
        <translation>磁盘报告了读写错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file or its folder cannot be opened or created</source>
        <translation>无法打开或创建该文件或其所在文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>another program keeps the file locked</source>
        <translation>另一个程序锁定了该文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the connection to the database server was lost</source>
        <translation>与数据库服务器的连接已断开</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>an unexpected database error occurred</source>
        <translation>发生了意外的数据库错误</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>GroupDesk cannot use the archive %1: %2</source>
        <translation>GroupDesk 无法使用存档 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GroupDesk cannot use the archive %1: %2.</source>
        <translation>GroupDesk 无法使用存档 %1：%2。</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <location filename="../core/store/StoreWriter.cpp" line="+31"/>
        <source>The database %1 was written by a newer version of GroupDesk (schema version %2; this version understands up to %3). It was not opened and not changed; please update GroupDesk.</source>
        <translation>数据库 %1 由更新版本的 GroupDesk 写入（结构版本 %2；当前版本最高支持 %3）。数据库未被打开，也未被修改；请升级 GroupDesk。</translation>
    </message>
    <message>
        <location line="+568"/>
        <source>Cannot connect to the database %1: %2</source>
        <translation>无法连接数据库 %1：%2</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 is not a GroupDesk database.</source>
        <translation>%1 不是 GroupDesk 数据库。</translation>
    </message>
    <message>
        <location filename="../core/store/Store.cpp" line="+225"/>
        <source>Cannot rename %1 to %2: %3</source>
        <translation>无法将 %1 重命名为 %2：%3</translation>
    </message>
    <message>
        <location filename="../core/outbox/OutboxRepository.cpp" line="+335"/>
        <source>The file could not be read or copied for sending.</source>
        <translation>无法读取或复制该文件，未能发送。</translation>
    </message>
</context>
<context>
    <name>StoreWriteState</name>
    <message numerus="yes">
        <location filename="../core/store/StoreWriteState.cpp" line="+15"/>
        <source>The archive cannot write: the disk is full. %Ln message(s) are waiting.</source>
        <translation>
            <numerusform>存档无法写入：磁盘已满。%Ln 条消息正在等待。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The archive cannot write: the file or its folder became read-only. %Ln message(s) are waiting.</source>
        <translation>
            <numerusform>存档无法写入：文件或其所在文件夹变为只读。%Ln 条消息正在等待。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The archive cannot write: the file is damaged. %Ln message(s) are waiting.</source>
        <translation>
            <numerusform>存档无法写入：文件已损坏。%Ln 条消息正在等待。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The archive cannot write: the disk reported an error. %Ln message(s) are waiting.</source>
        <translation>
            <numerusform>存档无法写入：磁盘报告了错误。%Ln 条消息正在等待。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The archive cannot write: another program keeps it locked. %Ln message(s) are waiting.</source>
        <translation>
            <numerusform>存档无法写入：另一个程序锁定了它。%Ln 条消息正在等待。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The archive cannot write: the connection to the database server was lost; reconnecting. %Ln message(s) are waiting.</source>
        <translation>
            <numerusform>存档无法写入：与数据库服务器的连接已断开，正在重新连接。%Ln 条消息正在等待。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>The archive cannot write. %Ln message(s) are waiting.</source>
        <translation>
            <numerusform>存档无法写入。%Ln 条消息正在等待。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimeText</name>
    <message>
        <location filename="../ui/TimeText.cpp" line="+22"/>
        <source>Yesterday %1</source>
        <translation>昨天 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2</source>
        <comment>short date, then the time</comment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>WelcomeGatherer</name>
    <message numerus="yes">
        <location filename="../core/ops/WelcomeGatherer.cpp" line="+107"/>
        <source>Held back: this group already got %n welcome(s) in the last hour (the rule&apos;s cap).</source>
        <translation>
            <numerusform>暂缓：本群在过去一小时内已收到 %n 条欢迎语（规则上限）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomeRule</name>
    <message>
        <location filename="../core/ops/AutoReplyRule.cpp" line="+26"/>
        <source>The welcome has no text.</source>
        <translation>欢迎语没有内容。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The delay must be between 0 and 3600 seconds.</source>
        <translation>延迟必须在 0 到 3600 秒之间。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allow at least one welcome per hour (or disable the rule).</source>
        <translation>每小时至少允许一条欢迎语（或停用该规则）。</translation>
    </message>
</context>
<context>
    <name>gd</name>
    <message>
        <location filename="../core/stats/StatsReport.cpp" line="+24"/>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <location filename="../core/store/ServerArchive.cpp" line="+29"/>
        <source>The server refused the password. Enter the right one for user “%1”.</source>
        <translation>服务器拒绝了该密码。请输入用户“%1”的正确密码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server does not offer an encrypted connection (TLS), but the address asks for one (sslmode=%1).</source>
        <translation>服务器不提供加密连接（TLS），但地址要求加密（sslmode=%1）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The encrypted connection could not be set up (sslmode=%1): check the server&apos;s certificate and sslrootcert.</source>
        <translation>无法建立加密连接（sslmode=%1）：请检查服务器的证书和 sslrootcert。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server has no database “%1”.</source>
        <translation>服务器上没有数据库“%1”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server has no user “%1”.</source>
        <translation>服务器上没有用户“%1”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server does not let this computer in (its pg_hba.conf).</source>
        <translation>服务器不允许这台电脑连接（见服务器的 pg_hba.conf）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server could not be reached. Check the host, the port and the network.</source>
        <translation>无法连接到服务器。请检查主机、端口和网络。</translation>
    </message>
</context>
<context>
    <name>gd::AccountBanner</name>
    <message>
        <location filename="../ui/AccountBanner.cpp" line="+17"/>
        <source>Reconnect now</source>
        <translation>立即重连</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit account…</source>
        <translation>编辑账号…</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>%1 is connecting to its gateway…</source>
        <translation>%1 正在连接网关…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 was logged out of WeChat</source>
        <translation>%1 已退出微信登录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not connected</source>
        <translation>%1 未连接</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 %2</source>
        <comment>state, then the full reason</comment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>gd::AccountListModel</name>
    <message>
        <location filename="../ui/AccountListModel.cpp" line="+34"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>gd::AccountNotifier</name>
    <message>
        <location filename="../ui/AccountNotifier.cpp" line="+34"/>
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
    <name>gd::AddAccountDialog</name>
    <message>
        <location filename="../ui/AddAccountDialog.cpp" line="+25"/>
        <source>Use TLS</source>
        <translation>使用 TLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+13"/>
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
        <location line="+4"/>
        <source>Add account</source>
        <translation>添加账号</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Choose the CA certificate</source>
        <translation>选择 CA 证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>证书 (*.pem *.crt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Edit account</source>
        <translation>编辑账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save and reconnect</source>
        <translation>保存并重新连接</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Leave empty to keep the saved token</source>
        <translation>留空则保留已保存的令牌</translation>
    </message>
    <message>
        <location line="+30"/>
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
        <location line="+4"/>
        <source>The host name &quot;%1&quot; is not valid.</source>
        <translation>主机名“%1”无效。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Give the account a name, so staff can tell the bots apart.</source>
        <translation>请为账号命名，方便同事区分各个机器人。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter the gateway&apos;s token.</source>
        <translation>请填写网关的令牌。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The CA file &quot;%1&quot; cannot be read.</source>
        <translation>无法读取 CA 文件“%1”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An account for this gateway already exists.</source>
        <translation>此网关的账号已存在。</translation>
    </message>
</context>
<context>
    <name>gd::AlertDesk</name>
    <message>
        <location filename="../ui/AlertDesk.cpp" line="+47"/>
        <source>&amp;Alerts</source>
        <translation>告警(&amp;A)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Alert inbox</source>
        <translation>告警收件箱</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alert rules…</source>
        <translation>告警规则…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monitoring settings…</source>
        <translation>监控设置…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notify from severity</source>
        <translation>通知的最低严重级别</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Alerts (%1)</source>
        <translation>告警（%1）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
</context>
<context>
    <name>gd::AlertInbox</name>
    <message>
        <location filename="../ui/AlertInbox.cpp" line="+34"/>
        <source>Open alerts</source>
        <translation>未处理的告警</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All alerts (resolved too)</source>
        <translation>全部告警（含已解决）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search alerts</source>
        <translation>搜索告警</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rules…</source>
        <translation>规则…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the alert rules and try them on history</source>
        <translation>编辑告警规则并在历史消息上试用</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign…</source>
        <translation>分派…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Snooze</source>
        <translation>暂缓</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>15 minutes</source>
        <translation>15 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>4 hours</source>
        <translation>4 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until tomorrow 9:00</source>
        <translation>直到明天 9:00</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>this desk</source>
        <translation>本工作台</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No open alerts.</source>
        <translation>没有未处理的告警。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select an alert to see its message; Enter takes you to the composer.</source>
        <translation>选择一条告警以查看其消息；按 Enter 进入输入框。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Assign alert</source>
        <translation>分派告警</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Assign to:</source>
        <translation>分派给：</translation>
    </message>
</context>
<context>
    <name>gd::AlertListModel</name>
    <message>
        <location filename="../ui/AlertListModel.cpp" line="+173"/>
        <source>Severity</source>
        <translation>严重级别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Group</source>
        <translation>群</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Age</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>gd::AlertNotifier</name>
    <message>
        <location filename="../ui/AlertNotifier.cpp" line="+45"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>gd::ApiAppDialog</name>
    <message>
        <location filename="../ui/ApiAppDialog.cpp" line="+33"/>
        <source>Read accounts, groups, contacts, messages and alerts</source>
        <translation>读取账号、群、联系人、消息和告警</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send texts and pictures</source>
        <translation>发送文字和图片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledge and resolve alerts</source>
        <translation>确认和解决告警</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Incoming messages</source>
        <translation>收到的消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results of its sends</source>
        <translation>其发送的结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Issue an API app</source>
        <translation>签发 API 应用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit API app</source>
        <translation>编辑 API 应用</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Account ids, one a line; empty: every account</source>
        <translation>账号 ID，每行一个；留空表示所有账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group or contact ids, one a line; empty: all of them</source>
        <translation>群或联系人 ID，每行一个；留空表示全部</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> requests a minute</source>
        <translation> 次请求/分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>https://example.com/hook (empty: no webhook)</source>
        <translation>https://example.com/hook（留空表示不用 Webhook）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>May:</source>
        <translation>权限：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Accounts:</source>
        <translation>账号：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Groups:</source>
        <translation>群：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate limit:</source>
        <translation>频率限制：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Webhook URL:</source>
        <translation>Webhook 地址：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Webhook events:</source>
        <translation>Webhook 事件：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Issue</source>
        <translation>签发</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Give an http or https URL.</source>
        <translation>请填写 http 或 https 地址。</translation>
    </message>
</context>
<context>
    <name>gd::ApiAppsDialog</name>
    <message>
        <location filename="../ui/ApiAppsDialog.cpp" line="+31"/>
        <source>Run the local HTTP API</source>
        <translation>运行本地 HTTP API</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>HTTP API and webhooks</source>
        <translation>HTTP API 与 Webhook</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>PEM certificate (needed for any address but 127.0.0.1)</source>
        <translation>PEM 证书（监听 127.0.0.1 以外的地址时必需）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEM private key</source>
        <translation>PEM 私钥</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a PEM file</source>
        <translation>选择 PEM 文件</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+5"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Listening</source>
        <translation>监听</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate:</source>
        <translation>证书：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key:</source>
        <translation>密钥：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>App id</source>
        <translation>应用 ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>May</source>
        <translation>权限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Issued</source>
        <translation>签发时间</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Issue app…</source>
        <translation>签发应用…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoke</source>
        <translation>吊销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery log…</source>
        <translation>投递日志…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Apps</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+61"/>
        <source>Listening on port %1.</source>
        <translation>正在监听端口 %1。</translation>
    </message>
    <message>
        <location line="-60"/>
        <location line="+61"/>
        <source>Not listening.</source>
        <translation>未在监听。</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>read</source>
        <translation>读取</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>revoked %1</source>
        <translation>已于 %1 吊销</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>App not issued</source>
        <translation>应用未签发</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The secret could not be kept in the keychain, so the app was not issued: %1</source>
        <translation>密钥无法保存到系统钥匙串，因此应用未签发：%1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Revoke app</source>
        <translation>吊销应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoke “%1”? Its requests are refused from now on and its queued webhook events are dropped.</source>
        <translation>吊销“%1”？此后它的请求都会被拒绝，排队中的 Webhook 事件也会被丢弃。</translation>
    </message>
</context>
<context>
    <name>gd::ApiSecretDialog</name>
    <message>
        <location filename="../ui/ApiSecretDialog.cpp" line="+17"/>
        <source>App issued</source>
        <translation>应用已签发</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the secret now: it is shown only this once. GroupDesk keeps it in the system keychain; if it is lost, revoke the app and issue a new one.</source>
        <translation>请立即复制密钥：它只显示这一次。GroupDesk 将其保存在系统钥匙串中；如果丢失，请吊销该应用并重新签发。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Copy secret</source>
        <translation>复制密钥</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>App id:</source>
        <translation>应用 ID：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secret:</source>
        <translation>密钥：</translation>
    </message>
</context>
<context>
    <name>gd::AppRuntime</name>
    <message>
        <location filename="../app/groupdesk/AppRuntime.cpp" line="+101"/>
        <source>the saved password is empty</source>
        <translation>保存的密码为空</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+22"/>
        <source>the keychain did not answer</source>
        <translation>钥匙串没有响应</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>No password was given on standard input: nothing was stored.</source>
        <translation>标准输入中没有密码：未保存任何内容。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The password could not be kept in the keychain: %1</source>
        <translation>无法把密码保存到钥匙串：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot create the data directory %1.</source>
        <translation>无法创建数据目录 %1。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cannot open the database %1.</source>
        <translation>无法打开数据库 %1。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server refused the password kept in the keychain. Store the right one with: %1</source>
        <translation>服务器拒绝了钥匙串中保存的密码。请用以下命令保存正确的密码：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No password for this server is in the keychain (%1). Store it with: %2</source>
        <translation>钥匙串中没有此服务器的密码（%1）。请用以下命令保存：%2</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>The HTTP API is not running: %1</source>
        <translation>HTTP API 未运行：%1</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Team console: the shared archive is shown live; sends are queued for the engines that run the accounts.</source>
        <translation>团队控制台：实时显示共享存档；发送的消息排队交给运行这些账号的引擎。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Console mode without a shared database: nothing runs the accounts, sends wait in the outbox.</source>
        <translation>控制台模式但没有共享数据库：没有程序运行账号，发送的消息留在发件箱中等待。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Live updates resumed.</source>
        <translation>实时更新已恢复。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live updates paused: connecting to the database again…</source>
        <translation>实时更新已暂停：正在重新连接数据库…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Demo bot</source>
        <translation>演示机器人</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The demo gateway did not start: %1</source>
        <translation>演示网关未能启动：%1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Cannot read the token file %1: %2</source>
        <translation>无法读取令牌文件 %1：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The token file %1 is empty.</source>
        <translation>令牌文件 %1 是空的。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The token in %1 cannot be used: %2</source>
        <translation>%1 中的令牌无法使用：%2</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>The token of %1 saved in the keychain cannot be used: %2 Remove the account and add it again with the right token.</source>
        <translation>钥匙串中保存的 %1 的令牌无法使用：%2 请移除该账号，再用正确的令牌重新添加。</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+69"/>
        <source>The token of %1 could not be read from the keychain: %2</source>
        <translation>无法从钥匙串读取 %1 的令牌：%2</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>The token of %1 could not be saved in the keychain (%2). The account works now but must be added again after a restart.</source>
        <translation>无法将 %1 的令牌保存到钥匙串（%2）。账号现在可以使用，但重启后需要重新添加。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The token of %1 could not be saved in the keychain (%2). The account works now but must be edited again after a restart.</source>
        <translation>%1 的令牌无法保存到钥匙串（%2）。账号现在可以使用，但重启后必须重新编辑。</translation>
    </message>
</context>
<context>
    <name>gd::AutomationDialog</name>
    <message>
        <location filename="../ui/ops/AutomationDialog.cpp" line="+49"/>
        <source>Answer when the desk is busy or closed</source>
        <translation>客服忙碌或下班时自动回复</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Welcome new members</source>
        <translation>欢迎新成员</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Welcomes and Auto-replies</source>
        <translation>欢迎语和自动回复</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+34"/>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Group cooldown (s)</source>
        <translation>群冷却（秒）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer cooldown (s)</source>
        <translation>客户冷却（秒）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max per hour</source>
        <translation>每小时上限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add Rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove Rule</source>
        <translation>删除规则</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Keywords are separated by commas. The reply may use {customer} and {group}. The bot itself and staff are never answered.</source>
        <translation>关键词之间用逗号分隔。回复中可以使用 {customer} 和 {group}。机器人自己和客服人员永远不会被自动回复。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>e.g. Our agents are busy; we will answer you shortly.</source>
        <translation>例如：客服正忙，我们会尽快回复您。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> min (0: only outside business hours)</source>
        <translation> 分钟（0：仅在营业时间外）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> s per customer</source>
        <translation> 秒（每位客户）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Business hours (Mon–Fri)</source>
        <translation>营业时间（周一至周五）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No answer for</source>
        <translation>无人回复超过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cooldown</source>
        <translation>冷却</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> s (joins within it get one welcome)</source>
        <translation> 秒（期间入群的成员合并为一条欢迎语）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> per group per hour</source>
        <translation> 条（每群每小时）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only groups with these tags (empty: every group)</source>
        <translation>仅限带有这些标签的群（留空：所有群）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Text ({names}, {group})</source>
        <translation>内容（{names}、{group}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gather joins for</source>
        <translation>合并入群的时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At most</source>
        <translation>最多</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keyword Replies</source>
        <translation>关键词回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Busy Reply</source>
        <translation>忙碌回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+126"/>
        <source>Welcome</source>
        <translation>欢迎语</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Busy reply</source>
        <translation>忙碌回复</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Auto-reply</source>
        <translation>自动回复</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Left group</source>
        <translation>已退出群</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>held back</source>
        <translation>已暂缓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1  %2 in %3 (%4): %5</source>
        <translation>%1  %2，%3（%4）：%5</translation>
    </message>
</context>
<context>
    <name>gd::BroadcastPage</name>
    <message>
        <location filename="../ui/push/BroadcastPage.cpp" line="+44"/>
        <source>Send later, at</source>
        <translation>定时发送，时间</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+220"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="-219"/>
        <source>Cancel the rest</source>
        <translation>取消剩余</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The announcement</source>
        <translation>群发内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Preview the groups</source>
        <translation>预览目标群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+40"/>
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Groups with tags</source>
        <translation>按标签选群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Or these groups</source>
        <translation>或指定这些群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Group</source>
        <translation>群</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Broadcasts</source>
        <translation>群发记录</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Pictures (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cancel the broadcast</source>
        <translation>取消群发</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Groups that have not received it yet will not get it. Cancel the rest?</source>
        <translation>尚未收到的群将不再发送。取消剩余部分？</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>(picture)</source>
        <translation>（图片）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>It goes to %n group(s): %1</source>
        <translation>
            <numerusform>将发送到 %n 个群：%1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Broadcast not sent</source>
        <translation>群发未发送</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 of %2 handled</source>
        <translation>已处理 %1 / %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+26"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+27"/>
        <source>sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 delivered, %3 failed, %4 cancelled, %5 waiting (due %6).</source>
        <translation>%1：送达 %2，失败 %3，取消 %4，等待 %5（计划 %6）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown (interrupted)</source>
        <translation>未知（中断）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
</context>
<context>
    <name>gd::CatalogPage</name>
    <message>
        <location filename="../ui/push/CatalogPage.cpp" line="+47"/>
        <source>Import catalog…</source>
        <translation>导入商品库…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import clicks and orders…</source>
        <translation>导入点击和订单…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History of the product…</source>
        <translation>商品变更历史…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Coupon price</source>
        <translation>券后价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Available</source>
        <translation>有货</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The report of the last import shows here.</source>
        <translation>最近一次导入的报告显示在这里。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Import catalog</source>
        <translation>导入商品库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catalog files (*.csv *.json *.txt)</source>
        <translation>商品文件 (*.csv *.json *.txt)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import clicks and orders</source>
        <translation>导入点击和订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%1: numbers for %n product(s) in groups, %2 bad row(s).</source>
        <translation>
            <numerusform>%1：%n 个商品的群内数据，%2 行有错。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+71"/>
        <location line="+3"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="-74"/>
        <location line="+71"/>
        <location line="+5"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 was not imported: %2</source>
        <translation>%1 未导入：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2): %3 added, %4 changed, %5 unchanged, %6 bad row(s) skipped.</source>
        <translation>%1（%2）：新增 %3，修改 %4，未变 %5，跳过错误行 %6。</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+4"/>
        <source>&quot;%1&quot; is not a price.</source>
        <translation>“%1”不是价格。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Available: write yes or no.</source>
        <translation>有货：请填写“是”或“否”。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+13"/>
        <source>Product not saved</source>
        <translation>商品未保存</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>edited</source>
        <translation>手工修改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>imported from %1</source>
        <translation>从 %1 导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2: %3</source>
        <translation>%1，%2：%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>History of %1</source>
        <translation>%1 的变更历史</translation>
    </message>
</context>
<context>
    <name>gd::Composer</name>
    <message>
        <location filename="../ui/Composer.cpp" line="+36"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image or File…</source>
        <translation>图片或文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later…</source>
        <translation>稍后发送…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Send this message (or a picture) at a time you choose</source>
        <translation>在您选择的时间发送这条消息（或一张图片）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Send an image or a file to this group</source>
        <translation>向此群发送图片或文件</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+9"/>
        <source>Message %1</source>
        <translation>发消息到 %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not connected: messages are queued and sent when the account is back online</source>
        <translation>未连接：消息会排队，待账号恢复在线后发送</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter to send, Shift+Enter for a new line</source>
        <translation>Enter 发送，Shift+Enter 换行</translation>
    </message>
    <message>
        <location line="+186"/>
        <source>「%1: %2」</source>
        <translation>「%1：%2」</translation>
    </message>
    <message>
        <location line="-191"/>
        <source>Select a group to start answering</source>
        <translation>选择一个群开始回复</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Send Image or File</source>
        <translation>发送图片或文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp);;All files (*)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.gif *.bmp *.webp);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+87"/>
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
        <location filename="../ui/ContactsPage.cpp" line="+77"/>
        <source>Show former members</source>
        <translation>显示已退群成员</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+16"/>
        <source>Name</source>
        <translation>昵称</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+16"/>
        <source>WeChat ID</source>
        <translation>微信 ID</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search contacts: name, remark, tag or pinyin</source>
        <translation>搜索联系人：名称、备注、标签或拼音</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tags…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <location line="+1"/>
        <source>Group</source>
        <translation>群聊</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+50"/>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <location line="-49"/>
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
        <location line="+23"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Groups of the contact</source>
        <translation>所在群聊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent messages (double-click to open)</source>
        <translation>最近消息（双击打开）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Groups</source>
        <translation>群聊</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>left on %1</source>
        <translation>%1 退群</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>joined %1</source>
        <translation>%1 入群</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <location line="+84"/>
        <source>%1 is in %n group(s)</source>
        <translation>
            <numerusform>%1 在 %n 个群中</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Private chat</source>
        <translation>私聊</translation>
    </message>
    <message>
        <location line="+71"/>
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
    <name>gd::DatabaseAddress</name>
    <message>
        <location filename="../core/store/DatabaseAddress.cpp" line="+140"/>
        <source>No database was given: enter a file path or a postgresql:// address.</source>
        <translation>未指定数据库：请输入文件路径或 postgresql:// 地址。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database address is too long (more than %1 characters).</source>
        <translation>数据库地址过长（超过 %1 个字符）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database file path contains a control character.</source>
        <translation>数据库文件路径包含控制字符。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>“%1” databases are not supported: use a file path or a postgresql:// address.</source>
        <translation>不支持“%1”数据库：请使用文件路径或 postgresql:// 地址。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The database address contains a space or a control character; encode it as %XX.</source>
        <translation>数据库地址包含空格或控制字符，请用 %XX 形式编码。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The database address must not contain “#”.</source>
        <translation>数据库地址不能包含“#”。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The database address names no database (…/name at its end).</source>
        <translation>数据库地址没有指明数据库（末尾应为 …/名称）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The database name in the address is not valid.</source>
        <translation>地址中的数据库名称无效。</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+78"/>
        <source>The database address contains a password. Remove it: GroupDesk keeps the password in the system keychain.</source>
        <translation>数据库地址中包含密码。请将其删除：GroupDesk 把密码保存在系统钥匙串中。</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>The user name in the database address is not valid.</source>
        <translation>数据库地址中的用户名无效。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database address lists several hosts; give exactly one.</source>
        <translation>数据库地址列出了多个主机，请只填写一个。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The database address has “[” without “]” around its host.</source>
        <translation>数据库地址中主机名的“[”缺少对应的“]”。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+7"/>
        <location line="+12"/>
        <location line="+5"/>
        <location line="+69"/>
        <source>The host in the database address is not valid.</source>
        <translation>数据库地址中的主机无效。</translation>
    </message>
    <message>
        <location line="-63"/>
        <location line="+67"/>
        <source>The socket directory in the database address is too long.</source>
        <translation>数据库地址中的套接字目录过长。</translation>
    </message>
    <message>
        <location line="-62"/>
        <location line="+74"/>
        <source>The port in the database address must be a number from 1 to 65535.</source>
        <translation>数据库地址中的端口必须是 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>The database address has a parameter that is not name=value.</source>
        <translation>数据库地址中有一个参数不是 名称=值 的形式。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The database address has an unknown parameter “%1”.</source>
        <translation>数据库地址中有未知参数“%1”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+28"/>
        <location line="+15"/>
        <source>The database address gives “%1” twice.</source>
        <translation>数据库地址中“%1”出现了两次。</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>The value of “%1” in the database address is not valid.</source>
        <translation>数据库地址中“%1”的值无效。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>sslmode must be one of: %1.</source>
        <translation>sslmode 必须是以下之一：%1。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>connect_timeout must be a number of seconds from 0 to 3600.</source>
        <translation>connect_timeout 必须是 0 到 3600 之间的秒数。</translation>
    </message>
</context>
<context>
    <name>gd::Engine</name>
    <message>
        <location filename="../core/engine/Engine.cpp" line="+140"/>
        <source>The archive is not open: nothing was queued.</source>
        <translation>存档未打开：没有加入发送队列。</translation>
    </message>
</context>
<context>
    <name>gd::ExportDialog</name>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="+48"/>
        <location line="+207"/>
        <location line="+12"/>
        <location line="+54"/>
        <source>Export messages</source>
        <translation>导出消息</translation>
    </message>
    <message>
        <location line="-271"/>
        <source>What to export</source>
        <translation>导出内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This group</source>
        <translation>本群</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+2"/>
        <source>Without it, Excel shows Chinese text in a CSV file as garbled characters.</source>
        <translation>不加 BOM 时，Excel 打开 CSV 文件会把中文显示为乱码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protect against spreadsheet formulas</source>
        <translation>防止电子表格公式注入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cells starting with = + - @ get a leading &apos; so a spreadsheet shows a customer&apos;s text instead of running it.</source>
        <translation>以 = + - @ 开头的单元格前加一个 &apos;，让电子表格显示客户的原文而不是把它当公式执行。</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <location line="+101"/>
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
        <location line="+21"/>
        <source>Exported %n message(s)…</source>
        <translation>
            <numerusform>已导出 %n 条消息…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
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
        <location filename="../ui/FeedView.cpp" line="+145"/>
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
    <message numerus="yes">
        <location line="+51"/>
        <source>Show the whole message (%Ln characters)</source>
        <translation>
            <numerusform>显示整条消息（%Ln 个字符）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+56"/>
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
        <location line="+77"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location line="+173"/>
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
        <location line="+49"/>
        <source>Scheduled for %1</source>
        <translation>计划于 %1 发送</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+3"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Whole message</source>
        <translation>整条消息</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>Copy text</source>
        <translation>复制文字</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Quote in reply</source>
        <translation>引用回复</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Mention %1</source>
        <translation>提及 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Messages from %1</source>
        <translation>%1 的消息</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
</context>
<context>
    <name>gd::FileCheck</name>
    <message>
        <location filename="../core/util/FileCheck.cpp" line="+117"/>
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
    <name>gd::GroupCleanup</name>
    <message>
        <location filename="../core/ops/GroupCleanup.cpp" line="+58"/>
        <source>The gateway refused: the bot is not a member of this group (or is not logged in).</source>
        <translation>网关拒绝：机器人不是该群成员（或未登录）。</translation>
    </message>
</context>
<context>
    <name>gd::GroupCleanupDialog</name>
    <message>
        <location filename="../ui/ops/GroupCleanupDialog.cpp" line="+38"/>
        <source>Only quiet groups (two stars or fewer)</source>
        <translation>仅冷清群（两星及以下）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leave These Groups</source>
        <translation>退出这些群</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+138"/>
        <source>Clean Up Groups</source>
        <translation>清理群</translation>
    </message>
    <message>
        <location line="-132"/>
        <location line="+34"/>
        <source>Group</source>
        <translation>群</translation>
    </message>
    <message>
        <location line="-34"/>
        <location line="+34"/>
        <source>Health</source>
        <translation>活跃度</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Customers (30 days)</source>
        <translation>客户数（30 天）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff replies (30 days)</source>
        <translation>客服回复（30 天）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last customer message</source>
        <translation>最近一条客户消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> stars or fewer</source>
        <translation> 星及以下</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select by rating</source>
        <translation>按评级选择</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select by tag</source>
        <translation>按标签选择</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select none</source>
        <translation>全不选</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <location line="+83"/>
        <source>%n group(s) selected</source>
        <translation>
            <numerusform>已选择 %n 个群</numerusform>
        </translation>
    </message>
    <message>
        <location line="-72"/>
        <source>Stopped: left %1 of %2 groups.</source>
        <translation>已停止：已退出 %2 个群中的 %1 个。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done: left %1 of %2 groups; %3 failed.</source>
        <translation>完成：已退出 %2 个群中的 %1 个；%3 个失败。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Quiet Groups</source>
        <translation>冷清群</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 (left)</source>
        <translation>%1（已退出）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>none in 30 days</source>
        <translation>30 天内没有</translation>
    </message>
    <message>
        <location line="+58"/>
        <location line="+35"/>
        <source>to leave</source>
        <translation>待退出</translation>
    </message>
    <message numerus="yes">
        <location line="-29"/>
        <source>The bot will leave these %n group(s), one every %1 seconds (about %2 s in all). Their archive (messages, members, notes) stays and can still be searched. Customers are not told.</source>
        <translation>
            <numerusform>机器人将退出这 %n 个群，每 %1 秒一个（共约 %2 秒）。它们的存档（消息、成员、备注）会保留，仍可搜索。不会通知客户。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Leaving group 1 of %1…</source>
        <translation>正在退出第 1 个群，共 %1 个…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Left</source>
        <translation>已退出</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Leaving group %1 of %2…</source>
        <translation>正在退出第 %1 个群，共 %2 个…</translation>
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
        <location line="+8"/>
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
        <location line="+56"/>
        <source>The image is damaged and cannot be shown.</source>
        <translation>图片已损坏，无法显示。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+6"/>
        <source>Save image</source>
        <translation>保存图片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>gd::LoginPanel</name>
    <message>
        <location filename="../ui/LoginPanel.cpp" line="+33"/>
        <source>Open WeChat on the bot&apos;s phone, tap + then Scan, and point it at this code.</source>
        <translation>在机器人手机上打开微信，点击右上角“+”→“扫一扫”，对准此二维码。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Log in %1</source>
        <translation>登录 %1</translation>
    </message>
</context>
<context>
    <name>gd::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+108"/>
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
        <location line="+17"/>
        <source>Saved %1 (%2)</source>
        <translation>已保存 %1（%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+218"/>
        <location filename="../ui/MainWindowTray.cpp" line="+59"/>
        <source>GroupDesk</source>
        <translation>GroupDesk</translation>
    </message>
    <message>
        <location line="-198"/>
        <source>Chats</source>
        <translation>会话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contacts</source>
        <translation>通讯录</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <location line="+64"/>
        <location line="+152"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="-143"/>
        <source>Search messages</source>
        <translation>搜索消息</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+200"/>
        <source>Search in this group</source>
        <translation>在本群中搜索</translation>
    </message>
    <message>
        <location line="-193"/>
        <location line="+148"/>
        <location line="+49"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="-193"/>
        <source>Add bot account…</source>
        <translation>添加机器人账号…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not save to the database. Details are in the log.</source>
        <translation>无法保存到数据库，详情见日志。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Add bot account</source>
        <translation>添加机器人账号</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>BOT ACCOUNTS</source>
        <translation>机器人账号</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Right-click an account to reconnect, restart its login or remove it.</source>
        <translation>右键点击账号可重新连接、重新扫码登录或移除账号。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Filter groups</source>
        <translation>筛选群聊</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Search the archive (Ctrl+F; Ctrl+Shift+F in the open group)</source>
        <translation>搜索存档（Ctrl+F；在当前群中搜索按 Ctrl+Shift+F）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export a group or a date range to CSV or JSON (Ctrl+E)</source>
        <translation>将一个群或一段日期内的消息导出为 CSV 或 JSON（Ctrl+E）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recent</source>
        <translation>最近</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs attention</source>
        <translation>需要关注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group health</source>
        <translation>群活跃度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs attention: groups whose last customer message has no answer yet, longest waiting first</source>
        <translation>需要关注：最后一条客户消息尚未回复的群，等待最久的排在最前</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Unpin</source>
        <translation>取消置顶</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pin to top</source>
        <translation>置顶</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unmute</source>
        <translation>取消免打扰</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mute</source>
        <translation>免打扰</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tags…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <location line="+182"/>
        <source>Removed account (%1): export…</source>
        <translation>已移除的账号（%1）：导出…</translation>
    </message>
    <message numerus="yes">
        <location line="+113"/>
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n 位成员</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
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
        <location line="+2"/>
        <source>No groups yet: the account is not connected (see above).</source>
        <translation>还没有群：该账号未连接（见上方）。</translation>
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
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No accounts</source>
        <translation>没有账号</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1 of %n account(s) online</source>
        <translation>
            <numerusform>%1/%n 个账号在线</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reconnect now</source>
        <translation>立即重连</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restart QR login</source>
        <translation>重新扫码登录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit account…</source>
        <translation>编辑账号…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+12"/>
        <source>Remove account</source>
        <translation>移除账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the account &quot;%1&quot; from GroupDesk? It stops connecting, its token and its unsent messages are deleted. Its archived messages stay: export them from Accounts &gt; Archives of removed accounts, or add the account again to browse and search them.</source>
        <translation>要从 GroupDesk 移除账号“%1”吗？它将不再连接，其令牌和未发送的消息会被删除。已存档的消息会保留：可在“账号 &gt; 已移除账号的存档”中导出，或重新添加该账号以浏览和搜索。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowMenus.cpp" line="+28"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Close window</source>
        <translation>关闭窗口(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>C&amp;hats</source>
        <translation>聊天(&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;ontacts</source>
        <translation>联系人(&amp;O)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Statistics…</source>
        <translation>统计(&amp;S)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Accounts</source>
        <translation>账号(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reconnect now</source>
        <translation>立即重连(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restart &amp;QR login</source>
        <translation>重新扫码登录(&amp;Q)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Re&amp;move account…</source>
        <translation>移除账号(&amp;M)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Archives of removed accounts</source>
        <translation>已移除账号的存档</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About GroupDesk</source>
        <translation>关于 GroupDesk(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About GroupDesk</source>
        <translation>关于 GroupDesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GroupDesk %1
A console for customer-service teams that run WeChat bot accounts.</source>
        <translation>GroupDesk %1
为运营微信机器人账号的客服团队打造的控制台。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowNavigation.cpp" line="+83"/>
        <source>Go to group or contact…</source>
        <translation>转到群或联系人…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Next group with unread messages</source>
        <translation>下一个有未读消息的群</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Previous group with unread messages</source>
        <translation>上一个有未读消息的群</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close the open panel</source>
        <translation>关闭打开的面板</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowTray.cpp" line="-4"/>
        <source>GroupDesk (%1 unread, %2 @)</source>
        <translation>GroupDesk（%1 条未读，%2 条 @）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GroupDesk (%1 unread)</source>
        <translation>GroupDesk（%1 条未读）</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>GroupDesk keeps running</source>
        <translation>GroupDesk 仍在运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The accounts stay connected. Quit from the tray icon&apos;s menu or with Ctrl+Q.</source>
        <translation>账号保持连接。可从托盘图标的菜单或按 Ctrl+Q 退出。</translation>
    </message>
</context>
<context>
    <name>gd::MessageNotifier</name>
    <message>
        <location filename="../ui/MessageNotifier.cpp" line="+74"/>
        <source>%1 mentioned you in %2</source>
        <translation>%1 在 %2 中提到了你</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n messages mention you</source>
        <translation>
            <numerusform>%n 条消息提到了你</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 in %2</source>
        <translation>%1 在 %2</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n new messages in watched groups</source>
        <translation>
            <numerusform>关注的群中有 %n 条新消息</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 in %2: %3</source>
        <translation>%1 在 %2：%3</translation>
    </message>
</context>
<context>
    <name>gd::MonitorSettingsDialog</name>
    <message>
        <location filename="../ui/MonitorSettingsDialog.cpp" line="+29"/>
        <source>Monitoring settings</source>
        <translation>监控设置</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your name at this desk</source>
        <translation>你在本工作台的名字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send e-mail for offline bots and severe alerts</source>
        <translation>机器人离线和严重告警时发送邮件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>smtp.example.com</source>
        <translation>smtp.example.com</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS (SMTPS)</source>
        <translation>TLS (SMTPS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None (trusted network only)</source>
        <translation>无（仅限可信网络）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kept in the keychain; empty leaves it unchanged</source>
        <translation>保存在钥匙串中；留空则不更改</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>lead@example.com, duty@example.com</source>
        <translation>lead@example.com, duty@example.com</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SMTP server</source>
        <translation>SMTP 服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encryption</source>
        <translation>加密</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail alerts from</source>
        <translation>邮件告警的最低级别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alert e-mail</source>
        <translation>告警邮件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send test e-mail</source>
        <translation>发送测试邮件</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The password could not be saved in the keychain: %1</source>
        <translation>无法将密码保存到钥匙串：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>[GroupDesk] Test e-mail</source>
        <translation>[GroupDesk] 测试邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alert e-mail from GroupDesk works.</source>
        <translation>GroupDesk 的告警邮件工作正常。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The test e-mail was sent.</source>
        <translation>测试邮件已发送。</translation>
    </message>
</context>
<context>
    <name>gd::NotesPanel</name>
    <message>
        <location filename="../ui/ops/NotesPanel.cpp" line="+19"/>
        <location line="+54"/>
        <source>Group note</source>
        <translation>群备注</translation>
    </message>
    <message>
        <location line="-52"/>
        <location line="+65"/>
        <source>Customer note</source>
        <translation>客户备注</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Order numbers, agreements, context…</source>
        <translation>订单号、约定、背景信息…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search notes</source>
        <translation>搜索备注</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+14"/>
        <source>Note on %1</source>
        <translation>%1 的备注</translation>
    </message>
</context>
<context>
    <name>gd::NoticeBanner</name>
    <message>
        <location filename="../ui/NoticeBanner.cpp" line="+21"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide this notice</source>
        <translation>隐藏此提示</translation>
    </message>
</context>
<context>
    <name>gd::OpsAutomation</name>
    <message>
        <location filename="../core/ops/OpsAutomation.cpp" line="+258"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>The rules could not be saved: %1</source>
        <translation>规则无法保存：%1</translation>
    </message>
</context>
<context>
    <name>gd::OpsDesk</name>
    <message>
        <location filename="../ui/ops/OpsDesk.cpp" line="+43"/>
        <source>&amp;Groups</source>
        <translation>群组(&amp;G)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Quick Replies…</source>
        <translation>快捷回复(&amp;Q)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Group &amp;Notes</source>
        <translation>群备注(&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Scheduled Messages…</source>
        <translation>定时消息(&amp;S)…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Quiet Groups…</source>
        <translation>冷清群(&amp;Q)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Clean Up Groups…</source>
        <translation>清理群(&amp;C)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Welcomes and Auto-replies…</source>
        <translation>欢迎语和自动回复(&amp;W)…</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>this desk</source>
        <translation>本工作台</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Auto-reply</source>
        <translation>自动回复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Welcome</source>
        <translation>欢迎语</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scheduled</source>
        <translation>定时</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Send Later</source>
        <translation>稍后发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The message could not be scheduled: %1</source>
        <translation>无法安排这条消息：%1</translation>
    </message>
</context>
<context>
    <name>gd::OpsStore</name>
    <message>
        <location filename="../core/ops/OpsStore.cpp" line="+151"/>
        <source>The archive is closed.</source>
        <translation>存档已关闭。</translation>
    </message>
</context>
<context>
    <name>gd::OutboxRepository</name>
    <message>
        <location filename="../core/outbox/OutboxRepository.cpp" line="-136"/>
        <source>No account was chosen to send from.</source>
        <translation>没有选择发送所用的账号。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No group or contact was chosen to send to.</source>
        <translation>没有选择要发送到的群或联系人。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is nothing to send.</source>
        <translation>没有要发送的内容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+184"/>
        <source>The archive is not open: nothing was queued.</source>
        <translation>存档未打开：没有加入发送队列。</translation>
    </message>
    <message>
        <location line="-155"/>
        <location line="+21"/>
        <location line="+67"/>
        <location line="+38"/>
        <location line="+12"/>
        <source>The send could not be queued (database error).</source>
        <translation>无法加入发送队列（数据库错误）。</translation>
    </message>
    <message>
        <location line="-109"/>
        <source>The broadcast this send belongs to does not exist.</source>
        <translation>此发送所属的群发不存在。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The broadcast was cancelled: nothing was queued.</source>
        <translation>该群发已取消：没有加入发送队列。</translation>
    </message>
</context>
<context>
    <name>gd::PushDesk</name>
    <message>
        <location filename="../ui/push/PushDesk.cpp" line="+17"/>
        <source>&amp;Push</source>
        <translation>推送(&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Push &amp;schedules…</source>
        <translation>推送日程(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Push &amp;rules…</source>
        <translation>推送规则(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product &amp;catalog…</source>
        <translation>商品库(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Broadcast…</source>
        <translation>群发(&amp;B)…</translation>
    </message>
</context>
<context>
    <name>gd::PushPlanTable</name>
    <message>
        <location filename="../ui/push/PushPlanTable.cpp" line="+21"/>
        <source>Group</source>
        <translation>群</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sent by / when</source>
        <translation>发送账号 / 时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>选择理由</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>not sent</source>
        <translation>不发送</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 at %2</source>
        <translation>%1 于 %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No picture</source>
        <translation>无图片</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The picture cannot be shown.</source>
        <translation>图片无法显示。</translation>
    </message>
</context>
<context>
    <name>gd::PushRulesPage</name>
    <message>
        <location filename="../ui/push/PushRulesPage.cpp" line="+55"/>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Send the product&apos;s own picture when it has one</source>
        <translation>商品有图片时发送商品图片</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+120"/>
        <source>New rule</source>
        <translation>新建规则</translation>
    </message>
    <message>
        <location line="-119"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Group</source>
        <translation>群</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Include</source>
        <translation>包含</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exclude</source>
        <translation>排除</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pushes on</source>
        <translation>允许推送</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At times of day</source>
        <translation>每天固定时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every N minutes within a window</source>
        <translation>时段内每隔 N 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 09:30 12:00 20:00</source>
        <translation>例如 09:30 12:00 20:00</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{title} now {coupon} yuan (was {price}) {link}</source>
        <translation>{title} 券后仅 {coupon} 元（原价 {price}）{link}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no cap</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>rule/day</source>
        <translation>每规则每天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>group/day</source>
        <translation>每群每天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>account/day</source>
        <translation>每账号每天</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Skip runs missed while the program was closed</source>
        <translation>跳过程序关闭期间错过的推送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catch up once when the program starts</source>
        <translation>程序启动时补发一次</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Groups with tags</source>
        <translation>按标签选群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Groups</source>
        <translation>群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule</source>
        <translation>时间安排</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Times</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every</source>
        <translation>每隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days</source>
        <translation>星期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+64"/>
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Caps</source>
        <translation>上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missed runs</source>
        <translation>错过的推送</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Preview (dry run)</source>
        <translation>预览（试运行）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What this rule would send at</source>
        <translation>此规则在以下时间将发送</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Pictures (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 (off)</source>
        <translation>%1（停用）</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cannot be saved yet: %1</source>
        <translation>暂不能保存：%1</translation>
    </message>
</context>
<context>
    <name>gd::PushSchedulePage</name>
    <message>
        <location filename="../ui/push/PushSchedulePage.cpp" line="+41"/>
        <source> day(s)</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Today and the next days:</source>
        <translation>今天及之后：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>When / group</source>
        <translation>时间 / 群</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sent by / when</source>
        <translation>发送账号 / 时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+10"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Why</source>
        <translation>选择理由</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Push log: group</source>
        <translation>推送记录：群</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run</source>
        <translation>推送时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Group</source>
        <translation>群</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n 个群</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not sent</source>
        <translation>不发送</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 at %2</source>
        <translation>%1 于 %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No enabled rule runs in these days.</source>
        <translation>这几天没有启用的规则要运行。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>All groups</source>
        <translation>全部群</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All products</source>
        <translation>全部商品</translation>
    </message>
</context>
<context>
    <name>gd::PushWindow</name>
    <message>
        <location filename="../ui/push/PushWindow.cpp" line="+22"/>
        <source>Product pushes and broadcasts</source>
        <translation>商品推送与群发</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Push schedules</source>
        <translation>推送日程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Push rules</source>
        <translation>推送规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product catalog</source>
        <translation>商品库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Broadcast</source>
        <translation>群发</translation>
    </message>
</context>
<context>
    <name>gd::QuickReplyCatalog</name>
    <message>
        <location filename="../core/ops/QuickReplyCatalog.cpp" line="+49"/>
        <source>The reply could not be saved: %1</source>
        <translation>回复无法保存：%1</translation>
    </message>
</context>
<context>
    <name>gd::QuickReplyDialog</name>
    <message>
        <location filename="../ui/ops/QuickReplyDialog.cpp" line="+33"/>
        <source>Shared with the whole desk</source>
        <translation>与整个工作台共享</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quick Replies</source>
        <translation>快捷回复</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+26"/>
        <source>Shortcut</source>
        <translation>快捷词</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>e.g. tk</source>
        <translation>例如 tk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text; {customer}, {group}, {agent} and {date} are filled in when it is used</source>
        <translation>文字；使用时会填入 {customer}、{group}、{agent} 和 {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No picture</source>
        <translation>无图片</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>(no folder)</source>
        <translation>（无文件夹）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (mine)</source>
        <translation>%1（我的）</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Picture for the Reply</source>
        <translation>回复的图片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.gif *.bmp *.webp)</translation>
    </message>
</context>
<context>
    <name>gd::QuickReplyPicker</name>
    <message>
        <location filename="../ui/ops/QuickReplyPicker.cpp" line="+64"/>
        <source>/%1  %2</source>
        <translation>/%1  %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No quick reply is selected.</source>
        <translation>未选择快捷回复。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>(picture only)</source>
        <translation>（仅图片）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
</context>
<context>
    <name>gd::QuickSwitcher</name>
    <message>
        <location filename="../ui/QuickSwitcher.cpp" line="+20"/>
        <source>Go to group or contact</source>
        <translation>转到群或联系人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Group or contact: name or pinyin (shd for 售后队)</source>
        <translation>群或联系人：名称或拼音（shd 可找到 售后队）</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Group</source>
        <translation>群</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1  ·  %2</source>
        <translation>%1  ·  %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1  ·  %2  ·  %3</source>
        <translation>%1  ·  %2  ·  %3</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1  (%n unread)</source>
        <translation>
            <numerusform>%1  （%n 条未读）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gd::ReportSettingsDialog</name>
    <message>
        <location filename="../ui/stats/ReportSettingsDialog.cpp" line="+24"/>
        <source>Scheduled reports</source>
        <translation>定时报告</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send a statistics report by e-mail</source>
        <translation>通过电子邮件发送统计报告</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every day (yesterday&apos;s figures)</source>
        <translation>每天（昨天的数据）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every Monday (last week&apos;s figures)</source>
        <translation>每周一（上周的数据）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>:00</source>
        <translation>:00</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sent to %1 through %2, as set in the monitoring e-mail settings.</source>
        <translation>通过 %2 发送给 %1（按监控的电子邮件设置）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail is not set up yet: set the server and recipients in the monitoring settings (alert inbox) first.</source>
        <translation>尚未设置电子邮件：请先在监控设置（告警收件箱）中设置服务器和收件人。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send a report now</source>
        <translation>立即发送报告</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>How often:</source>
        <translation>频率：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From:</source>
        <translation>发送时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most frequent words listed:</source>
        <translation>列出的高频词数：</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Sent: %1</source>
        <translation>已发送：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
</context>
<context>
    <name>gd::RoomListModel</name>
    <message>
        <location filename="../ui/RoomListModel.cpp" line="+321"/>
        <source>No messages yet</source>
        <translation>暂无消息</translation>
    </message>
    <message>
        <location line="+8"/>
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
    <message>
        <location line="+8"/>
        <source>waiting &lt;1 min</source>
        <translation>等待 &lt;1 分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>waiting %1 min</source>
        <translation>等待 %1 分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>waiting %1 h</source>
        <translation>等待 %1 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waiting %1 d</source>
        <translation>等待 %1 天</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%1 · %n member(s)</source>
        <translation>
            <numerusform>%1 · %n 位成员</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gd::RuleEditorDialog</name>
    <message>
        <location filename="../ui/RuleEditorDialog.cpp" line="+48"/>
        <source>Alert rules</source>
        <translation>告警规则</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+224"/>
        <source>New rule</source>
        <translation>新建规则</translation>
    </message>
    <message>
        <location line="-223"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every bot account</source>
        <translation>所有机器人账号</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every group</source>
        <translation>所有群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One group</source>
        <translation>一个群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Groups with a tag</source>
        <translation>带有某标签的群</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First response</source>
        <translation>首次回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next responses</source>
        <translation>后续回复</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Count business hours only</source>
        <translation>只计营业时间</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Holidays, e.g. 2026-10-01, 2026-10-02</source>
        <translation>节假日，例如 2026-10-01, 2026-10-02</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Looks for</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Severity</source>
        <translation>严重级别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bot account</source>
        <translation>机器人账号</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Watches</source>
        <translation>监控范围</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+184"/>
        <source>Wait at most</source>
        <translation>最长等待</translation>
    </message>
    <message>
        <location line="-175"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try on history</source>
        <translation>在历史消息上试用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last</source>
        <translation>最近</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Group</source>
        <translation>群</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Save rule</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (not applied: %2)</source>
        <translation>%1（未生效：%2）</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keywords (one per line)</source>
        <translation>关键词（每行一个）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Offline for more than</source>
        <translation>离线超过</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>The holiday %1 is not a date (YYYY-MM-DD).</source>
        <translation>节假日 %1 不是日期（YYYY-MM-DD）。</translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>Trying the rule on the last %n day(s)…</source>
        <translation>
            <numerusform>正在用最近 %n 天的消息试用规则…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+37"/>
        <source>The dry run was cancelled.</source>
        <translation>试运行已取消。</translation>
    </message>
    <message numerus="yes">
        <location line="-32"/>
        <source>This rule would have raised %n alert(s) in the last %1 day(s) (%2 messages looked at).</source>
        <translation>
            <numerusform>此规则在最近 %1 天内会触发 %n 条告警（检查了 %2 条消息）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gd::ScheduledSendsDialog</name>
    <message>
        <location filename="../ui/ops/ScheduledSendsDialog.cpp" line="+43"/>
        <source>Nothing is scheduled. Use “Later…” in the composer.</source>
        <translation>没有定时消息。请在输入框中使用“稍后发送…”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel Send</source>
        <translation>取消发送</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+115"/>
        <location line="+35"/>
        <location line="+11"/>
        <source>Scheduled Messages</source>
        <translation>定时消息</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>Send at</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To</source>
        <translation>发送到</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Send later</source>
        <translation>稍后发送</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Composer</source>
        <translation>输入框</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP API</source>
        <translation>HTTP API</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Push</source>
        <translation>推送</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Auto-reply</source>
        <translation>自动回复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Welcome</source>
        <translation>欢迎语</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>[Picture] %1</source>
        <translation>[图片] %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This message is already on its way; it can no longer be cancelled.</source>
        <translation>这条消息已在发送中，无法再取消。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>This message is already on its way; your changes were not saved.</source>
        <translation>这条消息已在发送中；您的修改未保存。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The edited message could not be scheduled: %1</source>
        <translation>修改后的消息无法安排：%1</translation>
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
        <location line="+25"/>
        <source>Load more</source>
        <translation>加载更多</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export results…</source>
        <translation>导出结果…</translation>
    </message>
    <message numerus="yes">
        <location line="+213"/>
        <source>Single characters are searched in the last %n day(s) only; pick a date range to look further back.</source>
        <translation>
            <numerusform>单个字只搜索最近 %n 天；如需更早的消息，请选择日期范围。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
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
        <location line="+60"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>gd::SendLaterDialog</name>
    <message>
        <location filename="../ui/ops/SendLaterDialog.cpp" line="+27"/>
        <source>Send Later to %1</source>
        <translation>稍后发送给 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No picture</source>
        <translation>无图片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Picture to Send</source>
        <translation>要发送的图片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp);;All files (*)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.gif *.bmp *.webp);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Send at</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Schedule</source>
        <translation>安排</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>There is nothing to send: write a text or choose a picture.</source>
        <translation>没有可发送的内容：请输入文字或选择图片。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This message is %1 characters long; WeChat accepts at most %2.</source>
        <translation>这条消息长 %1 个字符；微信最多接受 %2 个。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a time in the future.</source>
        <translation>请选择一个将来的时间。</translation>
    </message>
</context>
<context>
    <name>gd::ServerArchive</name>
    <message>
        <location filename="../core/store/ServerArchive.cpp" line="+21"/>
        <source>A shared archive needs a postgresql:// address.</source>
        <translation>共享存档需要 postgresql:// 地址。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Connected. The archive was made by a newer GroupDesk (version %1): update GroupDesk before using it.</source>
        <translation>已连接。该存档由较新版本的 GroupDesk 创建（版本 %1）：请先更新 GroupDesk 再使用。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connected: a GroupDesk archive.</source>
        <translation>已连接：这是一个 GroupDesk 存档。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected: an empty database. GroupDesk sets it up when it opens it.</source>
        <translation>已连接：这是一个空数据库。GroupDesk 打开它时会完成初始化。</translation>
    </message>
</context>
<context>
    <name>gd::SettingsDialog</name>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="+40"/>
        <source>A message mentions the bot (@)</source>
        <translation>有消息提到机器人（@）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A customer writes in a watched group</source>
        <translation>关注的群中有客户发言</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closing the window keeps the accounts running in the tray</source>
        <translation>关闭窗口后账号继续在托盘中运行</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Same as the system</source>
        <translation>与系统相同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simplified Chinese (简体中文)</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> per second</source>
        <translation> 条/秒</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new language shows after GroupDesk restarts.</source>
        <translation>新语言在 GroupDesk 重启后生效。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Font size:</source>
        <translation>字号：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notify me when</source>
        <translation>以下情况通知我</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Watch a group from its right-click menu in the group list.</source>
        <translation>在群列表中右键单击一个群即可关注它。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send pacing (per account)</source>
        <translation>发送节奏（每个账号）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages:</source>
        <translation>消息：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Burst:</source>
        <translation>突发：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random delay up to:</source>
        <translation>随机延迟最多：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slower pacing looks less like a bot to WeChat. Applies to accounts when GroupDesk starts again.</source>
        <translation>较慢的节奏在微信看来更不像机器人。GroupDesk 下次启动时对各账号生效。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quit from the File menu or the tray icon&apos;s menu.</source>
        <translation>可从“文件”菜单或托盘图标的菜单退出。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Leave empty to keep the saved password</source>
        <translation>留空则保留已保存的密码</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Shared archive (team)</source>
        <translation>共享存档（团队）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server address:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>With an address, GroupDesk opens the team&apos;s archive when it starts again, as a team console: the engines (groupdesk --headless) run the accounts. Leave it empty to keep the archive on this computer. The password is kept in the system keychain; sslmode=verify-full checks the server&apos;s certificate.</source>
        <translation>填写地址后，GroupDesk 下次启动时会以团队控制台身份打开团队的存档：账号由引擎（groupdesk --headless）运行。留空则继续使用这台电脑上的存档。密码保存在系统钥匙串中；sslmode=verify-full 会校验服务器证书。</translation>
    </message>
    <message>
        <location line="+54"/>
        <location line="+45"/>
        <source>The shared archive needs a postgresql:// address.</source>
        <translation>共享存档需要 postgresql:// 地址。</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Enter the server address the password belongs to.</source>
        <translation>请输入该密码所属的服务器地址。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Keeping the password in the keychain…</source>
        <translation>正在把密码保存到钥匙串…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The password could not be kept in the keychain: %1</source>
        <translation>密码无法保存到钥匙串：%1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
</context>
<context>
    <name>gd::ShortcutsDialog</name>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="+18"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Send the message</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift+Enter</source>
        <translation>Shift+Enter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New line in the message</source>
        <translation>在消息中换行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up, Down, Enter</source>
        <translation>上、下、Enter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose in the quick switcher and the member picker</source>
        <translation>在快速切换和成员选择中选择</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>gd::StatisticsWindow</name>
    <message>
        <location filename="../ui/stats/StatisticsWindow.cpp" line="+58"/>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>new</source>
        <translation>新</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1% vs %2</source>
        <translation>%1%，上期 %2</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All groups</source>
        <translation>所有群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One group</source>
        <translation>单个群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Groups with tag</source>
        <translation>带标签的群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One account</source>
        <translation>单个账号</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Per hour</source>
        <translation>按小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per day</source>
        <translation>按天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per week</source>
        <translation>按周</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scope:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Period:</source>
        <translation>时段：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scheduled reports…</source>
        <translation>定时报告…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Volume</source>
        <translation>消息量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weekday × hour</source>
        <translation>星期 × 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response times</source>
        <translation>响应时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word frequency</source>
        <translation>词频</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers and groups</source>
        <translation>客户和群</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Customer messages</source>
        <translation>客户消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff messages</source>
        <translation>客服消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active customers</source>
        <translation>活跃客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joins</source>
        <translation>入群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leaves</source>
        <translation>退群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Median first response</source>
        <translation>首次响应中位数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>90% answered within</source>
        <translation>90% 在此时间内回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered in time</source>
        <translation>按时回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered late or waiting too long</source>
        <translation>回复超时或等待过久</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still waiting</source>
        <translation>仍在等待</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered waits</source>
        <translation>已回复的等待</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Save chart as PNG…</source>
        <translation>将图表保存为 PNG…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save data as CSV…</source>
        <translation>将数据保存为 CSV…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Messages:</source>
        <translation>消息：</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Messages of customers and staff by weekday and hour of the day.</source>
        <translation>按星期和一天中的小时统计的客户和客服消息。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Count words</source>
        <translation>统计词频</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Product names…</source>
        <translation>产品名称…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names of products and brands to count as one word each</source>
        <translation>作为一个词统计的产品和品牌名称</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What customers wrote in the period, most frequent words first. Click a word to search for it.</source>
        <translation>客户在该时段内写的内容，按出现次数从高到低排列。点击一个词即可搜索。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Word</source>
        <translation>词</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+411"/>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <location line="-381"/>
        <source>Most active customers</source>
        <translation>最活跃客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quietest groups</source>
        <translation>最冷清的群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alert kind</source>
        <translation>告警类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+173"/>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <location line="-173"/>
        <location line="+174"/>
        <source>Previous period</source>
        <translation>上期</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The figures could not be computed. Details are in the log.</source>
        <translation>无法计算数据。详情见日志。</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+1"/>
        <source>previous %1</source>
        <translation>上期 %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>First-response times (business hours where a rule sets them)</source>
        <translation>首次响应时间（规则设置了营业时间时按营业时间计）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 waits answered, median %2, 90% within %3. Response targets: %4 met, %5 missed; %6 customers still waiting.</source>
        <translation>已回复 %1 次等待，中位数 %2，90% 在 %3 内。响应目标：%4 次达成，%5 次未达成；%6 位客户仍在等待。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 to %2, compared with the %3 days before. Computed in %4 ms.</source>
        <translation>%1 至 %2，与之前 %3 天比较。计算用时 %4 毫秒。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staff</source>
        <translation>客服</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Messages of customers and staff</source>
        <translation>客户和客服的消息</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Counting words…</source>
        <translation>正在统计词频…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Words could not be counted: %1</source>
        <translation>无法统计词频：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+50"/>
        <source>Counting was cancelled.</source>
        <translation>统计已取消。</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>%1 customer messages, %2 words counted. Click a word to search for it.</source>
        <translation>%1 条客户消息，统计了 %2 个词。点击一个词即可搜索。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Product names</source>
        <translation>产品名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One product or brand name per line. Word counts keep each of them whole instead of splitting it into shorter words.</source>
        <translation>每行一个产品或品牌名称。统计词频时会将它们作为整体，而不拆分成更短的词。</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%n product name(s) will be kept whole from the next count.</source>
        <translation>
            <numerusform>下次统计起，%n 个产品名称将保持完整。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Most frequent words</source>
        <translation>高频词</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+5"/>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The image could not be saved.</source>
        <translation>无法保存图片。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+7"/>
        <source>Save data</source>
        <translation>保存数据</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file could not be saved: %1</source>
        <translation>无法保存文件：%1</translation>
    </message>
</context>
<context>
    <name>gd::StatsChartPainter</name>
    <message>
        <location filename="../core/stats/StatsChartPainter.cpp" line="+80"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Staff</source>
        <translation>客服</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Previous period</source>
        <translation>上期</translation>
    </message>
</context>
<context>
    <name>gd::StatsCsv</name>
    <message>
        <location filename="../core/stats/StatsCsv.cpp" line="+63"/>
        <source>under 1 min</source>
        <translation>1 分钟内</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1-5 min</source>
        <translation>1-5 分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>5-15 min</source>
        <translation>5-15 分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>15-60 min</source>
        <translation>15-60 分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>over 1 h</source>
        <translation>超过 1 小时</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Keyword</source>
        <translation>关键词</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pattern</source>
        <translation>模式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First response late</source>
        <translation>首次响应超时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next response late</source>
        <translation>后续响应超时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bot offline</source>
        <translation>机器人离线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bot back</source>
        <translation>机器人恢复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other (%1)</source>
        <translation>其他（%1）</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+25"/>
        <source>Customer messages</source>
        <translation>客户消息</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+24"/>
        <source>Staff messages</source>
        <translation>客服消息</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Active customers</source>
        <translation>活跃客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joins</source>
        <translation>入群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leaves</source>
        <translation>退群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered waits</source>
        <translation>已回复的等待</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unanswered waits</source>
        <translation>未回复的等待</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Median first response (ms)</source>
        <translation>首次响应中位数（毫秒）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>90th percentile first response (ms)</source>
        <translation>首次响应第 90 百分位（毫秒）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response target met</source>
        <translation>达成响应目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response target missed</source>
        <translation>未达成响应目标</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period %1 to %2</source>
        <translation>时段 %1 至 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+33"/>
        <location line="+31"/>
        <source>Previous period</source>
        <translation>上期</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>First response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+31"/>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer id</source>
        <translation>客户 ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+8"/>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+8"/>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Group</source>
        <translation>群</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Group id</source>
        <translation>群 ID</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Alert kind</source>
        <translation>告警类型</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Word</source>
        <translation>词</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages per day</source>
        <translation>每日消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First-response times</source>
        <translation>首次响应时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alerts by kind</source>
        <translation>按类型的告警</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weekday and hour</source>
        <translation>星期和小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most active customers</source>
        <translation>最活跃客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quietest groups</source>
        <translation>最冷清的群</translation>
    </message>
</context>
<context>
    <name>gd::StatsReport</name>
    <message>
        <location filename="../core/stats/StatsReport.cpp" line="+71"/>
        <source>GroupDesk statistics for %1</source>
        <translation>GroupDesk 统计：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GroupDesk statistics for %1 to %2</source>
        <translation>GroupDesk 统计：%1 至 %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Previous period</source>
        <translation>上期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer messages</source>
        <translation>客户消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff messages</source>
        <translation>客服消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active customers</source>
        <translation>活跃客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joins</source>
        <translation>入群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leaves</source>
        <translation>退群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Median first response</source>
        <translation>首次响应中位数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>90% answered within</source>
        <translation>90% 在此时间内回复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answered in time</source>
        <translation>按时回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered late or waiting too long</source>
        <translation>回复超时或等待过久</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still waiting</source>
        <translation>仍在等待</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quietest groups</source>
        <translation>最冷清的群</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Most active customers</source>
        <translation>最活跃客户</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>What customers wrote about</source>
        <translation>客户在谈论什么</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every figure is in the attached CSV file.</source>
        <translation>所有数据见附件 CSV 文件。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Most frequent words</source>
        <translation>高频词</translation>
    </message>
</context>
<context>
    <name>gd::StatsService</name>
    <message>
        <location filename="../core/stats/StatsService.cpp" line="+127"/>
        <source>The word dictionary could not be loaded.</source>
        <translation>无法加载词典。</translation>
    </message>
</context>
<context>
    <name>gd::StorageNotifier</name>
    <message>
        <location filename="../ui/StorageNotifier.cpp" line="+26"/>
        <source>GroupDesk cannot save messages</source>
        <translation>GroupDesk 无法保存消息</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GroupDesk saves messages again</source>
        <translation>GroupDesk 已恢复保存消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every message that waited has been stored.</source>
        <translation>所有等待中的消息均已保存。</translation>
    </message>
</context>
<context>
    <name>gd::StoreRecoveryDialog</name>
    <message>
        <location filename="../ui/StoreRecoveryDialog.cpp" line="+13"/>
        <source>GroupDesk cannot open its archive</source>
        <translation>GroupDesk 无法打开其存档</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You can use another data folder, or move %1 aside (it is renamed and kept, not deleted) and start a new, empty archive here.</source>
        <translation>你可以使用另一个数据文件夹，或将 %1 移到一旁（重命名并保留，不会删除），然后在此处新建一个空存档。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose another data folder…</source>
        <translation>选择另一个数据文件夹…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the file aside and start a new archive</source>
        <translation>将文件移到一旁并新建存档</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>gd::TagEditorDialog</name>
    <message>
        <location filename="../ui/TagEditorDialog.cpp" line="+27"/>
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
    <name>gd::TextViewer</name>
    <message>
        <location filename="../ui/TextViewer.cpp" line="+40"/>
        <source>Copy all</source>
        <translation>全部复制</translation>
    </message>
</context>
<context>
    <name>gd::TrayIcon</name>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="+18"/>
        <source>Show GroupDesk</source>
        <translation>显示 GroupDesk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>GroupDesk: no unread messages</source>
        <translation>GroupDesk：没有未读消息</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>GroupDesk: %n unread message(s), %1 mention(s) of the bot</source>
        <translation>
            <numerusform>GroupDesk：%n 条未读消息，%1 条提到机器人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>GroupDesk: %n unread message(s)</source>
        <translation>
            <numerusform>GroupDesk：%n 条未读消息</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gd::TypingNotice</name>
    <message>
        <location filename="../ui/TypingNotice.cpp" line="+46"/>
        <source>%1 is typing an answer here.</source>
        <translation>%1 正在这里输入回复。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 are typing answers here.</source>
        <translation>%1 正在这里输入回复。</translation>
    </message>
</context>
<context>
    <name>gd::WebhookLogDialog</name>
    <message>
        <location filename="../ui/WebhookLogDialog.cpp" line="+21"/>
        <source>Webhook deliveries of %1</source>
        <translation>%1 的 Webhook 投递记录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Attempt</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>耗时</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 (ids %2–%3)</source>
        <translation>%1（ID %2–%3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered (HTTP %1)</source>
        <translation>已投递（HTTP %1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
</context>
<context>
    <name>gd::api::ApiServer</name>
    <message>
        <location filename="../core/api/ApiServer.cpp" line="+194"/>
        <source>The secret of API app %1 cannot be read from the keychain: %2</source>
        <translation>无法从钥匙串读取 API 应用 %1 的密钥：%2</translation>
    </message>
</context>
<context>
    <name>gd::api::ApiService</name>
    <message>
        <location filename="../core/api/ApiService.cpp" line="+143"/>
        <source>The archive is not open.</source>
        <translation>存档未打开。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot read the archive: %1</source>
        <translation>无法读取存档：%1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Cannot read the certificate or key file.</source>
        <translation>无法读取证书或密钥文件。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The certificate or key file is not valid PEM.</source>
        <translation>证书或密钥文件不是有效的 PEM。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot listen on %1 port %2.</source>
        <translation>无法在 %1 端口 %2 上监听。</translation>
    </message>
</context>
<context>
    <name>gd::sim</name>
    <message>
        <location filename="../core/sim/SimCommandLine.cpp" line="+9"/>
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
        <location line="+1"/>
        <source>port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token every call must carry; empty accepts all.</source>
        <translation>每个调用必须携带的令牌；为空则全部接受。</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="+1"/>
        <location line="+3"/>
        <location line="+2"/>
        <location line="+1"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Append one line per message payload served to this file (survives a crash).</source>
        <translation>每提供一条消息内容，就向此文件追加一行（进程崩溃后仍保留）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serve TLS with this PEM certificate (needs --tls-key).</source>
        <translation>使用此 PEM 证书提供 TLS 服务（需要 --tls-key）。</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+8"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Log the bot in right after Start, without a QR scan.</source>
        <translation>Start 后立即登录机器人，无需扫码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Occasional joins, leaves and topic changes: on or off (default on).</source>
        <translation>偶尔产生入群、退群和改群名事件：on 或 off（默认 on）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>on|off</source>
        <translation>on|off</translation>
    </message>
    <message>
        <location line="+14"/>
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
        <location filename="../app/groupdesk/main.cpp" line="+85"/>
        <source>&amp;Integrations</source>
        <translation>集成(&amp;I)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HTTP API and webhooks…</source>
        <translation>HTTP API 与 Webhook…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Demo gateway</source>
        <translation>演示网关</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+60"/>
        <location line="+4"/>
        <location line="+18"/>
        <source>GroupDesk</source>
        <translation>GroupDesk</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Choose a data folder for GroupDesk</source>
        <translation>为 GroupDesk 选择数据文件夹</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The old archive was kept as %1. A new archive starts now.</source>
        <translation>旧存档已保留为 %1。现在开始使用新存档。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The team&apos;s shared archive could not be opened.</source>
        <translation>无法打开团队的共享存档。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the archive on this computer</source>
        <translation>使用这台电脑上的存档</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The database password is kept in the keychain.</source>
        <translation>数据库密码已保存在钥匙串中。</translation>
    </message>
    <message>
        <location filename="../app/sim/main.cpp" line="+42"/>
        <source>GroupDesk gateway simulator: a wechaty.Puppet gRPC server with a scripted world.</source>
        <translation>GroupDesk 网关模拟器：带脚本化模拟世界的 wechaty.Puppet gRPC 服务器。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Also write --stats-file every this many seconds while running (default 0: only on exit).</source>
        <translation>运行期间每隔这么多秒也写一次 --stats-file（默认 0：仅在退出时写）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Invalid --stats-every: %1</source>
        <translation>无效的 --stats-every：%1</translation>
    </message>
</context>
</TS>
