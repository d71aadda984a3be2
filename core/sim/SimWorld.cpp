#include "sim/SimWorld.h"

#include <QSet>

#include <algorithm>

namespace gd::sim {

namespace {

// Names are picked from fixed lists with a seeded generator so two runs with
// the same seed build the same world (tests and benchmarks rely on that).
const char *const kSurnames[]
    = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡",
       "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"};
const char *const kGivenNames[] = {
    "伟",   "芳",   "娜",   "秀英", "敏",   "静",   "丽",   "强",   "磊",   "军",   "洋",   "勇",
    "艳",   "杰",   "娟",   "涛",   "明",   "超",   "秀兰", "霞",   "平",   "刚",   "桂英", "建国",
    "晓燕", "志强", "海燕", "春梅", "子涵", "浩然", "雨欣", "俊杰", "欣怡", "梓轩", "佳琪", "宇航"};
// WeChat users often go by nicknames rather than their real names.
const char *const kNicknames[]
    = {"阳光明媚", "Lily🌸",    "快乐每一天", "A-建材老陈",  "平安是福", "Tony",    "花开富贵",
       "🍀幸运草",  "静待花开", "老王家电",   "Kevin_Zhang", "心若向阳", "小鱼儿🐟", "追梦人",
       "淡定",     "Annie",    "岁月静好",   "大海",        "开心果😄",  "晴天"};
struct Place
{
    const char *province;
    const char *city;
};
const Place kPlaces[] = {{"上海", "浦东"}, {"江苏", "南京"}, {"江苏", "苏州"}, {"浙江", "杭州"},
                         {"浙江", "宁波"}, {"广东", "广州"}, {"广东", "深圳"}, {"北京", "朝阳"},
                         {"四川", "成都"}, {"湖北", "武汉"}, {"山东", "青岛"}, {"福建", "厦门"}};
const char *const kSignatures[]
    = {"",         "", "认真生活",      "专业家电批发", "有事请留言", "做最好的自己",
       "诚信经营", "", "每天进步一点点"};
const char *const kStaff[]
    = {"售后-小李", "售后-小王", "客服-阿珍", "技术支持-老周", "客服主管-陈姐", "物流-小赵"};
const char *const kTopics[]
    = {"星河电器售后1群", "星河电器售后2群",   "售后队-星河电器3群", "VIP客户服务群",
       "华东区经销商群",  "华南区经销商群",    "新品体验官交流群",   "星河空调安装预约群",
       "以旧换新活动群",  "星河商城订单咨询群"};

template<typename T, size_t N> constexpr int countOf(const T (&)[N])
{
    return int(N);
}

class Picker
{
public:
    explicit Picker(quint32 seed)
        : m_engine(seed)
    {}
    int below(int n) { return int(m_engine() % quint32(n)); }
    bool chance(int percent) { return below(100) < percent; }
    QString wxid()
    {
        static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
        QString id = QStringLiteral("wxid_");
        for (int i = 0; i < 14; ++i)
            id += QLatin1Char(alphabet[below(36)]);
        return id;
    }
    std::mt19937 &engine() { return m_engine; }

private:
    std::mt19937 m_engine;
};

} // namespace

