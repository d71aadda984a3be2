#include "WeChatEmoji.h"

#include <QHash>

namespace gd {
namespace {

// Code (without brackets) -> emoji. Written for this project: the nearest
// Unicode emoji to what each WeChat sticker shows.
const QHash<QString, QString> &table()
{
    static const QHash<QString, QString> codes = [] {
        const struct
        {
            const char *code;
            const char *emoji;
        } pairs[] = {
            {"微笑", "🙂"}, {"撇嘴", "😒"},      {"色", "😍"},       {"发呆", "😳"},
            {"得意", "😎"},    {"流泪", "😢"},      {"害羞", "😊"},     {"闭嘴", "🤐"},
            {"睡", "😴"},      {"大哭", "😭"},      {"尴尬", "😅"},     {"发怒", "😡"},
            {"调皮", "😜"},    {"呲牙", "😁"},      {"惊讶", "😲"},     {"难过", "🙁"},
            {"抓狂", "😫"},    {"吐", "🤮"},     {"偷笑", "🤭"},  {"愉快", "😊"},
            {"白眼", "🙄"}, {"傲慢", "😤"},      {"困", "😪"},       {"惊恐", "😱"},
            {"憨笑", "😄"},    {"悠闲", "😌"},      {"咒骂", "🤬"},  {"疑问", "❓"},
            {"嘘", "🤫"},   {"晕", "😵"},        {"衰", "😞"},       {"骷髅", "💀"},
            {"敲打", "🔨"},    {"再见", "👋"},      {"擦汗", "😓"},     {"鼓掌", "👏"},
            {"坏笑", "😏"},    {"鄙视", "😒"},      {"委屈", "🥺"},  {"快哭了", "😢"},
            {"阴险", "😈"},    {"亲亲", "😘"},      {"可怜", "🥺"},  {"笑脸", "😄"},
            {"生病", "😷"},    {"脸红", "😳"},      {"破涕为笑", "😂"}, {"恐惧", "😨"},
            {"失望", "😞"},    {"无语", "😑"},      {"嘿哈", "😆"},     {"捂脸", "🤦"},
            {"奸笑", "😏"},    {"机智", "🤓"},   {"皱眉", "😟"},     {"耶", "✌️"},
            {"吃瓜", "🍉"},    {"加油", "💪"},      {"汗", "😓"},       {"天啊", "😱"},
            {"Emm", "🤔"},  {"旺柴", "🐶"},      {"好的", "👌"},     {"打脸", "🤕"},
            {"哇", "😮"},      {"翻白眼", "🙄"}, {"让我看看", "👀"}, {"叹气", "😮‍💨"},
            {"苦涩", "😣"},    {"裂开", "😖"},      {"嘴唇", "👄"},     {"爱心", "❤️"},
            {"心碎", "💔"},    {"拥抱", "🤗"},   {"强", "👍"},       {"弱", "👎"},
            {"握手", "🤝"}, {"胜利", "✌️"}, {"抱拳", "🙏"},     {"拳头", "✊"},
            {"OK", "👌"},      {"合十", "🙏"},      {"啤酒", "🍺"},     {"咖啡", "☕"},
            {"蛋糕", "🎂"},    {"玫瑰", "🌹"},      {"凋谢", "🥀"},  {"菜刀", "🔪"},
            {"炸弹", "💣"},    {"便便", "💩"},      {"月亮", "🌙"},     {"太阳", "☀️"},
            {"庆祝", "🎉"},    {"礼物", "🎁"},      {"红包", "🧧"},  {"發", "💰"},
            {"福", "🧧"},   {"烟花", "🎆"},      {"爆竹", "🧨"},  {"猪头", "🐷"},
            {"跳跳", "💃"},    {"发抖", "🥶"},   {"转圈", "💫"},     {"奋斗", "💪"},
            {"疑惑", "🤔"}, {"吓", "😨"},        {"阴脸", "😒"},     {"Smile", "🙂"},
        };
        QHash<QString, QString> h;
        for (const auto &p : pairs)
            h.insert(QString::fromUtf8(p.code), QString::fromUtf8(p.emoji));
        return h;
    }();
    return codes;
}

constexpr int kLongestCode = 6; // characters between the brackets, at most

} // namespace

QString WeChatEmoji::emojiFor(const QString &code)
{
    if (code.size() < 3 || !code.startsWith(QLatin1Char('[')) || !code.endsWith(QLatin1Char(']')))
        return {};
    return table().value(code.mid(1, code.size() - 2));
}

QString WeChatEmoji::replaceCodes(const QString &text)
{
    if (!text.contains(QLatin1Char('[')))
        return text; // the common case: no copy
    QString out;
    out.reserve(text.size());
    int i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('[')) {
            const int close = text.indexOf(QLatin1Char(']'), i + 1);
            if (close > i + 1 && close - i - 1 <= kLongestCode) {
                const auto it = table().constFind(text.mid(i + 1, close - i - 1));
                if (it != table().constEnd()) {
                    out += it.value();
                    i = close + 1;
                    continue;
                }
            }
        }
        out += c;
        ++i;
    }
    return out;
}

} // namespace gd
