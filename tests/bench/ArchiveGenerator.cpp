#include "ArchiveGenerator.h"

namespace gd::bench {
namespace {

const QStringList kCustomerOpeners = {
    QStringLiteral("你好，"),       QStringLiteral("在吗？"), QStringLiteral("客服你好，"),
    QStringLiteral("麻烦问一下，"), QStringLiteral("急！"),   QStringLiteral(""),
    QStringLiteral("hello，"),
};
const QStringList kCustomerAsks = {
    QStringLiteral("退款什么时候到账"),
    QStringLiteral("订单一直没发货"),
    QStringLiteral("发票怎么开"),
    QStringLiteral("收到的东西坏了怎么办"),
    QStringLiteral("物流三天没更新了"),
    QStringLiteral("能不能换一个颜色"),
    QStringLiteral("七天无理由退货怎么操作"),
    QStringLiteral("我要投诉你们的快递"),
    QStringLiteral("优惠券用不了"),
    QStringLiteral("安装师傅什么时候上门"),
    QStringLiteral("电饭煲插上电没反应"),
    QStringLiteral("空调遥控器失灵了"),
    QStringLiteral("申请售后一直审核中"),
    QStringLiteral("价格保护可以退差价吗"),
    QStringLiteral("赠品没有收到"),
    QStringLiteral("包装破损，里面有划痕"),
    QStringLiteral("付款成功了但订单显示未支付"),
    QStringLiteral("可以开增值税专用发票吗"),
};
const QStringList kProducts = {
    QStringLiteral("星河空气炸锅"), QStringLiteral("扫地机器人X3"), QStringLiteral("变频空调"),
    QStringLiteral("电饭煲"),       QStringLiteral("蓝牙耳机"),     QStringLiteral("净水器滤芯"),
    QStringLiteral("电动牙刷"),
};
const QStringList kStaffReplies = {
    QStringLiteral("您好，已经为您加急处理"),
    QStringLiteral("亲，退款一般1-3个工作日原路返回"),
    QStringLiteral("已帮您催促仓库发货，请耐心等待"),
    QStringLiteral("发票可以在订单详情里申请电子发票"),
    QStringLiteral("麻烦提供一下订单号和照片"),
    QStringLiteral("非常抱歉给您带来不便"),
    QStringLiteral("已登记，售后同事会在24小时内联系您"),
    QStringLiteral("这边给您补发一个赠品"),
    QStringLiteral("请问还有其他可以帮您的吗？"),
    QStringLiteral("好的，收到"),
};
const QStringList kTails = {
    QStringLiteral(""),       QStringLiteral(""),        QStringLiteral("？"),
    QStringLiteral("！！"),   QStringLiteral(" 😢"),      QStringLiteral(" 🙏"),
    QStringLiteral("，谢谢"), QStringLiteral(" thanks"), QStringLiteral(" ASAP please"),
};

} // namespace

ArchiveGenerator::ArchiveGenerator(quint32 seed)
    : m_random(seed)
{}

QString ArchiveGenerator::roomId(int roomIndex)
{
    return QStringLiteral("%1@chatroom").arg(100000 + roomIndex);
}

QString ArchiveGenerator::text()
{
    auto pick
        = [this](const QStringList &list) { return list.at(int(m_random.bounded(list.size()))); };
    const int shape = int(m_random.bounded(10));
    if (shape < 4)
        return pick(kStaffReplies) + pick(kTails);
    if (shape < 7)
        return pick(kCustomerOpeners) + pick(kCustomerAsks) + pick(kTails);
    if (shape < 9)
        return QStringLiteral("%1我买的%2，订单号%3，%4%5")
            .arg(pick(kCustomerOpeners), pick(kProducts))
            .arg(m_random.bounded(100000000, 999999999))
            .arg(pick(kCustomerAsks), pick(kTails));
    return QStringLiteral("Order %1: %2 %3")
        .arg(m_random.bounded(10000, 99999))
        .arg(pick(kCustomerAsks), pick(kTails));
}

Message ArchiveGenerator::message(qint64 index, qint64 total, int roomIndex, qint64 endMs,
                                  int spanDays)
{
    Message m;
    m.accountId = QStringLiteral("bench");
    m.id = QStringLiteral("m%1").arg(index);
    m.roomId = roomId(roomIndex);
    const int talker = int(m_random.bounded(40));
    m.talkerId = QStringLiteral("wxid_c%1").arg(talker);
    m.talkerName = QStringLiteral("客户%1").arg(talker);
    m.kind = MessageKind::Text;
    m.text = text();
    const qint64 spanMs = qint64(spanDays) * 24 * 3600 * 1000;
    // Several messages share a timestamp (second resolution), as on real gateways.
    m.timestampMs = ((endMs - spanMs + spanMs * index / qMax<qint64>(1, total)) / 1000) * 1000;
    return m;
}

} // namespace gd::bench