SimWorld SimWorld::generate(quint32 seed, int roomCount, int membersPerRoom)
{
    const bool big = roomCount > 0 || membersPerRoom > 0;
    SimWorld world;
    Picker pick(seed);

    SimContact self;
    self.id = QStringLiteral("wxid_gd_bot");
    self.name = QStringLiteral("星河客服小助手");
    self.province = QStringLiteral("上海");
    self.city = QStringLiteral("浦东");
    self.signature = QStringLiteral("星河电器官方客服，工作时间 9:00-21:00");
    self.staff = true;
    world.m_contacts.append(self);

    QSet<QString> usedNames;
    QSet<QString> usedIds{self.id};
    auto uniqueId = [&] {
        QString id;
        do {
            id = pick.wxid();
        } while (usedIds.contains(id));
        usedIds.insert(id);
        return id;
    };

    for (const char *staffName : kStaff) {
        SimContact c;
        c.id = uniqueId();
        c.name = QString::fromUtf8(staffName);
        c.gender = pick.chance(50) ? 1 : 2;
        c.province = QStringLiteral("上海");
        c.city = QStringLiteral("浦东");
        c.signature = QStringLiteral("星河电器客服中心");
        c.staff = true;
        world.m_contacts.append(c);
        usedNames.insert(c.name);
    }

    // Big worlds need enough distinct people to fill every group.
    const int customerCount = std::max(36, membersPerRoom + 20);
    while (world.m_contacts.size() < 1 + countOf(kStaff) + customerCount) {
        SimContact c;
        c.id = uniqueId();
        if (pick.chance(30)) {
            c.name = QString::fromUtf8(kNicknames[pick.below(countOf(kNicknames))]);
        } else {
            c.name = QString::fromUtf8(kSurnames[pick.below(countOf(kSurnames))])
                + QString::fromUtf8(kGivenNames[pick.below(countOf(kGivenNames))]);
        }
        if (usedNames.contains(c.name)) {
            if (!big || usedNames.size() < 600)
                continue;
            // The name lists run out past a few hundred people: number them.
            c.name += QString::number(world.m_contacts.size());
        }
        usedNames.insert(c.name);
        const Place &place = kPlaces[pick.below(countOf(kPlaces))];
        c.province = QString::fromUtf8(place.province);
        c.city = QString::fromUtf8(place.city);
        c.gender = 1 + pick.below(2);
        c.signature = QString::fromUtf8(kSignatures[pick.below(countOf(kSignatures))]);
        // The bot's remark: how staff have noted this customer.
        if (pick.chance(30)) {
            const QString surname = c.name.left(1);
            const QString title = c.gender == 1 ? QStringLiteral("先生") : QStringLiteral("女士");
            switch (pick.below(3)) {
            case 0:
                c.alias = QStringLiteral("%1%2-%3").arg(surname, title, c.city);
                break;
            case 1:
                c.alias = QStringLiteral("VIP-%1").arg(c.name);
                break;
            default:
                c.alias = QStringLiteral("%1(经销商)").arg(c.name);
                break;
            }
        }
        world.m_contacts.append(c);
    }

    const int firstCustomer = 1 + countOf(kStaff);
    const int rooms = roomCount > 0 ? roomCount : countOf(kTopics);
    for (int r = 0; r < rooms; ++r) {
        SimRoom room;
        room.id = QStringLiteral("%1@chatroom").arg(1001 + r);
        room.topic = QString::fromUtf8(kTopics[r % countOf(kTopics)]);
        if (r >= countOf(kTopics))
            room.topic += QString::number(r / countOf(kTopics) + 1);

        // 1-3 staff, the bot, and enough customers for 8-25 members in all.
        QVector<int> staff;
        const int staffInRoom = 1 + pick.below(3);
        while (staff.size() < staffInRoom) {
            const int s = 1 + pick.below(countOf(kStaff));
            if (!staff.contains(s))
                staff.append(s);
        }
        const int total = membersPerRoom > 0
            ? std::max(int(staff.size()) + 2,
                       std::min(membersPerRoom, customerCount + 1 + int(staff.size())))
            : 8 + pick.below(18);
        QVector<int> customers;
        for (int i = firstCustomer; i < world.m_contacts.size(); ++i)
            customers.append(i);
        std::shuffle(customers.begin(), customers.end(), pick.engine());
        customers.resize(total - 1 - staff.size());

        const SimContact &owner = world.m_contacts.at(staff.first());
        room.ownerId = owner.id;
        room.members.append({self.id, QString(), owner.id});
        for (int s : staff) {
            const SimContact &c = world.m_contacts.at(s);
            room.members.append({c.id, QString(), owner.id});
            room.adminIds.append(c.id);
        }
        for (int ci : customers) {
            const SimContact &c = world.m_contacts.at(ci);
            SimRoomMember m{c.id, QString(), owner.id};
            if (pick.chance(25)) {
                // Group nicknames in customer groups often carry a city or a shop.
                m.roomAlias = pick.chance(50)
                    ? QStringLiteral("%1-%2").arg(c.city, c.name)
                    : QStringLiteral("%1%2门店").arg(c.city, c.name.left(1));
            }
            if (pick.chance(30) && !room.members.isEmpty())
                m.inviterId = room.members.at(pick.below(int(room.members.size()))).contactId;
            room.members.append(m);
        }
        world.m_rooms.append(room);
    }
    for (int i = 0; i < world.m_contacts.size(); ++i)
        world.m_contactIndex.insert(world.m_contacts.at(i).id, i);
    for (int i = 0; i < world.m_rooms.size(); ++i)
        world.m_roomIndex.insert(world.m_rooms.at(i).id, i);
    return world;
}

const SimContact *SimWorld::contact(const QString &id) const
{
    const auto it = m_contactIndex.constFind(id);
    return it == m_contactIndex.cend() ? nullptr : &m_contacts.at(it.value());
}

const SimRoom *SimWorld::room(const QString &id) const
{
    const int i = roomIndex(id);
    return i < 0 ? nullptr : &m_rooms.at(i);
}

int SimWorld::roomIndex(const QString &id) const
{
    return m_roomIndex.value(id, -1);
}

const SimRoomMember *SimWorld::member(const SimRoom &room, const QString &contactId) const
{
    for (const SimRoomMember &m : room.members) {
        if (m.contactId == contactId)
            return &m;
    }
    return nullptr;
}

bool SimWorld::addMember(int roomIndex, const QString &contactId, const QString &inviterId)
{
    SimRoom &room = m_rooms[roomIndex];
    if (member(room, contactId) || !contact(contactId))
        return false;
    room.members.append({contactId, QString(), inviterId});
    return true;
}

bool SimWorld::removeMember(int roomIndex, const QString &contactId)
{
    SimRoom &room = m_rooms[roomIndex];
    // The bot and the owner never leave: the world would lose its point.
    if (contactId == self().id || contactId == room.ownerId)
        return false;
    for (int i = 0; i < room.members.size(); ++i) {
        if (room.members.at(i).contactId == contactId) {
            room.members.removeAt(i);
            room.adminIds.removeAll(contactId);
            return true;
        }
    }
    return false;
}

bool SimWorld::removeRoom(const QString &roomId)
{
    const int index = roomIndex(roomId);
    if (index < 0)
        return false;
    m_rooms.removeAt(index);
    m_roomIndex.clear();
    for (int i = 0; i < m_rooms.size(); ++i)
        m_roomIndex.insert(m_rooms.at(i).id, i);
    return true;
}

void SimWorld::setTopic(int roomIndex, const QString &topic)
{
    m_rooms[roomIndex].topic = topic;
}

} // namespace gd::sim
