#include "sim/SimChatter.h"

#include <QStringList>

namespace gd::sim {

namespace {

template<typename T, size_t N> constexpr int countOf(const T (&)[N])
{
    return int(N);
}

// %1 is replaced by an order number where a template has it.
const char *const kCustomer[] = {
    "退款什么时候到账？",
    "订单一直没发货，单号 %1，能帮忙查一下吗",
    "发票怎么开？需要开公司抬头的增值税专票",
    "东西坏了怎么办😭 空调开机就报E4",
    "请问 %1 这个订单可以改地址吗",
    "客服在吗？",
    "快递显示签收了但是我没收到，订单号%1",
    "洗衣机脱水的时候声音特别大，正常吗",
    "你们的安装师傅什么时候上门？约的今天下午",
    "买了三天就降价了，能保价吗🙏",
    "订单 %1 申请退货了，什么时候有人来取件",
    "有没有人管啊，问了半天没人回😡",
    "冰箱不制冷了，还在保修期内",
    "想问下以旧换新怎么参加",
    "这个型号支持 WiFi 吗？App 连不上",
    "Hello，请问 invoice 能发邮箱吗",
    "物流太慢了，%1 已经五天了还在路上",
    "赠品没收到，订单%1",
    "售后电话一直打不通",
    "遥控器丢了能单独买吗",
    "热水器漏水了，急！！！",
    "我的退款被拒了，为什么？订单 %1",
    "能不能开发票到另一个公司名下",
    "经销商拿货价格有调整吗？",
    "下个月有活动吗，想多进点货",
    "安装费是另外收的吗",
    "The order %1 is still pending, any update?",
    "收到的包装破损了，里面有划痕",
    "谢谢客服👍 问题解决了",
    "好的，我等通知",
    "[捂脸] 又坏了",
    "空调加氟要钱吗",
    "分期付款怎么申请",
    "请问门店地址在哪里",
    "扫地机器人充不上电了",
    "会员积分怎么用？",
};

const char *const kStaff[] = {
    "您好，已经为您加急处理",
    "亲，退款一般 1-3 个工作日原路退回，请留意银行通知",
    "您好，麻烦私聊发一下订单号，我帮您查询物流",
    "发票可以在商城-我的订单-申请开票里提交，专票需要提供税号和开户行",
    "非常抱歉给您带来不便，已登记报修，师傅 24 小时内联系您",
    "您好，保修期内免费维修，请提供购买凭证",
    "已经帮您催促仓库了，今天会安排发货",
    "以旧换新活动详情见群公告📢",
    "您好，%1 已经查到了，快递在派送中",
    "收到，我们马上安排售后同事跟进",
    "亲，安装是免费的，辅材按实际使用收费",
    "稍等，我帮您确认一下",
    "好的，有问题随时联系我们😊",
    "您好，这边已为您申请补发赠品",
    "价格保护 30 天内有效，已为您提交保价申请",
};

const char *const kTopicSuffixes[] = {"(新品)", "【通知】", "-2024", "(活动中)"};

} // namespace

SimChatter::SimChatter(quint32 seed)
    : m_engine(seed)
{}

QString SimChatter::orderNumber()
{
    // Shop order numbers: a date-like prefix and digits.
    return QStringLiteral("XH%1%2")
        .arg(20240101 + below(28) + 100 * below(12))
        .arg(below(900000) + 100000);
}

QString SimChatter::customerLine()
{
    const QString line = QString::fromUtf8(kCustomer[below(countOf(kCustomer))]);
    return line.contains(QLatin1String("%1")) ? line.arg(orderNumber()) : line;
}

QString SimChatter::staffLine()
{
    const QString line = QString::fromUtf8(kStaff[below(countOf(kStaff))]);
    return line.contains(QLatin1String("%1")) ? line.arg(orderNumber()) : line;
}

QString SimChatter::renamedTopic(const QString &topic)
{
    // Toggle a suffix so topics change back and forth instead of growing.
    for (const char *suffix : kTopicSuffixes) {
        const QString s = QString::fromUtf8(suffix);
        if (topic.endsWith(s))
            return topic.left(topic.size() - s.size());
    }
    return topic + QString::fromUtf8(kTopicSuffixes[below(countOf(kTopicSuffixes))]);
}

} // namespace gd::sim
